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
  font: 'system-ui, sans-serif',
  weight: '600',
} as const;

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
  let anchors: { x: number; y: number; name: string; el: HTMLElement }[] = [];
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
        Object.assign(el.style, { position: 'absolute', left: '0', top: '0', lineHeight: '1' });
        root.appendChild(el);
        anchors.push({
          x: boxes[r * 4]! + REGION_LABEL.insetX,
          y: boxes[r * 4 + 1]! + REGION_LABEL.insetY,
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
      root.style.fontSize = `${REGION_LABEL.fontSize * scale}px`;
      for (const a of anchors)
        a.el.style.transform = `translate(${a.x * scale + offsetX}px, ${a.y * scale + offsetY}px)`;
    },
    drawOnto(context, pixelRatio) {
      if (!visible()) return;
      context.save();
      context.globalAlpha = REGION_LABEL.alpha;
      context.fillStyle = colour;
      context.textBaseline = 'top';
      context.font = `${REGION_LABEL.weight} ${REGION_LABEL.fontSize * view.scale * pixelRatio}px ${REGION_LABEL.font}`;
      for (const a of anchors)
        context.fillText(
          a.name,
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
