// The node cache's bookkeeping: which texture to build, show or patch each animation frame, at what resolution. Pure; must not touch Pixi or the DOM.

/** Budgets of the node cache (see node-cache.ts for why it exists). */
export const NODE_CACHE = {
  /** Particles per build step: one step is drawn per animation frame while a texture is (re)built. */
  chunk: 2_500,
  /** Most changed dots patched in one frame; the rest wait for the next frames. */
  patch: 1_500,
  /** More dots waiting than this rebuilds the whole texture instead (a rebuild costs ~agents / chunk frames). */
  rebuildAbove: 20_000,
  /** Longest side of the cache texture in pixels; zoomed in further, the dots are drawn directly (few are on screen). */
  maxSide: 4_096,
  /** A zoom that changes the screen pixels per layout unit by more than this factor rebuilds the texture. */
  rescale: 1.3,
  /** Coarsest texture resolution (texels per layout unit), so a far zoom-out still has a texture of a few pixels. */
  minResolution: 0.05,
} as const;

export type CacheBudget = { readonly [K in keyof typeof NODE_CACHE]: number };

/**
 * One thing the Pixi side does this frame, in order. Targets are textures named by increasing ids.
 * - `create`: a new texture over the layout at `resolution` texels per layout unit; its steps are the ones listed now.
 * - `draw`: draw build step `step` of `target` into it (`clear` first when it is step 0).
 * - `show`: put `target` on screen. `destroy`: free it (when it is on screen, a `show` of another follows in the same frame).
 * - `patch`: redraw these agents' dots into every listed target (the shown one and the one being built).
 * - `mode`: switch between drawing the texture (`direct` false) and drawing the particles directly.
 */
export type CacheAction =
  | { readonly kind: 'create'; readonly target: number; readonly resolution: number }
  | { readonly kind: 'draw'; readonly target: number; readonly step: number; readonly clear: boolean }
  | { readonly kind: 'show'; readonly target: number }
  | { readonly kind: 'destroy'; readonly target: number }
  | { readonly kind: 'patch'; readonly targets: readonly number[]; readonly agents: readonly number[] }
  | { readonly kind: 'mode'; readonly direct: boolean };

export interface CachePlan {
  /** These agents' colours changed: patch them over the next frames (in the order given, each once). */
  markChanged(agents: Iterable<number>): void;
  /** Everything changed (colours of all, the decor, the background): rebuild from scratch. */
  invalidateAll(): void;
  /** The camera's screen pixels per layout unit: may switch to direct drawing or ask for a sharper texture. */
  setZoom(pixelsPerUnit: number): void;
  /** True while dots are drawn directly (zoomed in past the largest texture). */
  readonly direct: boolean;
  /**
   * True when the screen shows every change made so far: no texture being built or due, no dot waiting for its patch,
   * no mode switch waiting (an export waits for this before it captures the canvas).
   */
  readonly idle: boolean;
  /** The work of one animation frame; `stepCount` is how many build steps a texture started now has (≥ 1). */
  nextFrame(stepCount: number): CacheAction[];
}

/** Texels per layout unit of the largest texture allowed over a `width × height` layout. */
export function resolutionCap(width: number, height: number, maxSide: number = NODE_CACHE.maxSide): number {
  return maxSide / Math.max(width, height, 1);
}

/** Texture resolution for a zoom: the screen's own pixels per unit, within [minResolution, cap]. */
export function cacheResolution(
  pixelsPerUnit: number,
  cap: number,
  minResolution: number = NODE_CACHE.minResolution,
): number {
  return Math.min(cap, Math.max(minResolution, pixelsPerUnit));
}

/** 0xrrggbb → [r, g, b, 1] in 0…1, the clear colour of an opaque texture. */
export function clearColorOf(rgb: number): [number, number, number, number] {
  return [((rgb >> 16) & 255) / 255, ((rgb >> 8) & 255) / 255, (rgb & 255) / 255, 1];
}

/** [start, end) index ranges of `size` items each (the last may be shorter) covering 0 … count − 1. */
export function chunkRanges(count: number, size: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < count; start += size) ranges.push([start, Math.min(count, start + size)]);
  return ranges;
}

interface Build {
  readonly id: number;
  readonly resolution: number;
  readonly steps: number;
  next: number;
}

/**
 * The plan for a cache over a `width × height` layout. It starts in texture mode with a build pending, so the
 * first frame creates and shows a texture that then fills in, one step per frame.
 */
export function createCachePlan(width: number, height: number, budget: CacheBudget = NODE_CACHE): CachePlan {
  const cap = resolutionCap(width, height, budget.maxSide);
  let pixelsPerUnit = 1;
  let direct = false;
  let modeChanged = false;
  let rebuild = true;
  let nextId = 0;
  let shown: { id: number; resolution: number } | null = null;
  let building: Build | null = null;
  // Insertion-ordered: agents are patched in the order they changed, each once however often it changed.
  const changed = new Set<number>();

  const wantDirect = () => pixelsPerUnit > cap;
  const resolutionNow = () => cacheResolution(pixelsPerUnit, cap, budget.minResolution);

  const startBuild = (actions: CacheAction[], stepCount: number) => {
    if (building) {
      // An unfinished texture is dropped; if it was the one on screen, the new one takes its place and fills in.
      actions.push({ kind: 'destroy', target: building.id });
      if (shown?.id === building.id) shown = null;
    }
    const resolution = resolutionNow();
    building = { id: nextId++, resolution, steps: Math.max(1, stepCount), next: 0 };
    actions.push({ kind: 'create', target: building.id, resolution });
    // Nothing on screen yet (a new world): show the texture while it fills, so dots appear within a few frames.
    if (!shown) {
      shown = { id: building.id, resolution };
      actions.push({ kind: 'show', target: building.id });
    }
    // Dots drawn by the new build's chunks need no patch; dots changed later are patched into it as well.
    changed.clear();
  };

  return {
    markChanged(agents) {
      // A rebuild due draws every dot as it is then: nothing to remember (the first frame of a world marks them all).
      if (direct || rebuild) return;
      for (const a of agents) {
        changed.add(a);
        // So many that redrawing them all would cost more than a rebuild spread over frames.
        if (changed.size > budget.rebuildAbove) {
          rebuild = true;
          changed.clear();
          return;
        }
      }
    },
    invalidateAll() {
      rebuild = true;
    },
    setZoom(next) {
      pixelsPerUnit = next;
      if (wantDirect() !== direct) {
        direct = !direct;
        modeChanged = true;
        rebuild = !direct;
        return;
      }
      const current = building ?? shown;
      if (!direct && current) {
        const ratio = resolutionNow() / current.resolution;
        if (ratio > budget.rescale || ratio < 1 / budget.rescale) rebuild = true;
      }
    },
    get direct() {
      return direct;
    },
    get idle() {
      return !modeChanged && (direct || (!rebuild && building === null && changed.size === 0));
    },
    nextFrame(stepCount) {
      const actions: CacheAction[] = [];
      if (modeChanged) {
        modeChanged = false;
        actions.push({ kind: 'mode', direct });
      }
      if (direct) {
        changed.clear();
        return actions;
      }
      if (rebuild) {
        rebuild = false;
        startBuild(actions, stepCount);
      }
      if (building) {
        const target = building;
        actions.push({ kind: 'draw', target: target.id, step: target.next, clear: target.next === 0 });
        target.next++;
        if (target.next >= target.steps) {
          if (shown && shown.id !== target.id) actions.push({ kind: 'destroy', target: shown.id });
          if (shown?.id !== target.id) actions.push({ kind: 'show', target: target.id });
          shown = { id: target.id, resolution: target.resolution };
          building = null;
        }
      }
      if (changed.size > 0) {
        const agents: number[] = [];
        for (const a of changed) {
          if (agents.length >= budget.patch) break;
          agents.push(a);
        }
        for (const a of agents) changed.delete(a);
        // Into the shown texture and the one being built (its undrawn chunks will overdraw with the same colour).
        const targets = [shown?.id, building?.id].filter(
          (t, i, all): t is number => t !== undefined && all.indexOf(t) === i,
        );
        actions.push({ kind: 'patch', targets, agents });
      }
      return actions;
    },
  };
}
