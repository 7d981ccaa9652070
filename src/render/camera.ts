// The camera: a pixi-viewport with drag, pinch, wheel and inertia, plus fit / zoom / visible-rectangle helpers. Moves the view only; never touches the model.

import type { Application } from 'pixi.js';
import { Viewport } from 'pixi-viewport';
import type { LayoutRect } from '../../sim/protocol.ts';

/**
 * Zoom limits in screen pixels per layout unit. `minZoom` is lowered to `fitZoomOut` × the fitting zoom when the
 * whole world needs less (a phone's narrow stage): a fixed floor cropped the world there, even after F.
 */
export const CAMERA = { minZoom: 0.3, fitZoomOut: 0.7, maxZoom: 40, wheelSmooth: 4, friction: 0.9 } as const;

/** Margins around the world when it is fitted (share of its width and height). */
const FIT_MARGIN = { x: 1.02, y: 1.04 } as const;

export interface Camera {
  readonly viewport: Viewport;
  /**
   * Frames a `width × height` layout (with a small margin) in the host's current size, below its top `insetTop` CSS
   * pixels (overlays); an inset over half the host's height is ignored (the world would shrink to a strip).
   */
  fit(width: number, height: number, insetTop?: number): void;
  /** Zooms about the centre by `factor` (> 1 zooms in). */
  zoomBy(factor: number): void;
  /** The part of the layout on screen. */
  visibleRect(): LayoutRect;
}

/** Creates the viewport on `app.stage`, sized to `host`; mouse, wheel, touch and pinch go through Pixi's event system. */
export function createCamera(app: Application, host: HTMLElement): Camera {
  const viewport = new Viewport({
    screenWidth: host.clientWidth,
    screenHeight: host.clientHeight,
    events: app.renderer.events,
    passiveWheel: false,
  });
  viewport.drag().pinch().wheel({ smooth: CAMERA.wheelSmooth }).decelerate({ friction: CAMERA.friction });
  viewport.clampZoom({ minScale: CAMERA.minZoom, maxScale: CAMERA.maxZoom });
  app.stage.addChild(viewport);
  app.renderer.on('resize', (w: number, h: number) => viewport.resize(w, h));
  /**
   * Stops a glide and a smoothed wheel zoom still in progress: otherwise their remaining frames would carry on from
   * where fit or zoomBy put the view (F pressed just after a wheel turn kept zooming). The wheel plugin keeps its
   * smoothing private, so it is installed afresh.
   */
  const stopMotion = () => {
    viewport.plugins.reset();
    viewport.plugins.remove('wheel');
    viewport.wheel({ smooth: CAMERA.wheelSmooth });
  };
  return {
    viewport,
    fit(width, height, insetTop = 0) {
      stopMotion();
      viewport.resize(host.clientWidth, host.clientHeight, width, height);
      const inset = insetTop > 0 && insetTop < host.clientHeight / 2 ? insetTop : 0;
      const fitting = Math.min(
        host.clientWidth / (width * FIT_MARGIN.x),
        (host.clientHeight - inset) / (height * FIT_MARGIN.y),
      );
      viewport.clampZoom({
        // A stage not laid out yet (0 wide) keeps the fixed floor.
        minScale: fitting > 0 ? Math.min(CAMERA.minZoom, fitting * CAMERA.fitZoomOut) : CAMERA.minZoom,
        maxScale: CAMERA.maxZoom,
      });
      if (fitting > 0) viewport.setZoom(fitting, true);
      else viewport.fit(true, width * FIT_MARGIN.x, height * FIT_MARGIN.y);
      // Centred on the host, unless that puts the world's top under the inset: then just low enough to clear it.
      const scale = viewport.scale.x;
      const centredTop = (host.clientHeight - height * FIT_MARGIN.y * scale) / 2;
      const shift = Math.max(0, inset - centredTop);
      viewport.moveCenter(width / 2, height / 2 - (scale > 0 ? shift / scale : 0));
    },
    zoomBy(factor) {
      stopMotion();
      viewport.zoomPercent(factor - 1, true);
    },
    visibleRect() {
      const b = viewport.getVisibleBounds();
      return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
    },
  };
}
