// Records an animated GIF of the canvas over a range of hours through the timeline's replay: sets store intent (showTick, pause, play), waits until the scene has drawn each hour, captures, scales and encodes it. Never talks to the worker or changes the model.
import { exportFileName } from '../export/csv.ts';
import { createGifWriter, warmUpGifEncoder } from '../export/gif.ts';
import { gifDelays, gifHours, gifRangeKind, gifSize } from '../export/gif-plan.ts';
import type { Scene } from '../render/scene-api.ts';
import type { AppState, AppStore } from '../state/store.ts';

export interface GifProgress {
  readonly done: number;
  readonly total: number;
}

export interface GifRecorder {
  /** Starts recording the hours `gifHours` picks for what is shown now, or cancels the recording under way. */
  toggle(): void;
  /** Frames done of all while recording; null otherwise. */
  progress(): GifProgress | null;
  /** `listener` runs whenever a recording starts, ends or finishes a frame. Returns the remover. */
  onChange(listener: () => void): () => void;
}

/** RGBA pixels, 4 bytes each, row by row. */
export interface Pixels {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface GifRecorderDeps {
  /** The Pixi scene, once it has started. */
  scene(): Pick<Scene, 'whenDrawn' | 'capture'> | null;
  /** Scales a captured canvas to `width × height` and reads its pixels (default: on a 2D canvas). */
  scale?: (image: HTMLCanvasElement, width: number, height: number) => Pixels;
  /** Saves the finished file (downloadBlob). */
  save(blob: Blob, fileName: string): void;
  /** How long one hour may take to reach the canvas before the recording gives up (the worker may have died). */
  hourTimeoutMs?: number;
}

/**
 * Why a recording ended early. 'cancel': the button was clicked again (what was shown before comes back); 'world': the
 * world was rebuilt (a preset, reset, new seed, a crash: there is nothing to go back to); 'user': the user took over the
 * timeline or play meanwhile (their choice stands); 'timeout': an hour never reached the canvas (shown before comes back,
 * with a notice).
 */
type StopReason = 'cancel' | 'world' | 'user' | 'timeout';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Draws captures onto one reused 2D canvas of the output size, smoothed, and reads the pixels back. */
export function canvasScaler(): (image: HTMLCanvasElement, width: number, height: number) => Pixels {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return (image, width, height) => {
    if (!context) throw new Error('no 2D canvas to scale the frames');
    if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
  };
}

export function createGifRecorder(store: AppStore, deps: GifRecorderDeps): GifRecorder {
  const s = () => store.getState();
  const listeners = new Set<() => void>();
  let progress: GifProgress | null = null;
  let stop: ((reason: StopReason) => void) | null = null;
  const changed = (next: GifProgress | null) => {
    progress = next;
    for (const listener of listeners) listener();
  };

  const record = async (scene: Pick<Scene, 'whenDrawn' | 'capture'>, hours: readonly number[]) => {
    const before = s();
    const aborted = new AbortController();
    let stopReason: StopReason | null = null;
    stop = (reason) => {
      stopReason ??= reason;
      aborted.abort(new Error(reason));
    };
    // Changes the recording makes itself are expected; any other change of the shown hour or of play is the user's.
    let steering = false;
    const watch = (state: AppState, previous: AppState) => {
      if (state.seed !== before.seed || state.scenario !== before.scenario || state.phase !== 'ready')
        stop?.('world');
      else if (
        !steering &&
        (state.replayTick !== previous.replayTick || (state.playing && !previous.playing))
      )
        stop?.('user');
    };
    const unsubscribe = store.subscribe(watch);
    const writer = createGifWriter();
    const delays = gifDelays(hours.length);
    let size: { width: number; height: number } | null = null;
    let waitingFor = hours[0];
    let failure: string | null = null;
    try {
      const scale = deps.scale ?? canvasScaler();
      steering = true;
      s().pause();
      steering = false;
      changed({ done: 0, total: hours.length });
      warmUpGifEncoder();
      for (const [i, hour] of hours.entries()) {
        steering = true;
        s().showTick(hour);
        steering = false;
        // The live hour, unless the run moved on under a pause that came late: then the hour the store shows.
        const shown = s().replayTick ?? s().tick;
        waitingFor = shown;
        const timer = setTimeout(() => stop?.('timeout'), deps.hourTimeoutMs ?? 60_000);
        try {
          await scene.whenDrawn(shown, aborted.signal);
        } finally {
          clearTimeout(timer);
        }
        await nextTask(); // the capture in a task of its own, not in the animation frame that settled the hour
        if (aborted.signal.aborted) break;
        const image = scene.capture();
        // Every frame at the first one's size (a window resized meanwhile is scaled to it).
        size ??= gifSize(image.width, image.height);
        const pixels = scale(image, size.width, size.height);
        await nextTask();
        if (aborted.signal.aborted) break;
        writer.addFrame(pixels.data, pixels.width, pixels.height, delays[i]!);
        changed({ done: i + 1, total: hours.length });
      }
    } catch (error) {
      if (!aborted.signal.aborted) failure = (error as Error).message;
    } finally {
      unsubscribe();
      stop = null;
    }
    if (stopReason === 'timeout')
      failure = `hour ${waitingFor} of the replay did not reach the canvas in time`;
    if (stopReason === null || stopReason === 'cancel' || stopReason === 'timeout') {
      // Back to what was shown and whether it played.
      s().showTick(before.replayTick);
      if (before.playing) s().play();
    }
    changed(null);
    if (failure !== null) s().setNotice(`The GIF could not be made: ${failure}.`);
    if (stopReason !== null || failure !== null) return;
    const { presetId, seed } = s();
    const fileName = exportFileName(presetId, seed, before.tick, gifRangeKind(hours), 'gif');
    deps.save(new Blob([writer.finish()], { type: 'image/gif' }), fileName);
  };

  return {
    toggle() {
      if (stop) {
        stop('cancel');
        return;
      }
      const scene = deps.scene();
      const state = s();
      const hours = gifHours(state.tick, state.replayTick);
      if (!scene || state.phase !== 'ready' || hours.length === 0) return;
      void record(scene, hours);
    },
    progress: () => progress,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
