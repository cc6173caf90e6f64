/**
 * The findings grid's scroll container and row virtualizer, owned by the table: the component
 * that changes the list (sort, filters) also owns where the list is scrolled to.
 *
 * - A new list (sort, filters, scope — from the table's controls, the summary bar or Back /
 *   Forward) starts at the top, in the commit that shows it.
 * - The scroll offset is kept in the table's history entry (`history.state`), so coming back from
 *   a finding (Back, Escape) or another screen lands where the analyst left the list.
 * - Without a kept offset, a selected finding that is not in view is brought into view once.
 * - The next page loads when the rendered rows come near the end of the loaded ones.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Two lines: titles, finding types and resources wrap once instead of being cut at 20 characters. */
export const ROW_HEIGHT = 52;
/** A card of the narrow-screen list: severity and last seen, title (two lines), resource, remote IP. */
export const CARD_HEIGHT = 108;
export const HEADER_HEIGHT = 50;
const OVERSCAN = 8;
/** Start loading the next page this many rows before the end of the loaded ones. */
const PREFETCH_ROWS = 15;

const STATE_KEY = 'findingsScroll';

/** The offset kept in the current history entry for this list, if any. */
function keptOffset(list: string): number | undefined {
  const state: unknown = window.history.state;
  const kept = state && typeof state === 'object' ? (state as Record<string, unknown>)[STATE_KEY] : undefined;
  if (!kept || typeof kept !== 'object') return undefined;
  const { list: keptList, top } = kept as { list?: unknown; top?: unknown };
  return keptList === list && typeof top === 'number' ? top : undefined;
}

/** Keeps the list's offset in the current history entry (same URL, no navigation). */
function keepOffset(list: string, top: number): void {
  const state: unknown = window.history.state;
  const base = state && typeof state === 'object' ? state : {};
  window.history.replaceState({ ...base, [STATE_KEY]: { list, top } }, '');
}

export interface GridScrollOptions {
  /** Identity of the list (scope, criteria, sort). */
  listKey: string;
  /** Rows loaded (0 while the first page loads). */
  count: number;
  /** Row ids, for the virtualizer's item keys. */
  idAt: (index: number) => string | undefined;
  cards: boolean;
  /** Index of the selected finding in the list, -1 when none. */
  selectedIndex: number;
  loadMore: () => void;
}

export function useGridScroll({ listKey, count, idAt, cards, selectedIndex, loadMore }: GridScrollOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Read once: the offset this history entry kept when the table was left.
  const [kept] = useState(() => keptOffset(listKey));
  const rowHeight = cards ? CARD_HEIGHT : ROW_HEIGHT;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders its owner itself
  const virtualizer = useVirtualizer({
    count,
    // The table owns the container, an element below it: its ref is set before the table's layout effects run.
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: kept ?? 0,
    getItemKey: (i) => idAt(i) ?? i,
  });

  // A new list starts at the top, whoever changed it.
  const shownList = useRef(listKey);
  useLayoutEffect(() => {
    if (shownList.current === listKey) return;
    shownList.current = listKey;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [listKey]);

  // Keep the offset in the history entry once scrolling settles (and when a finding opens: `keep`).
  const keep = useCallback(() => {
    const el = scrollRef.current;
    if (el) keepOffset(listKey, el.scrollTop);
  }, [listKey]);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    el.addEventListener('scrollend', keep);
    return () => el.removeEventListener('scrollend', keep);
  }, [keep]);

  const items = virtualizer.getVirtualItems();
  const rendered = items.length > 0;
  const lastIndex = rendered ? items[items.length - 1].index : -1;

  // Back on a list left earlier: its rows are laid out now; scroll to where the analyst left it,
  // before paint. (The virtualizer's initialOffset alone comes too early, while the body is
  // empty, and the browser clamps it to 0.)
  const restored = useRef(false);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || restored.current || !rendered) return;
    restored.current = true;
    if (kept) el.scrollTop = kept;
  }, [rendered, kept]);

  // Opening on a selected finding (a link) without a kept offset: bring its row into view, once,
  // when the first rows show. (A row selected later is the analyst's: it is already in view.)
  const revealed = useRef(false);
  useEffect(() => {
    if (revealed.current || !rendered) return;
    revealed.current = true;
    if (kept === undefined && selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedIndex, rendered, kept, virtualizer]);

  useEffect(() => {
    if (lastIndex >= count - PREFETCH_ROWS) loadMore();
  }, [lastIndex, count, loadMore]);

  return { scrollRef, virtualizer, rowHeight, keep };
}

export type GridVirtualizer = ReturnType<typeof useGridScroll>['virtualizer'];
