import { QueryClient } from '@tanstack/react-query';

/**
 * The server already retries throttling and 5xx with backoff: the SPA does not retry on top
 * (DESIGN.md: retries live in one layer). Windows refocusing does not refetch a triage view
 * under the analyst's eyes; Refresh and auto-refresh are explicit.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
