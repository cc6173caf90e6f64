import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { isPanelMode } from '../view/detail-panel';
import { FindingsScreen } from './FindingsScreen';
import { Header } from './Header';
import { createQueryClient } from '../api/query-client';
import { matchPath, useLocation } from '../view/router';
import { parseViewState } from '../view/url-state';
import type { QueryClient } from '@tanstack/react-query';

// The detail view is its own chunk: the first screen does not pay for it.
const FindingDetailScreen = lazy(() => import('../features/finding-detail/FindingDetailScreen'));
// So is the overview, with its charts.
const OverviewScreen = lazy(() => import('../features/overview/OverviewScreen'));

function Screens() {
  const { pathname, search } = useLocation();
  const route = matchPath(pathname);
  // In panel mode a finding opens beside the table: the same FindingsScreen element, so the table stays mounted.
  if (route.screen === 'finding' && isPanelMode(parseViewState(search))) return <FindingsScreen panelFindingId={route.findingId} />;
  switch (route.screen) {
    case 'findings':
      return <FindingsScreen />;
    case 'overview':
      return (
        <Suspense fallback={<p className="loading-line page">Loading overview…</p>}>
          <OverviewScreen />
        </Suspense>
      );
    case 'finding':
      return (
        <Suspense fallback={<p className="loading-line">Loading finding…</p>}>
          <FindingDetailScreen findingId={route.findingId} />
        </Suspense>
      );
    case 'not-found':
      return (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            <a href="/">Back to the findings</a>
          </p>
        </main>
      );
  }
}

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <Screens />
    </QueryClientProvider>
  );
}
