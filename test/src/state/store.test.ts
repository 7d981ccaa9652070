// Tests the store's intent rules: clamped speed, rebuilds that clear stale read-outs, one-shot intents queued in order.
import { describe, expect, it } from 'vitest';
import { createAppStore, SPEED_RANGE } from '../../../src/state/store.ts';

describe('app store', () => {
  it('clamps the speed to the offered range and rounds it to whole ticks per second', () => {
    const store = createAppStore('s');
    store.getState().setSpeed(10_000);
    expect(store.getState().speed).toBe(SPEED_RANGE.max);
    store.getState().setSpeed(0);
    expect(store.getState().speed).toBe(SPEED_RANGE.min);
    store.getState().setSpeed(12.4);
    expect(store.getState().speed).toBe(12);
  });

  it('pauses and queues a step, and clears the read-outs of the old world on reset', () => {
    const store = createAppStore('s');
    store.getState().loadScenario('p', { agents: 10 });
    store.setState({ tick: 40, playing: true, phase: 'ready' });
    store.getState().step(3);
    expect(store.getState().playing).toBe(false);
    store.getState().reset();
    expect(store.getState()).toMatchObject({ tick: 0, summary: null, phase: 'loading' });
    expect(store.getState().outbox.map((i) => i.type)).toEqual(['init', 'step', 'reset']);
    expect(store.getState().outbox[1]).toEqual({ type: 'step', count: 3 });
  });

  it('replays an earlier tick within the run: clamped, live again at the live tick, steps moving the replay', () => {
    const store = createAppStore('s');
    store.getState().loadScenario('p', { agents: 10 });
    store.setState({ tick: 40, phase: 'ready' });
    const { showTick, stepBack, step } = store.getState();
    showTick(12);
    expect(store.getState().replayTick).toBe(12);
    showTick(-5);
    expect(store.getState().replayTick).toBe(0);
    showTick(99);
    expect(store.getState().replayTick).toBeNull();
    showTick(39);
    step();
    expect(store.getState().replayTick).toBeNull(); // one step past 39 is the live tick 40
    expect(store.getState().outbox.map((i) => i.type)).toEqual(['init']); // the run itself did not step
    stepBack();
    stepBack();
    expect(store.getState().replayTick).toBe(38);
    store.setState({ playing: true });
    stepBack();
    expect(store.getState()).toMatchObject({ replayTick: 37, playing: false });
    store.getState().reset();
    expect(store.getState().replayTick).toBeNull();
  });

  it('ends a replay before launching a trend or applying an event, which act on the live world', () => {
    const store = createAppStore('s');
    store.getState().loadScenario('p', { agents: 10 });
    store.setState({ tick: 40, phase: 'ready' });
    store.getState().showTick(10);
    store.getState().launchTrend(3, 'meme', 0);
    expect(store.getState().replayTick).toBeNull();
    store.getState().showTick(10);
    store.getState().applyEvent({ type: 'ban', tick: 40, platform: 'Loop' });
    expect(store.getState().replayTick).toBeNull();
    expect(store.getState().outbox.map((i) => i.type)).toEqual(['init', 'launchTrend', 'event']);
  });

  it('ignores a blank seed and merges parameter changes into the scenario', () => {
    const store = createAppStore('s');
    store.getState().loadScenario('p', { agents: 10, feed: { personalization: 0.5, exploration: 0.1 } });
    store.getState().setSeed('   ');
    expect(store.getState().seed).toBe('s');
    store.getState().setParams({ feed: { exploration: 0.3 } });
    expect(store.getState().scenario).toEqual({
      agents: 10,
      feed: { personalization: 0.5, exploration: 0.3 },
    });
  });

  it('asks for ties only when a layer is shown', () => {
    const store = createAppStore('s');
    store.getState().setLayer('none');
    expect(store.getState().outbox).toEqual([]);
    store.getState().setLayer(2);
    expect(store.getState().outbox).toEqual([{ type: 'requestTies', platform: 2, sample: 20_000 }]);
  });
});
