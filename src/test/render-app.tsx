/**
 * Component-test renders, answered by the emulator through MSW. `renderAppAt`: the whole app at a
 * URL, for tests of what only the app shows (routing between screens, the header, links between
 * screens). `renderFindingsAt`: the findings screen alone with what App gives it (the query
 * cache; the URL is the router), for tests of the table, the filter bar and the summary strip.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { createQueryClient } from '../api/query-client';
import { App } from '../app/App';
import { FindingsScreen } from '../app/FindingsScreen';

/** Puts the URL in place (the app's router reads it), then renders what `ui` builds on a fresh query cache. */
function renderAt(url: string, ui: (client: QueryClient) => ReactElement) {
  window.history.replaceState(null, '', url);
  const client = createQueryClient();
  return { ...render(ui(client)), client };
}

export const renderAppAt = (url: string) => renderAt(url, (client) => <App queryClient={client} />);

export const renderFindingsAt = (url: string) =>
  renderAt(url, (client) => (
    <QueryClientProvider client={client}>
      <FindingsScreen />
    </QueryClientProvider>
  ));

/** Loads the app's lazy finding page chunk, for a beforeAll: so a test moving to it times the app, not the import. */
export async function preloadFindingPage() {
  await import('../features/finding-detail/FindingDetailScreen');
}
