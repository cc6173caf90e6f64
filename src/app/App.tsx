import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { lazyWithRetry } from '../components/lazy';
import { isPanelMode } from '../view/detail-panel';
import { FindingsScreen } from './FindingsScreen';
import { Header } from './Header';
import { createQueryClient } from '../api/query-client';
import { FINDINGS_PATH } from '../view/paths';
import { matchPath, useLocation } from '../view/router';
import { parseViewState } from '../view/url-state';
import type { QueryClient } from '@tanstack/react-query';

// The detail view is its own chunk: the first screen does not pay for it. A chunk that fails to
// load can be loaded again from the screen's error fallback (lazyWithRetry).
const FindingDetailScreen = lazyWithRetry(() => import('../features/finding-detail/FindingDetailScreen'));
// So is the overview, with its charts.
const OverviewScreen = lazyWithRetry(() => import('../features/overview/OverviewScreen'));

/** A screen's failure in the screen's place: the header and its navigation stay usable. */
const screenFrame = (fallback: ReactNode) => (
  <main id="main" className="page">
    {fallback}
  </main>
);

function Screens() {
  const { pathname, search } = useLocation();
  const route = matchPath(pathname);
  // In panel mode a finding opens beside the table: the same FindingsScreen element, so the table stays mounted.
  if (route.screen === 'finding' && isPanelMode(parseViewState(search))) {
    return (
      <ErrorBoundary what="the findings" resetKey="findings" frame={screenFrame}>
        <FindingsScreen panelFindingId={route.findingId} />
      </ErrorBoundary>
    );
  }
  switch (route.screen) {
    case 'findings':
      return (
        <ErrorBoundary what="the findings" resetKey="findings" frame={screenFrame}>
          <FindingsScreen />
        </ErrorBoundary>
      );
    case 'overview':
      return (
        <ErrorBoundary what="the overview" resetKey="overview" frame={screenFrame}>
          <Suspense fallback={<p className="loading-line page">Loading overview…</p>}>
            <OverviewScreen />
          </Suspense>
        </ErrorBoundary>
      );
    case 'finding':
      return (
        <ErrorBoundary what="this finding" resetKey={route.findingId} frame={screenFrame}>
          <Suspense fallback={<p className="loading-line">Loading finding…</p>}>
            <FindingDetailScreen findingId={route.findingId} />
          </Suspense>
        </ErrorBoundary>
      );
    case 'not-found':
      return (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            <a href={FINDINGS_PATH}>Back to the findings</a>
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
