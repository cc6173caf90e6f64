/** Demo source: GuardDuty's contract answered by the in-process emulator; nothing leaves the machine. */
import { answer, type GuardDutyBackend } from '../../src/guardduty/operations';
import { createEmulator } from '../../mocks/emulator';
import { toResponse } from '../wire';
import type { Source } from './source';

export function createDemoSource(backend: GuardDutyBackend = createEmulator({ now: Date.now() })): Source {
  return {
    name: 'demo',
    region: null,
    handle: async ({ incoming }) => toResponse(answer(backend, incoming)),
  };
}
