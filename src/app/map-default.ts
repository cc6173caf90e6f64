/**
 * The findings view's home on a wide screen: on a first visit at 1280 px or wider the attack map
 * opens beside the table; once the analyst shows or hides it there, that choice is the default in
 * this browser (localStorage). Narrow screens keep one panel at a time (the map stays closed). A
 * link's own `map=1` / `map=0` always wins, and the default applies once per page load, so it
 * never reopens a map the analyst just closed.
 */
import { useLayoutEffect } from 'react';
import { mediaMatches } from '../lib/media-query';
import { navigate } from '../view/router';
import { parseViewState, viewHref } from '../view/url-state';

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

const isWide = () => mediaMatches(WIDE_SCREEN_QUERY);

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

/**
 * Opens the map in the URL, once per page load, when the defaults say so. The entry calls it
 * before the first render when the page opens on the findings view, so the first paint already
 * has the map column (a layout effect is too late there: the URL store's subscription starts after
 * the first paint, and the table would shift when the map column arrives).
 */
export function applyMapBesideTableDefault(): void {
  if (appliedThisLoad) return;
  appliedThisLoad = true;
  const search = new URLSearchParams(window.location.search);
  if (search.has('map') || !defaultMapOpen(isWide(), readChoice())) return;
  const state = parseViewState(search);
  navigate(viewHref(window.location.pathname, { ...state, map: { ...state.map, open: true } }), { replace: true });
}

/** The same on the findings view's first showing when the page opened on another screen. */
export function useMapBesideTableDefault(): void {
  useLayoutEffect(applyMapBesideTableDefault, []);
}
