/** Demo source: GuardDuty's contract answered by the emulator; nothing leaves the machine. */
import { answer, type GuardDutyBackend } from '../../src/guardduty/operations';
import { createEmulator } from '../../mocks/emulator';
import { toResponse } from '../wire';
import type { EmulatorPool } from './emulator-pool';
import type { Source } from './source';

/** The emulator on the calling thread (tests, and FINDINGS_ATLAS_EMULATOR_WORKERS=0). */
export function createDemoSource(backend: GuardDutyBackend = createEmulator({ now: Date.now() })): Source {
  return {
    name: 'demo',
    region: null,
    handle: async ({ incoming }) => toResponse(answer(backend, incoming)),
  };
}

/** One region's emulator in the worker pool: the main thread only passes the request on. */
export function createPooledDemoSource(pool: EmulatorPool, region: string): Source {
  return {
    name: 'demo',
    region: null,
    handle: async ({ incoming }, signal) => {
      const { status, headers, body } = await pool.answer(region, incoming, signal);
      return new Response(body, { status, headers });
    },
  };
}
