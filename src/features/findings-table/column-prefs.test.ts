import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, COLUMNS, columnForAttribute } from './column-meta';
import { columnVisibility, DEFAULT_COLUMN_PREFS, moveColumn, normaliseColumnPrefs } from './column-prefs';
import { SORT_ATTRIBUTE_NAMES } from '../../guardduty';

describe('column prefs', () => {
  it('drops unknown ids and appends missing columns', () => {
    const p = normaliseColumnPrefs({ order: ['updated', 'bogus', 'severity'], hidden: ['region', 'nope'] });
    expect(p.order.slice(0, 2)).toEqual(['updated', 'severity']);
    expect([...p.order].sort()).toEqual([...COLUMN_IDS].sort());
    expect(p.hidden).toEqual(['region']);
  });

  it('survives garbage', () => {
    expect(normaliseColumnPrefs('x').order).toEqual([...COLUMN_IDS]);
    expect(normaliseColumnPrefs({ hidden: [...COLUMN_IDS] }).hidden).toEqual([]);
  });

  it('moves a column by one place', () => {
    expect(moveColumn(['severity', 'title', 'type'] as never, 'title', -1)).toEqual(['title', 'severity', 'type']);
    expect(moveColumn(['severity', 'title'] as never, 'severity', -1)).toEqual(['severity', 'title']);
  });

  it('puts columns added since the prefs were saved where the default order has them', () => {
    const before = ['severity', 'title', 'type', 'resource', 'remoteIp', 'account', 'region', 'count', 'firstSeen', 'lastSeen', 'updated'];
    expect(normaliseColumnPrefs({ order: before, hidden: [] }).order).toEqual([...COLUMN_IDS]);
  });

  it('keeps resized widths within bounds and drops unusable ones', () => {
    const p = normaliseColumnPrefs({ widths: { title: 420.4, type: 5, resource: 'wide', bogus: 100 } });
    expect(p.widths).toEqual({ title: 420, type: 48 });
  });

  it('every sort attribute has a column, shown whenever it is the sort key, in the compact set too', () => {
    for (const name of SORT_ATTRIBUTE_NAMES) {
      const column = columnForAttribute(name);
      expect(column, name).toBeDefined();
      for (const compact of [false, true]) {
        expect(columnVisibility(DEFAULT_COLUMN_PREFS, { compact, sortAttribute: name })[column!.id], name).toBe(true);
      }
    }
  });

  it('optional columns are off by default; the compact set keeps what triage needs', () => {
    const wide = columnVisibility(DEFAULT_COLUMN_PREFS, { compact: false });
    expect(COLUMNS.filter((c) => wide[c.id]).map((c) => c.id)).toEqual(COLUMNS.filter((c) => !c.optional).map((c) => c.id));
    const compact = columnVisibility(DEFAULT_COLUMN_PREFS, { compact: true, sortAttribute: 'service.eventLastSeen' });
    expect(COLUMNS.filter((c) => compact[c.id]).map((c) => c.id)).toEqual(['severity', 'title', 'resource', 'remoteIp', 'lastSeen']);
    // All regions: Region instead of Remote IP (the map beside the table shows the IPs).
    const all = columnVisibility({ ...DEFAULT_COLUMN_PREFS, allRegions: true }, { compact: true, sortAttribute: 'service.eventLastSeen' });
    expect(COLUMNS.filter((c) => all[c.id]).map((c) => c.id)).toEqual(['severity', 'title', 'resource', 'region', 'lastSeen']);
    const byApi = columnVisibility(normaliseColumnPrefs({ shown: ['apiName'] }), { compact: false });
    expect(byApi.apiName).toBe(true);
  });
});
