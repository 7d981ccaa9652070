// Region names as HTML text over the canvas, so they stay crisp when software WebGL draws the canvas at reduced resolution. Touches only its own overlay element; never the model.
import { type Theme, toHex } from './palette.ts';

/** Label placement in layout units (inside a region box, from its top-left corner) and when names are shown. */
export const REGION_LABEL = {
  fontSize: 22,
  insetX: 12,
  insetY: 8,
  alpha: 0.85,
  /** Zoomed in further than this (CSS pixels per layout unit) a region fills the screen: names are hidden. */
  hideAboveScale: 6,
  /**
   * The smallest size a name is drawn at, in CSS pixels: a whole world fitted on a small canvas (a 1024×768 projector)
   * scaled the names to 6 px. A name wider than its box at that size ends in an ellipsis.
   */
  minPx: 11,
  font: 'system-ui, sans-serif',
  weight: '600',
} as const;

/** The names' size in CSS pixels at `scale` CSS pixels per layout unit. */
export function labelFontPx(scale: number): number {
  return Math.max(REGION_LABEL.fontSize * scale, REGION_LABEL.minPx);
}

/**
 * `text`, or its longest prefix (trimmed) followed by '…', that `measure` says is at most `maxWidth` wide; '' when
 * not even the ellipsis fits. The canvas export's counterpart of the on-screen text-overflow: ellipsis.
 */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  for (let end = text.length - 1; end > 0; end--) {
    const shortened = `${text.slice(0, end).trimEnd()}…`;
    if (measure(shortened) <= maxWidth) return shortened;
  }
  return measure('…') <= maxWidth ? '…' : '';
}

export interface RegionLabels {
  /** The overlay, to be placed over the canvas (absolutely positioned, ignores the pointer). */
  readonly root: HTMLElement;
  /** One label per region: `boxes` has stride 4 (x0, y0, x1, y1 in layout units), names by region index. */
  setRegions(boxes: Float32Array, names: readonly string[]): void;
  setTheme(theme: Theme): void;
  /** Follows the camera: a layout point p is at p × scale + (offsetX, offsetY) CSS pixels. */
  place(scale: number, offsetX: number, offsetY: number): void;
  /** Draws the labels as placed onto a 2D context with `pixelRatio` pixels per CSS pixel (for the PNG export). */
  drawOnto(context: CanvasRenderingContext2D, pixelRatio: number): void;
  destroy(): void;
}

export function createRegionLabels(): RegionLabels {
  const root = document.createElement('div');
  root.className = 'region-labels';
  root.setAttribute('aria-hidden', 'true');
  Object.assign(root.style, {
    position: 'absolute',
    inset: '0',
    overflow: 'hidden',
    pointerEvents: 'none',
    font: `${REGION_LABEL.weight} 10px ${REGION_LABEL.font}`,
    whiteSpace: 'nowrap',
  } satisfies Partial<CSSStyleDeclaration>);
  /** A name's top-left corner and the width it may take (its box less both insets), in layout units. */
  let anchors: { x: number; y: number; maxWidth: number; name: string; el: HTMLElement }[] = [];
  let colour = '#ffffff';
  let view = { scale: 1, offsetX: 0, offsetY: 0 };

  const visible = () => view.scale < REGION_LABEL.hideAboveScale;

  return {
    root,
    setRegions(boxes, names) {
      root.replaceChildren();
      anchors = [];
      for (let r = 0; r * 4 + 3 < boxes.length; r++) {
        const el = document.createElement('span');
        const name = names[r] ?? `Region ${r + 1}`;
        el.textContent = name;
        Object.assign(el.style, {
          position: 'absolute',
          left: '0',
          top: '0',
          lineHeight: '1',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        });
        root.appendChild(el);
        anchors.push({
          x: boxes[r * 4]! + REGION_LABEL.insetX,
          y: boxes[r * 4 + 1]! + REGION_LABEL.insetY,
          maxWidth: Math.max(0, boxes[r * 4 + 2]! - boxes[r * 4]! - 2 * REGION_LABEL.insetX),
          name,
          el,
        });
      }
      this.place(view.scale, view.offsetX, view.offsetY);
    },
    setTheme(theme) {
      colour = toHex(theme.label);
      root.style.color = colour;
      root.style.opacity = String(REGION_LABEL.alpha);
    },
    place(scale, offsetX, offsetY) {
      view = { scale, offsetX, offsetY };
      root.style.display = visible() ? '' : 'none';
      if (!visible()) return;
      root.style.fontSize = `${labelFontPx(scale)}px`;
      for (const a of anchors) {
        a.el.style.transform = `translate(${a.x * scale + offsetX}px, ${a.y * scale + offsetY}px)`;
        a.el.style.maxWidth = `${a.maxWidth * scale}px`;
      }
    },
    drawOnto(context, pixelRatio) {
      if (!visible()) return;
      context.save();
      context.globalAlpha = REGION_LABEL.alpha;
      context.fillStyle = colour;
      context.textBaseline = 'top';
      context.font = `${REGION_LABEL.weight} ${labelFontPx(view.scale) * pixelRatio}px ${REGION_LABEL.font}`;
      const measure = (text: string) => context.measureText(text).width;
      for (const a of anchors)
        context.fillText(
          fitText(a.name, a.maxWidth * view.scale * pixelRatio, measure),
          (a.x * view.scale + view.offsetX) * pixelRatio,
          (a.y * view.scale + view.offsetY) * pixelRatio,
        );
      context.restore();
    },
    destroy() {
      root.remove();
    },
  };
}
