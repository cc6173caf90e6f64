import { describe, expect, it } from 'vitest';
import { SORT_ATTRIBUTE_NAMES } from '../../guardduty';
import { DEFAULT_SORT } from '../../view/url-state';
import { ariaSort, describeSort, fromSorting, nextHeaderSort, toSorting } from './sorting';
import { COLUMN_SORT_ATTRIBUTES } from './column-meta';

describe('header sort cycle', () => {
  it('goes ASC → DESC → default for names and times', () => {
    const a = nextHeaderSort(DEFAULT_SORT, 'type');
    expect(a).toEqual({ attribute: 'type', order: 'ASC' });
    const b = nextHeaderSort(a, 'type');
    expect(b).toEqual({ attribute: 'type', order: 'DESC' });
    expect(nextHeaderSort(b, 'type')).toEqual(DEFAULT_SORT);
  });

  it('sorts severity highest first on the first click, then lowest first, then back to the default', () => {
    const a = nextHeaderSort(DEFAULT_SORT, 'severity');
    expect(a).toEqual({ attribute: 'severity', order: 'DESC' });
    const b = nextHeaderSort(a, 'severity');
    expect(b).toEqual({ attribute: 'severity', order: 'ASC' });
    expect(nextHeaderSort(b, 'severity')).toEqual(DEFAULT_SORT);
  });

  it('sorts confidence and count highest first too; every other attribute starts ascending', () => {
    for (const name of SORT_ATTRIBUTE_NAMES) {
      if (name === DEFAULT_SORT.attribute) continue;
      const expected = ['severity', 'confidence', 'service.count'].includes(name) ? 'DESC' : 'ASC';
      expect(nextHeaderSort(DEFAULT_SORT, name).order, name).toBe(expected);
    }
  });

  it('starts the default column at ASC so a click always changes the order', () => {
    const a = nextHeaderSort(DEFAULT_SORT, DEFAULT_SORT.attribute);
    expect(a.order).toBe('ASC');
    expect(nextHeaderSort(a, DEFAULT_SORT.attribute)).toEqual(DEFAULT_SORT);
  });

  it('reports aria-sort per column', () => {
    expect(ariaSort({ attribute: 'severity', order: 'ASC' }, 'severity')).toBe('ascending');
    expect(ariaSort({ attribute: 'severity', order: 'DESC' }, 'severity')).toBe('descending');
    expect(ariaSort({ attribute: 'severity', order: 'DESC' }, 'type')).toBe('none');
  });

  it('describes a sort by value kind', () => {
    expect(describeSort({ attribute: 'severity', order: 'DESC' })).toBe('Severity, highest first');
    expect(describeSort({ attribute: 'updatedAt', order: 'ASC' })).toBe('Updated, oldest first');
  });
});

describe('column sort attributes', () => {
  it('only uses documented sort attributes', () => {
    for (const name of Object.values(COLUMN_SORT_ATTRIBUTES)) expect(SORT_ATTRIBUTE_NAMES).toContain(name);
  });
});

describe('TanStack Table sorting state (manual sorting)', () => {
  it('round-trips the server sort, and an empty or unknown state is the default sort', () => {
    const sort = { attribute: 'severity', order: 'ASC' } as const;
    expect(toSorting(sort)).toEqual([{ id: 'severity', desc: false }]);
    expect(fromSorting(toSorting(sort))).toEqual(sort);
    expect(fromSorting(toSorting(DEFAULT_SORT))).toEqual(DEFAULT_SORT);
    expect(fromSorting([])).toEqual(DEFAULT_SORT);
    expect(fromSorting([{ id: 'not.an.attribute', desc: true }])).toEqual(DEFAULT_SORT);
  });
});
