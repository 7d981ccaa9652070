// Test helper: fake Workers that record what was posted and reply on demand, for the engine and replicates clients. Test-only.
import type { WorkerLike } from '../../../src/engine/client.ts';

export interface FakeWorker<Sent = unknown> extends WorkerLike {
  sent: Sent[];
  terminated: boolean;
  /** Delivers `message` to the client as if the worker had posted it. */
  reply(message: unknown): void;
}

/** A spawn function for a client and the list of every worker it made, in order. */
export function fakeWorkers<Sent = unknown>(): { spawn: () => WorkerLike; workers: FakeWorker<Sent>[] } {
  const workers: FakeWorker<Sent>[] = [];
  const spawn = () => {
    const worker: FakeWorker<Sent> = {
      sent: [],
      terminated: false,
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(message) {
        this.sent.push(message as Sent);
      },
      terminate() {
        this.terminated = true;
      },
      reply(message) {
        this.onmessage?.({ data: message } as MessageEvent);
      },
    };
    workers.push(worker);
    return worker;
  };
  return { spawn, workers };
}
