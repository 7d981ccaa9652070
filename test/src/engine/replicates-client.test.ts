// Tests the replicates runner with fake workers: one command per batch, reports in order, and a cancelled or replaced batch reports nothing more.
import { describe, expect, it } from 'vitest';
import type { ReplicatesCommand } from '../../../sim/protocol.ts';
import { createReplicatesRunner, type ReplicatesListener } from '../../../src/engine/replicates-client.ts';
import { fakeWorkers } from './fake-worker.ts';

function recorder(): { listener: ReplicatesListener; log: string[] } {
  const log: string[] = [];
  return {
    log,
    listener: {
      progress: (run, tick) => log.push(`progress ${run} ${tick}`),
      run: (result) => log.push(`run ${result.run}`),
      done: () => log.push('done'),
      error: (message) => log.push(`error ${message.kind}: ${message.message}`),
    },
  };
}

const request = { scenario: { world: { agents: 100 } }, seed: 's', runs: 2, ticks: 24 };
const replicate = (run: number) => ({
  v: 1,
  type: 'replicate',
  run,
  seed: `s-${run}`,
  agentCount: 100,
  trendNames: [],
  trendColors: [],
  adopters: [],
});

describe('the replicates runner', () => {
  it('posts one versioned command to a new worker and reports its messages in order until done', () => {
    const { spawn, workers } = fakeWorkers<ReplicatesCommand>();
    const runner = createReplicatesRunner(spawn);
    const { listener, log } = recorder();
    runner.start(request, listener);
    expect(workers[0]!.sent).toEqual([{ v: 1, type: 'runReplicates', ...request }]);
    expect(runner.running()).toBe(true);
    workers[0]!.reply({ v: 1, type: 'replicateProgress', run: 0, tick: 24 });
    workers[0]!.reply(replicate(0));
    workers[0]!.reply({ v: 2, type: 'replicate', run: 9 }); // another protocol version: ignored
    workers[0]!.reply(replicate(1));
    workers[0]!.reply({ v: 1, type: 'replicatesDone', runs: 2 });
    expect(log).toEqual(['progress 0 24', 'run 0', 'run 1', 'done']);
    expect(runner.running()).toBe(false);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('terminates a cancelled batch and drops what its worker had already queued', () => {
    const { spawn, workers } = fakeWorkers();
    const runner = createReplicatesRunner(spawn);
    const { listener, log } = recorder();
    runner.start(request, listener);
    runner.cancel();
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.reply(replicate(0));
    expect(log).toEqual([]);
    expect(runner.running()).toBe(false);
  });

  it('replaces a batch under way by a new one in a fresh worker', () => {
    const { spawn, workers } = fakeWorkers();
    const runner = createReplicatesRunner(spawn);
    const first = recorder();
    const second = recorder();
    runner.start(request, first.listener);
    runner.start({ ...request, runs: 3 }, second.listener);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.reply(replicate(0));
    workers[1]!.reply(replicate(0));
    expect(first.log).toEqual([]);
    expect(second.log).toEqual(['run 0']);
  });

  it('ends the batch on an error message or a worker failure', () => {
    const { spawn, workers } = fakeWorkers();
    const runner = createReplicatesRunner(spawn);
    const { listener, log } = recorder();
    runner.start(request, listener);
    workers[0]!.reply({ v: 1, type: 'error', kind: 'input', message: 'replicates: runs: bad' });
    expect(runner.running()).toBe(false);
    runner.start(request, listener);
    workers[1]!.onerror?.({ message: 'script failed', preventDefault: () => undefined } as ErrorEvent);
    expect(log).toEqual(['error input: replicates: runs: bad', 'error crash: script failed']);
    expect(runner.running()).toBe(false);
  });
});
