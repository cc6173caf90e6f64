/** Column order and visibility, persisted per browser (localStorage). */
import { useCallback, useMemo, useState } from 'react';
import { readJsonPreference, writeJsonPreference } from '../../lib/preferences';
import { COLUMN_IDS, type ColumnId } from './column-meta';

export const COLUMN_PREFS_KEY = 'fa.table.columns';

export interface ColumnPrefs {
  order: ColumnId[];
  hidden: ColumnId[];
}

export const DEFAULT_COLUMN_PREFS: ColumnPrefs = { order: [...COLUMN_IDS], hidden: [] };

/** Reads stored prefs, dropping unknown ids and appending columns added since they were saved. */
export function normaliseColumnPrefs(raw: unknown): ColumnPrefs {
  const known = new Set<string>(COLUMN_IDS);
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ColumnPrefs, unknown>>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is ColumnId => typeof x === 'string' && known.has(x)) : []);
  const order = [...new Set(list(obj.order))];
  for (const id of COLUMN_IDS) if (!order.includes(id)) order.push(id);
  const hidden = [...new Set(list(obj.hidden))];
  // Never hide everything: a table without columns helps nobody.
  return { order, hidden: hidden.length >= COLUMN_IDS.length ? [] : hidden };
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
  const prefs = useMemo(() => ({ ...stored, order: shownOrder(stored, allRegions) }), [stored, allRegions]);
  const save = useCallback((change: (p: ColumnPrefs) => ColumnPrefs) => {
    setPrefs((p) => {
      const next = normaliseColumnPrefs(change(p));
      writeJsonPreference(COLUMN_PREFS_KEY, next);
      return next;
    });
  }, []);
  const toggle = useCallback(
    (id: ColumnId) => save((p) => ({ ...p, hidden: p.hidden.includes(id) ? p.hidden.filter((h) => h !== id) : [...p.hidden, id] })),
    [save],
  );
  const move = useCallback(
    (id: ColumnId, delta: -1 | 1) => save((p) => ({ ...p, order: moveColumn(shownOrder(p, allRegions), id, delta) })),
    [save, allRegions],
  );
  const reset = useCallback(() => save(() => DEFAULT_COLUMN_PREFS), [save]);
  return { prefs, toggle, move, reset };
}
