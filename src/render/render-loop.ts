// The on-demand render loop: per animation frame it runs the scene's updates and redraws only when something changed, paced by redraw-pacer.ts. Drives Pixi's ticker; never touches the model.
import type { Application } from 'pixi.js';
import { createRedrawPacer } from './redraw-pacer.ts';

export interface RenderLoop {
  /** Something on screen changed: redraw when the pacer allows. */
  invalidate(): void;
  /** The camera moved: redraw at the next animation frame, so panning stays fluid. */
  cameraMoved(): void;
  /** Canvas redraws since the loop started. */
  framesDrawn(): number;
}

/**
 * Replaces Pixi's per-tick render with one that runs only when something changed, so a paused world costs no GPU
 * time. Every animation frame `update(now)` takes in the simulation (cheap JavaScript; true when the screen
 * changed). Then the frame either redraws the canvas or, when no redraw is due, runs `drawOffscreen()`: work drawn
 * into textures (the node cache's build steps and patches; true when the screen changed). Keeping the two in
 * different frames keeps each commit's wait for the GPU to the canvas alone. Simulation-driven redraws are paced
 * (at most ~30 per second, and spaced so they take at most about a third of the main thread); each redraw's cost is measured
 * up to the end of its task, which includes the commit that waits for the GPU in software WebGL.
 */
export function startRenderLoop(
  app: Application,
  update: (now: number) => boolean,
  drawOffscreen: () => boolean,
): RenderLoop {
  const pacer = createRedrawPacer();
  let needsRender = true;
  let urgent = false;
  let drawn = 0;
  // A message posted during the animation-frame task is delivered after that task ends, i.e. after its commit.
  const channel = new MessageChannel();
  let measuring: number | null = null;
  channel.port2.onmessage = () => {
    if (measuring !== null) pacer.finished(measuring, performance.now());
    measuring = null;
  };

  const gl = 'gl' in app.renderer ? (app.renderer.gl as WebGL2RenderingContext) : null;

  app.ticker.remove(app.render, app);
  app.ticker.add(() => {
    const now = performance.now();
    if (update(now)) needsRender = true;
    if (!needsRender || !pacer.mayRedraw(now, urgent)) {
      if (drawOffscreen()) needsRender = true;
      // Texture work reaches the GPU process only when flushed: unflushed, it would run at the next redraw's
      // commit and make that one wait for it as well. Flushed now, it runs while the main thread is idle.
      gl?.flush();
      return;
    }
    needsRender = false;
    urgent = false;
    pacer.started(now);
    app.render();
    drawn++;
    if (measuring === null) {
      measuring = now;
      channel.port1.postMessage(0);
    }
  });

  return {
    invalidate() {
      needsRender = true;
    },
    cameraMoved() {
      needsRender = true;
      urgent = true;
    },
    framesDrawn: () => drawn,
  };
}
