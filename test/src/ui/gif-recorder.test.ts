// The GIF recorder's steering of the store: each hour shown in turn through the replay, play paused meanwhile, what was shown restored after, and a cancel, a rebuilt world or the user's own scrubbing ending it cleanly. A fake scene stands in for Pixi.
import { describe, expect, it } from 'vitest';
import { type AppStore, createAppStore } from '../../../src/state/store.ts';
import { createGifRecorder, type GifRecorder } from '../../../src/ui/gif-recorder.ts';
import { readGifBlocks } from '../../e2e/gif-blocks.ts';

/** A store whose world is ready at `tick` (the bridge would set these from the worker's messages). */
function readyStore(tick: number): AppStore {
  const store = createAppStore('gif-seed');
  store.setState({ phase: 'ready', tick, presetId: 'dance-challenge', scenario: { world: {} } });
  return store;
}

/**
 * A scene that draws the hour the store shows a few milliseconds after it is asked (as the worker and renderer would),
 * and records which hours were captured.
 */
function fakeScene(store: AppStore) {
  const captured: number[] = [];
  let drawn = -1;
  const scene = {
    whenDrawn: (tick: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        const abort = () => reject(signal?.reason);
        signal?.addEventListener('abort', abort, { once: true });
        setTimeout(() => {
          const { replayTick, tick: live } = store.getState();
          drawn = replayTick ?? live;
          if (drawn !== tick) return; // another hour: only an abort ends this wait
          signal?.removeEventListener('abort', abort);
          resolve();
        }, 2);
      }),
    capture: () => {
      captured.push(drawn);
      return { width: 1280, height: 720 } as HTMLCanvasElement;
    },
  };
  return { scene, captured };
}

/** A recorder over the fake scene; resolves `saved` with the file when one is saved. */
function recorderFor(store: AppStore) {
  const { scene, captured } = fakeScene(store);
  const files: { name: string; blob: Blob }[] = [];
  const progress: (number | null)[] = [];
  const recorder: GifRecorder = createGifRecorder(store, {
    scene: () => scene,
    scale: (_, width, height) => ({
      data: new Uint8ClampedArray(width * height * 4).fill(200),
      width,
      height,
    }),
    save: (blob, name) => files.push({ blob, name }),
  });
  recorder.onChange(() => progress.push(recorder.progress()?.done ?? null));
  return { recorder, captured, files, progress };
}

/** Waits until the recorder has nothing under way. */
async function settled(recorder: GifRecorder): Promise<void> {
  for (let i = 0; i < 2_000 && recorder.progress() !== null; i++)
    await new Promise((resolve) => setTimeout(resolve, 1));
  await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('gif recorder', () => {
  it('captures every hour of a live run from hour 0, saves a GIF named by its hours and seed, and plays on live', async () => {
    const store = readyStore(30);
    store.getState().play();
    const { recorder, captured, files, progress } = recorderFor(store);
    recorder.toggle();
    expect(store.getState().playing).toBe(false);
    expect(recorder.progress()).toEqual({ done: 0, total: 31 });
    await settled(recorder);
    expect(captured).toEqual(Array.from({ length: 31 }, (_, h) => h));
    expect(progress.at(-2)).toBe(31);
    expect(progress.at(-1)).toBeNull();
    expect(files.map((f) => f.name)).toEqual([
      'hallyu-lab_dance-challenge_seed-gif-seed_tick-30_hours-0-30.gif',
    ]);
    const info = readGifBlocks(new Uint8Array(await files[0]!.blob.arrayBuffer()));
    expect(info.frames).toHaveLength(31);
    expect([info.width, info.height]).toEqual([640, 360]);
    expect(store.getState().replayTick).toBeNull();
    expect(store.getState().playing).toBe(true);
  });

  it('records a replay up to the live hour and shows the replayed hour again after', async () => {
    const store = readyStore(30);
    store.getState().showTick(20);
    const { recorder, captured, files } = recorderFor(store);
    recorder.toggle();
    await settled(recorder);
    expect(captured).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(files[0]!.name).toContain('_hours-20-30.gif');
    expect(store.getState().replayTick).toBe(20);
    expect(store.getState().playing).toBe(false);
  });

  it('does nothing at hour 0', () => {
    const store = readyStore(0);
    const { recorder } = recorderFor(store);
    recorder.toggle();
    expect(recorder.progress()).toBeNull();
  });

  it('cancels on a second click, saving nothing and restoring the replay and play', async () => {
    const store = readyStore(60);
    store.getState().showTick(40);
    store.getState().play();
    const { recorder, captured, files } = recorderFor(store);
    recorder.toggle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(recorder.progress()?.done).toBeGreaterThan(0);
    recorder.toggle();
    await settled(recorder);
    expect(captured.length).toBeLessThan(21);
    expect(files).toEqual([]);
    expect(store.getState().replayTick).toBe(40);
    expect(store.getState().playing).toBe(true);
  });

  it('stops when the world is rebuilt, without showing the old hour again', async () => {
    const store = readyStore(60);
    store.getState().showTick(40);
    const { recorder, files } = recorderFor(store);
    recorder.toggle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    store.getState().reset();
    await settled(recorder);
    expect(files).toEqual([]);
    expect(store.getState().replayTick).toBeNull();
    expect(store.getState().tick).toBe(0);
    expect(store.getState().playing).toBe(false);
  });

  it('lets the user take the timeline over: their hour stays shown and nothing is saved', async () => {
    const store = readyStore(60);
    const { recorder, files } = recorderFor(store);
    recorder.toggle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    store.getState().showTick(5);
    await settled(recorder);
    expect(files).toEqual([]);
    expect(store.getState().replayTick).toBe(5);
    expect(recorder.progress()).toBeNull();
  });
});
