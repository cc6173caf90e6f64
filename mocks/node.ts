/**
 * MSW for component tests (jsdom): the shared handlers over an emulator at the fixed reference
 * time, so tests see the same data on every run. Tests override per case with server.use().
 */
import { setupServer } from 'msw/node';
import { handlers } from './handlers';

export const server = setupServer(...handlers);
