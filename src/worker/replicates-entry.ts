// The replicates worker's entry: adapts the worker global to the replicates port and starts serveReplicates. No engine logic, no DOM.
import { serveReplicates } from '../../sim/host/replicates.ts';
import type { ReplicatesMessage } from '../../sim/protocol.ts';
import { memoryBudgetBytes } from './world-deps.ts';

interface WorkerScope {
  postMessage(message: ReplicatesMessage): void;
  onmessage: ((event: MessageEvent) => void) | null;
  navigator: { deviceMemory?: number };
}
const scope = self as unknown as WorkerScope;

serveReplicates(
  {
    post: (message) => scope.postMessage(message),
    listen: (handler) => (scope.onmessage = (event) => handler(event.data)),
  },
  memoryBudgetBytes(scope.navigator.deviceMemory),
);
