// Where a fitted world goes: the zoom and centre that frame a layout in the band of the canvas its overlays leave free. Pure arithmetic; touches neither Pixi nor the DOM.

/** Margins around the world when it is fitted (share of its width and height). */
export const FIT_MARGIN = { x: 1.02, y: 1.04 } as const;

/** CSS pixels along the canvas's top and bottom that overlays cover (read-outs and switches; the legend). */
export interface FitInsets {
  readonly top: number;
  readonly bottom: number;
}

export interface FitPlan {
  /** CSS pixels per layout unit. */
  readonly zoom: number;
  /** The layout point to put at the canvas's centre. */
  readonly centreX: number;
  readonly centreY: number;
}

/**
 * The least share of its size on the whole canvas the fitted world keeps when it is fitted between the overlays;
 * below that an overlay is left to cover part of it rather than shrink it to a strip.
 */
export const MIN_FIT_SHARE = 0.5;

/** The zoom that frames `width × height` (with FIT_MARGIN) in the canvas between `insets` (CSS pixels per unit). */
export function zoomBetween(
  hostWidth: number,
  hostHeight: number,
  width: number,
  height: number,
  insets: FitInsets,
): number {
  return Math.min(
    hostWidth / (width * FIT_MARGIN.x),
    (hostHeight - insets.top - insets.bottom) / (height * FIT_MARGIN.y),
  );
}

/** Whether a world fitted between `insets` keeps MIN_FIT_SHARE of the size it would have on the whole canvas. */
export function keepsFitShare(
  hostWidth: number,
  hostHeight: number,
  width: number,
  height: number,
  insets: FitInsets,
): boolean {
  const whole = zoomBetween(hostWidth, hostHeight, width, height, { top: 0, bottom: 0 });
  return zoomBetween(hostWidth, hostHeight, width, height, insets) >= MIN_FIT_SHARE * whole;
}

/**
 * The insets a fit keeps: both while the world keeps MIN_FIT_SHARE of its whole-canvas size between them, else the
 * top alone if it does (the legend can fold; the read-outs cannot), else none. A canvas narrower than the world's
 * shape keeps both at no cost: the world is as wide as the canvas either way.
 */
export function usableInsets(
  hostWidth: number,
  hostHeight: number,
  width: number,
  height: number,
  insets: FitInsets,
): FitInsets {
  const both = { top: Math.max(0, insets.top), bottom: Math.max(0, insets.bottom) };
  if (keepsFitShare(hostWidth, hostHeight, width, height, both)) return both;
  const topOnly = { top: both.top, bottom: 0 };
  if (keepsFitShare(hostWidth, hostHeight, width, height, topOnly)) return topOnly;
  return { top: 0, bottom: 0 };
}

/**
 * Frames a `width × height` layout (with FIT_MARGIN) in a `hostWidth × hostHeight` canvas, between the usable insets:
 * as large as the free band allows, centred on the canvas unless that puts the world under an overlay, then moved
 * just enough to clear it. Null for a canvas not laid out yet (no size).
 */
export function planFit(
  hostWidth: number,
  hostHeight: number,
  width: number,
  height: number,
  insets: FitInsets,
): FitPlan | null {
  if (hostWidth <= 0 || hostHeight <= 0 || width <= 0 || height <= 0) return null;
  const band = usableInsets(hostWidth, hostHeight, width, height, insets);
  const zoom = zoomBetween(hostWidth, hostHeight, width, height, band);
  const worldHeight = height * FIT_MARGIN.y * zoom;
  const centredTop = (hostHeight - worldHeight) / 2;
  // The zoom makes the world fit the band, so the clamp's range is never empty (up to rounding).
  const clampedTop = Math.min(
    Math.max(centredTop, band.top),
    Math.max(band.top, hostHeight - band.bottom - worldHeight),
  );
  return { zoom, centreX: width / 2, centreY: height / 2 - (clampedTop - centredTop) / zoom };
}
