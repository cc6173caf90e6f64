/** Column order, visibility and widths, persisted per browser (localStorage). */
import type { VisibilityState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { readJsonPreference, writeJsonPreference } from '../../lib/preferences';
import { COLUMN_IDS, COLUMNS, columnForAttribute, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ColumnId } from './column-meta';

export const COLUMN_PREFS_KEY = 'fa.table.columns';

export interface ColumnPrefs {
  order: ColumnId[];
  /** Columns of the default set the analyst turned off. */
  hidden: ColumnId[];
  /** Optional columns (API name, ports, …) the analyst turned on. */
  shown: ColumnId[];
  /** Widths the analyst gave columns by resizing them, in px. */
  widths: Partial<Record<ColumnId, number>>;
  /** Not stored: set by useColumnPrefs for the all-regions table (Region matters as much as Title there). */
  allRegions?: boolean;
}

export const DEFAULT_COLUMN_PREFS: ColumnPrefs = { order: [...COLUMN_IDS], hidden: [], shown: [], widths: {} };

const OPTIONAL = new Set<ColumnId>(COLUMNS.filter((c) => c.optional).map((c) => c.id));
const COMPACT = new Set<ColumnId>(COLUMNS.filter((c) => c.compact).map((c) => c.id));

export const clampWidth = (px: number) => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, px)));

/**
 * Reads stored prefs, dropping unknown ids and unusable widths. Columns added since they were
 * saved go where the default order has them (after the column they follow), so a stored default
 * order stays the default order.
 */
export function normaliseColumnPrefs(raw: unknown): ColumnPrefs {
  const known = new Set<string>(COLUMN_IDS);
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ColumnPrefs, unknown>>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is ColumnId => typeof x === 'string' && known.has(x)) : []);
  const order = [...new Set(list(obj.order))];
  COLUMN_IDS.forEach((id, i) => {
    if (order.includes(id)) return;
    const after = i === 0 ? -1 : order.indexOf(COLUMN_IDS[i - 1]);
    order.splice(after + 1, 0, id);
  });
  const hidden = [...new Set(list(obj.hidden))].filter((id) => !OPTIONAL.has(id));
  const shown = [...new Set(list(obj.shown))].filter((id) => OPTIONAL.has(id));
  const widths: Partial<Record<ColumnId, number>> = {};
  if (obj.widths && typeof obj.widths === 'object') {
    for (const [id, w] of Object.entries(obj.widths as Record<string, unknown>)) {
      if (known.has(id) && typeof w === 'number' && Number.isFinite(w)) widths[id as ColumnId] = clampWidth(w);
    }
  }
  // Never hide everything: a table without columns helps nobody.
  const defaults = COLUMN_IDS.filter((id) => !OPTIONAL.has(id));
  return { order, hidden: hidden.length >= defaults.length ? [] : hidden, shown, widths };
}

/** Whether the analyst's settings show a column (before compact mode and the sort column). */
export const isShownByPrefs = (prefs: ColumnPrefs, id: ColumnId) => (OPTIONAL.has(id) ? prefs.shown.includes(id) : !prefs.hidden.includes(id));

/** All regions: where a finding lives matters; the map beside the table shows the remote IPs. */
const COMPACT_ALL_REGIONS = new Set<ColumnId>([...[...COMPACT].filter((id) => id !== 'remoteIp'), 'region']);

/**
 * What the grid shows: the analyst's columns; with `compact` (the map beside the table) only those
 * of the compact set among them (all regions: Region instead of Remote IP); and always the column
 * of the sort attribute, so the value the rows are ordered by is on screen.
 */
export function columnVisibility(prefs: ColumnPrefs, { compact, sortAttribute }: { compact: boolean; sortAttribute?: string }): VisibilityState {
  const sortColumn = sortAttribute ? columnForAttribute(sortAttribute)?.id : undefined;
  const set = prefs.allRegions ? COMPACT_ALL_REGIONS : COMPACT;
  return Object.fromEntries(COLUMN_IDS.map((id) => [id, id === sortColumn || (isShownByPrefs(prefs, id) && (!compact || set.has(id)))]));
}

export function moveColumn(order: readonly ColumnId[], id: ColumnId, delta: -1 | 1): ColumnId[] {
  const i = order.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const next = [...order];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** All regions: where a finding lives matters as much as what it is, so Region follows Title (unless the analyst ordered the columns). */
export const ALL_REGIONS_ORDER: ColumnId[] = (() => {
  const order: ColumnId[] = COLUMN_IDS.filter((id) => id !== 'region');
  order.splice(order.indexOf('title') + 1, 0, 'region');
  return order;
})();

const isDefaultOrder = (order: readonly ColumnId[]) => order.every((id, i) => id === COLUMN_IDS[i]);

/** The order shown: the analyst's, or in all-regions mode the default with Region beside Title. */
const shownOrder = (prefs: ColumnPrefs, allRegions: boolean) => (allRegions && isDefaultOrder(prefs.order) ? ALL_REGIONS_ORDER : prefs.order);

export function useColumnPrefs(allRegions = false) {
  const [stored, setPrefs] = useState<ColumnPrefs>(() => normaliseColumnPrefs(readJsonPreference(COLUMN_PREFS_KEY, DEFAULT_COLUMN_PREFS)));
  const prefs = useMemo(() => ({ ...stored, order: shownOrder(stored, allRegions), allRegions }), [stored, allRegions]);
  const save = useCallback((change: (p: ColumnPrefs) => ColumnPrefs) => {
    setPrefs((p) => {
      const next = normaliseColumnPrefs(change(p));
      writeJsonPreference(COLUMN_PREFS_KEY, next);
      return next;
    });
  }, []);
  const toggle = useCallback(
    (id: ColumnId) =>
      save((p) =>
        OPTIONAL.has(id)
          ? { ...p, shown: p.shown.includes(id) ? p.shown.filter((h) => h !== id) : [...p.shown, id] }
          : { ...p, hidden: p.hidden.includes(id) ? p.hidden.filter((h) => h !== id) : [...p.hidden, id] },
      ),
    [save],
  );
  const setWidths = useCallback(
    (change: (w: Partial<Record<ColumnId, number>>) => Partial<Record<ColumnId, number>>) => save((p) => ({ ...p, widths: change(p.widths) })),
    [save],
  );
  const move = useCallback(
    (id: ColumnId, delta: -1 | 1) => save((p) => ({ ...p, order: moveColumn(shownOrder(p, allRegions), id, delta) })),
    [save, allRegions],
  );
  const reset = useCallback(() => save(() => DEFAULT_COLUMN_PREFS), [save]);
  return { prefs, toggle, move, reset, setWidths };
}
