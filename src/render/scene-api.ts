// The renderer's public contract: the Scene handle, its callbacks, where frames come from, and its drawing budgets. Types and constants only.
import type { FrameMessage, LayoutRect, ReadyMessage, TiesMessage } from '../../sim/protocol.ts';
import type { FitInsets } from './fit-plan.ts';
import type { ColorMode, ThemeName } from './palette.ts';

/** Budgets from DESIGN §6 (software WebGL): lines are the expensive part, so both kinds are capped. */
export const SCENE_BUDGET = {
  maxTies: 6_000,
  /** Cascade lines are re-tessellated at most this often while frames stream in. */
  cascadeRedrawMs: 200,
  minNodePx: 1.6,
  /**
   * Canvas pixels per CSS pixel when WebGL is software-rendered: 0.6 draws 64 % fewer pixels per frame. Each redraw's
   * commit waits for the CPU to rasterise and read back the canvas; against 0.75, 0.6 cut the 99th percentile of the
   * page's animation-frame tasks from 21–26 ms to 18–22 ms while playing 100k agents (bench/browser.ts's setting).
   */
  softwareResolution: 0.6,
} as const;

/** Where frames come from: the engine client's latest-frame mailbox. */
export interface FrameSource {
  takeFrame(): FrameMessage | null;
}

export interface SceneCallbacks {
  /** Agent under the pointer (−1 for none) and the pointer position relative to the canvas, in CSS pixels. */
  onHover(agent: number, screenX: number, screenY: number): void;
  /** A click (not a drag) on an agent, or on empty space (null). */
  onSelect(agent: number | null): void;
  /** The visible layout rectangle after a pan or zoom settles. */
  onViewChange?(rect: LayoutRect): void;
  /**
   * Called just before the world is fitted: the overlays may make room (the legend folds when the world would be much
   * smaller beside it; `zoomBetween` gives the fitted zoom of this world on this canvas between given insets);
   * returns the CSS pixels along the canvas's top and bottom they still cover, which the fitted world keeps clear of.
   */
  makeRoomForFit?(zoomBetween: (insets: FitInsets) => number): FitInsets;
}

export interface Scene {
  readonly canvas: HTMLCanvasElement;
  setWorld(world: ReadyMessage): void;
  setColorMode(mode: ColorMode): void;
  setTheme(theme: ThemeName): void;
  /** Trend colours by trend index ('#rrggbb'); new trends launched later extend the list. */
  setTrendColors(colors: readonly string[]): void;
  setTies(ties: TiesMessage | null): void;
  setSelected(agent: number | null): void;
  /** Parent→child pairs (flat: parent, child, parent, child, …) of the selected agent's cascade, drawn as highlighted lines. */
  setSelectedCascade(links: readonly number[]): void;
  visibleRect(): LayoutRect;
  /** Frames back to the whole world. */
  fitWorld(): void;
  /** Frames the whole world again unless the user has moved or zoomed the view since it was last framed. */
  refit(): void;
  zoomBy(factor: number): void;
  /** Renders now and returns the canvas as a PNG. */
  snapshot(): Promise<Blob>;
  /** A copy of what is on screen (for export), drawn on the theme background. */
  capture(): HTMLCanvasElement;
  /**
   * Resolves once the scene has drawn the frame of `tick` completely (at once if it already shows it): its dots, with no
   * node-cache build step or patch waiting, and its cascade lines. `capture()` then shows that hour. Glows are left as
   * they are: they fade by wall time. Rejects when `signal` aborts or another world is set before.
   */
  whenDrawn(tick: number, signal?: AbortSignal): Promise<void>;
  /** Frames the renderer drew since creation (the benchmark reads it). */
  framesDrawn(): number;
  destroy(): void;
}
