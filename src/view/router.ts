/**
 * A minimal history router: the URL is the app's navigation state (every view is a link).
 * Three screens: `/` (findings), `/overview` and `/findings/{id}` (one finding). Query parameters carry the
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
  // Each pushed entry remembers the in-app location it was opened from (see previousLocation).
  else window.history.pushState({ from: snapshot() }, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/**
 * The in-app path and query the current history entry was pushed from, if it was (undefined for
 * a pasted link or a reload of one). Lets a screen go back with history.back(), which keeps the
 * previous screen's scroll position, only when the previous entry really is that screen.
 */
export function previousLocation(): string | undefined {
  const state: unknown = window.history.state;
  const from = state && typeof state === 'object' ? (state as { from?: unknown }).from : undefined;
  return typeof from === 'string' ? from : undefined;
}

export type Route = { screen: 'findings' } | { screen: 'overview' } | { screen: 'finding'; findingId: string } | { screen: 'not-found' };

export const OVERVIEW_PATH = '/overview';

export function matchPath(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { screen: 'findings' };
  if (pathname === OVERVIEW_PATH || pathname === `${OVERVIEW_PATH}/`) return { screen: 'overview' };
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

/** An in-app link's click: plain left clicks stay in the SPA; modified clicks (new tab, …) keep the browser's behaviour. */
export function linkClick(href: string) {
  return (e: { defaultPrevented: boolean; button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; preventDefault(): void }) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
}
