import { describe, expect, it } from 'vitest';
import { COLUMN_IDS } from './column-meta';
import { moveColumn, normaliseColumnPrefs } from './column-prefs';

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
});
