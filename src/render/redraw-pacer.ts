// When to redraw the canvas: a minimum gap for simulation-driven redraws, stretched so redraws take at most a share of the main thread. Pure; must not touch Pixi or the DOM.

export const PACING = {
  /** Shortest gap between redraws caused by the simulation (≈ 30 fps); camera moves redraw every frame. */
  minGapMs: 33,
  /**
   * Largest share of wall time that simulation-driven redraws may take. In software WebGL a redraw's cost is mostly
   * the main thread waiting for the GPU process at commit; leaving the rest of the time free keeps the GPU process,
   * the compositor and the engine worker from queueing behind each other on a 2-core machine. About a third: the less of
   * the time the main thread spends blocked in commits, the rarer it is that a hiccup of the machine (another
   * process, the hypervisor) lands inside one and stretches it past 50 ms.
   */
  maxDuty: 0.35,
  /** Weight of the newest measured cost in the running estimate (an exponential moving average). */
  smoothing: 0.3,
  /** Longest gap the pacer ever asks for, so a single very slow redraw (a shader compile) does not freeze the picture. */
  maxGapMs: 250,
} as const;

export type PacingBudget = { readonly [K in keyof typeof PACING]: number };

export interface RedrawPacer {
  /** Whether a redraw that is due may run now; `urgent` (the camera moved) always may. */
  mayRedraw(now: number, urgent: boolean): boolean;
  /** A redraw started at `start` (ms, same clock as `now`). */
  started(start: number): void;
  /** The redraw that started at `start` finished at `end`, including the commit it waited for. */
  finished(start: number, end: number): void;
  /** The gap (ms) simulation-driven redraws keep now. */
  gapMs(): number;
}

export function createRedrawPacer(budget: PacingBudget = PACING): RedrawPacer {
  let lastStart = Number.NEGATIVE_INFINITY;
  let cost = 0;
  const gap = () => Math.min(budget.maxGapMs, Math.max(budget.minGapMs, cost / budget.maxDuty));
  return {
    mayRedraw: (now, urgent) => urgent || now - lastStart >= gap(),
    started(start) {
      lastStart = start;
    },
    finished(start, end) {
      const spent = Math.max(0, end - start);
      cost = cost === 0 ? spent : cost + budget.smoothing * (spent - cost);
    },
    gapMs: gap,
  };
}
