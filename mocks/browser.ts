/**
 * The MSW worker for `npm run dev` and the static demo build. Its emulator is anchored at the
 * current time, so the newest findings are minutes old.
 */
import { setupWorker } from 'msw/browser';
import { createEmulator } from './emulator';
import { createHandlers } from './handlers';

export const worker = setupWorker(...createHandlers(createEmulator({ now: Date.now() })));
