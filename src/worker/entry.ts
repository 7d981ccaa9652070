// The engine worker's entry: adapts the worker global to the host Port and starts serveEngine. No engine logic, no DOM.
import { serveEngine } from '../../sim/host/serve.ts';
import type { WorkerMessage } from '../../sim/protocol.ts';
import { timerSchedule } from './timer-schedule.ts';
import { memoryBudgetBytes, worldDeps } from './world-deps.ts';

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  navigator: { deviceMemory?: number };
}
const scope = self as unknown as WorkerScope;

serveEngine(
  {
    post: (message, transfer) => scope.postMessage(message, transfer),
    listen: (handler) => (scope.onmessage = (event) => handler(event.data)),
  },
  timerSchedule,
  worldDeps(memoryBudgetBytes(scope.navigator.deviceMemory)),
);
