/**
 * A minimal history router: the URL is the app's navigation state (every view is a link).
 * Two screens: `/` (findings) and `/findings/{id}` (one finding). Query parameters carry the
 * view state (see url-state.ts).
 */
import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'findings-atlas:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query; re-renders on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, 'http://local');
  return { pathname: url.pathname, search: url.searchParams, href };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(window.history.state, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export type Route = { screen: 'findings' } | { screen: 'finding'; findingId: string } | { screen: 'not-found' };

export function matchPath(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { screen: 'findings' };
  const m = /^\/findings\/([^/]+)\/?$/.exec(pathname);
  if (m) {
    try {
      return { screen: 'finding', findingId: decodeURIComponent(m[1]) };
    } catch {
      return { screen: 'not-found' };
    }
  }
  return { screen: 'not-found' };
}

export function findingPath(findingId: string): string {
  return `/findings/${encodeURIComponent(findingId)}`;
}
