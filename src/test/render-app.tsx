/**
 * Component-test renders, answered by the emulator through MSW. `renderAppAt`: the whole app at a
 * URL, for tests of what only the app shows (routing between screens, the header, links between
 * screens). `renderFindingsAt`: the findings screen alone with what App gives it (the query
 * cache; the URL is the router), for tests of the table, the filter bar and the summary strip.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createQueryClient } from '../api/query-client';
import { App } from '../app/App';
import { FindingsScreen } from '../app/FindingsScreen';

export function renderAppAt(url: string) {
  window.history.replaceState(null, '', url);
  const client = createQueryClient();
  return { ...render(<App queryClient={client} />), client };
}

export function renderFindingsAt(url: string) {
  window.history.replaceState(null, '', url);
  const client = createQueryClient();
  return {
    ...render(
      <QueryClientProvider client={client}>
        <FindingsScreen />
      </QueryClientProvider>,
    ),
    client,
  };
}

/** Loads the app's lazy finding page chunk, for a beforeAll: so a test moving to it times the app, not the import. */
export async function preloadFindingPage() {
  await import('../features/finding-detail/FindingDetailScreen');
}
