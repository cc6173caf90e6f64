/**
 * The findings view's home on a wide screen: on a first visit at 1280 px or wider the attack map
 * opens beside the table; once the analyst shows or hides it there, that choice is the default in
 * this browser (localStorage). Narrow screens keep one panel at a time (the map stays closed). A
 * link's own `map=1` / `map=0` always wins, and the default applies once per page load, so it
 * never reopens a map the analyst just closed.
 */
import { useLayoutEffect } from 'react';
import { useViewState } from '../view/url-state';

export const WIDE_SCREEN_QUERY = '(min-width: 1280px)';
const KEY = 'fa.mapBesideTable';

export type MapChoice = 'open' | 'closed';

function readChoice(): MapChoice | undefined {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'open' || v === 'closed' ? v : undefined;
  } catch {
    return undefined;
  }
}

const isWide = () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE_SCREEN_QUERY).matches;

/** Whether the findings view opens with the map, for a URL without `map`. Pure, for tests. */
export function defaultMapOpen(wide: boolean, remembered: MapChoice | undefined): boolean {
  return wide && (remembered ?? 'open') === 'open';
}

/** Remembers a show/hide of the map beside the table (only on a wide screen, where "beside" exists). */
export function rememberMapChoice(open: boolean): void {
  if (!isWide()) return;
  try {
    window.localStorage.setItem(KEY, open ? 'open' : 'closed');
  } catch {
    // private mode: the choice lasts for this page only
  }
}

let appliedThisLoad = false;

/** Opens the map on the findings view's first showing in this page load when the defaults say so. */
export function useMapBesideTableDefault(): void {
  const { update } = useViewState();
  // Before the first paint: the layout starts with the map column instead of shifting into it.
  useLayoutEffect(() => {
    if (appliedThisLoad) return;
    appliedThisLoad = true;
    if (new URLSearchParams(window.location.search).has('map')) return;
    if (defaultMapOpen(isWide(), readChoice())) update((s) => ({ ...s, map: { ...s.map, open: true } }), { replace: true });
  }, [update]);
}
