/** The whole app at a URL, answered by the emulator through MSW: for tests of what only the app shows (routing, the header, links between screens). */
import { render } from '@testing-library/react';
import { createQueryClient } from '../api/query-client';
import { App } from '../app/App';

export function renderAppAt(url: string) {
  window.history.replaceState(null, '', url);
  const client = createQueryClient();
  return { ...render(<App queryClient={client} />), client };
}
