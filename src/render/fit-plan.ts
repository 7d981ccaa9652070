// Where a fitted world goes: the zoom and centre that frame a layout in the band of the canvas its overlays leave free. Pure arithmetic; touches neither Pixi nor the DOM.

/** Margins around the world when it is fitted (share of its width and height). */
export const FIT_MARGIN = { x: 1.02, y: 1.04 } as const;

/**
 * CSS pixels along the canvas's top and bottom that overlays cover (read-outs and switches; the legend), and the block
 * in its bottom-right corner the zoom buttons cover (`corner`, width × height from the corner; none if absent).
 */
export interface FitInsets {
  readonly top: number;
  readonly bottom: number;
  readonly corner?: { readonly width: number; readonly height: number };
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
 * just enough to clear it. A world that would reach under the corner block (a narrow canvas, where it spans the whole
 * width) clears it too: above it (the corner's height as the bottom inset) or left of it (the corner's width off the
 * canvas's width), whichever keeps the world larger, among those that keep the other overlays clear and MIN_FIT_SHARE
 * of its size; with neither, the buttons are left to cover its corner. Null for a canvas not laid out yet (no size).
 */
export function planFit(
  hostWidth: number,
  hostHeight: number,
  width: number,
  height: number,
  insets: FitInsets,
): FitPlan | null {
  if (hostWidth <= 0 || hostHeight <= 0 || width <= 0 || height <= 0) return null;
  const plain = planBetween(hostWidth, hostHeight, width, height, insets, 0);
  const corner = insets.corner;
  if (!corner || corner.width <= 0 || corner.height <= 0) return plain.plan;
  if (!underCorner(plain.plan, hostWidth, hostHeight, width, height, corner)) return plain.plan;
  const whole = zoomBetween(hostWidth, hostHeight, width, height, { top: 0, bottom: 0 });
  const above = { top: insets.top, bottom: Math.max(insets.bottom, corner.height) };
  // An option counts only if it clears the block, keeps the read-outs and the legend clear as the plain plan does and
  // keeps half the world's size (usableInsets may have given up an inset it was asked to keep). Ties go to `above`,
  // which keeps the world centred across the canvas.
  const usable = [
    planBetween(hostWidth, hostHeight, width, height, above, 0),
    planBetween(hostWidth, hostHeight, width, height, insets, corner.width),
  ].filter(
    (option) =>
      !underCorner(option.plan, hostWidth, hostHeight, width, height, corner) &&
      option.band.top >= plain.band.top &&
      option.band.bottom >= plain.band.bottom &&
      option.plan.zoom >= MIN_FIT_SHARE * whole,
  );
  if (usable.length === 0) return plain.plan;
  return usable.reduce((best, option) => (option.plan.zoom > best.plan.zoom ? option : best)).plan;
}

/** Whether the world framed by `plan` reaches into the bottom-right `corner` block (CSS pixels, a pixel's slack). */
function underCorner(
  plan: FitPlan,
  hostWidth: number,
  hostHeight: number,
  width: number,
  height: number,
  corner: { readonly width: number; readonly height: number },
): boolean {
  // The framed box's right and bottom edges: the layout's centre plus half its size with margins, from plan's centre.
  const right = hostWidth / 2 + ((width * (1 + FIT_MARGIN.x)) / 2 - plan.centreX) * plan.zoom;
  const bottom = hostHeight / 2 + ((height * (1 + FIT_MARGIN.y)) / 2 - plan.centreY) * plan.zoom;
  return right > hostWidth - corner.width + 1 && bottom > hostHeight - corner.height + 1;
}

/**
 * The plan between the usable insets with `rightCovered` CSS pixels along the right edge also kept clear: as large as
 * the band allows, centred unless that puts the world under an overlay, then moved just enough to clear it.
 */
function planBetween(
  hostWidth: number,
  hostHeight: number,
  width: number,
  height: number,
  insets: FitInsets,
  rightCovered: number,
): { plan: FitPlan; band: FitInsets } {
  const band = usableInsets(hostWidth - rightCovered, hostHeight, width, height, insets);
  const zoom = zoomBetween(hostWidth - rightCovered, hostHeight, width, height, band);
  const worldHeight = height * FIT_MARGIN.y * zoom;
  const centredTop = (hostHeight - worldHeight) / 2;
  // The zoom makes the world fit the band, so the clamp's range is never empty (up to rounding).
  const clampedTop = Math.min(
    Math.max(centredTop, band.top),
    Math.max(band.top, hostHeight - band.bottom - worldHeight),
  );
  // Left only as far as the covered edge needs: a world narrower than the canvas may clear it centred.
  const worldWidth = width * FIT_MARGIN.x * zoom;
  const shiftLeft = Math.max(0, (hostWidth + worldWidth) / 2 - (hostWidth - rightCovered));
  const plan = {
    zoom,
    centreX: width / 2 + shiftLeft / zoom,
    centreY: height / 2 - (clampedTop - centredTop) / zoom,
  };
  return { plan, band };
}
