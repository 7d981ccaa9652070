// The camera: a pixi-viewport with drag, pinch, wheel and inertia, plus fit / zoom / visible-rectangle helpers. Moves the view only; never touches the model.

import type { Application } from 'pixi.js';
import { Viewport } from 'pixi-viewport';
import type { LayoutRect } from '../../sim/protocol.ts';
import { FIT_MARGIN, type FitInsets, planFit } from './fit-plan.ts';

/**
 * Zoom limits in screen pixels per layout unit. `minZoom` is lowered to `fitZoomOut` × the fitting zoom when the
 * whole world needs less (a phone's narrow stage): a fixed floor cropped the world there, even after F.
 */
export const CAMERA = { minZoom: 0.3, fitZoomOut: 0.7, maxZoom: 40, wheelSmooth: 4, friction: 0.9 } as const;

export interface Camera {
  readonly viewport: Viewport;
  /** Frames a `width × height` layout in the host's current size, clear of the overlays' `insets` (fit-plan.ts). */
  fit(width: number, height: number, insets?: FitInsets): void;
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
    fit(width, height, insets = { top: 0, bottom: 0 }) {
      stopMotion();
      viewport.resize(host.clientWidth, host.clientHeight, width, height);
      const plan = planFit(host.clientWidth, host.clientHeight, width, height, insets);
      viewport.clampZoom({
        // A stage not laid out yet (no plan) keeps the fixed floor.
        minScale: plan ? Math.min(CAMERA.minZoom, plan.zoom * CAMERA.fitZoomOut) : CAMERA.minZoom,
        maxScale: CAMERA.maxZoom,
      });
      if (!plan) {
        viewport.fit(true, width * FIT_MARGIN.x, height * FIT_MARGIN.y);
        viewport.moveCenter(width / 2, height / 2);
        return;
      }
      viewport.setZoom(plan.zoom, true);
      viewport.moveCenter(plan.centreX, plan.centreY);
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
