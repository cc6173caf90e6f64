import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../../mocks/node';

// findBy*/waitFor return as soon as what they wait for is on screen; the limit is only how long a
// busy 2-core CI machine may take to get there (the default, 1 s, fails tests there).
configure({ asyncUtilTimeout: 10_000 });

// Component tests answer /api from the same MSW handlers and emulator as `npm run dev`.
// Unhandled requests fail the test: a component must not call anything but the contract.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());
