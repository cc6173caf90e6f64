import { describe, expect, it } from 'vitest';
import type { FindingsPage } from '../api/queries';
import { flattenPages, selectList, selectStatistics } from './findings-view';

const page = (ids: string[], nextToken?: string): FindingsPage => ({ ids, findings: ids.map((id) => ({ id })), missingIds: [], nextToken });

describe('flattenPages', () => {
  it('keeps ListFindings order across pages and drops an id a later page repeats', () => {
    expect(flattenPages([page(['c', 'a'], 't'), page(['a', 'b'])]).map((f) => f.id)).toEqual(['c', 'a', 'b']);
    expect(flattenPages(undefined)).toEqual([]);
  });
});

describe('selectStatistics', () => {
  // GetFindingsStatistics' countBySeverity: severity value → count (bands: low 1–3.9, medium 4–6.9, high 7–8.9, critical 9–10).
  const answer = {
    findingStatistics: { countBySeverity: { '2': 3, '5': 4, '8': 5, '9.5': 1 } },
    regions: [
      { region: 'eu-west-1', status: 'ok' as const, findingStatistics: { countBySeverity: { '8': 2, '2': 1 } } },
      { region: 'us-east-1', status: 'error' as const },
    ],
  };

  it("derives the counts per band, the view's total in its severity range and every band's total", () => {
    const all = selectStatistics(undefined)(answer);
    expect(all.counts).toEqual({ low: 3, medium: 4, high: 5, critical: 1 });
    expect(all.total).toBe(13);
    expect(all.allBands).toBe(13);
    const high = selectStatistics({ from: 'high', to: 'critical' })(answer);
    expect(high.total).toBe(6);
    expect(high.allBands).toBe(13);
    // Each region that answered, in the same range; a failing region has no count.
    expect([...high.regionCounts]).toEqual([['eu-west-1', 2]]);
  });
});

describe('selectList', () => {
  it('flattens the pages and says whether ListFindings has more', () => {
    const more = selectList({ pages: [page(['a'], 't'), page(['b'], 'u')], pageParams: [undefined, 't'] });
    expect(more.findings.map((f) => f.id)).toEqual(['a', 'b']);
    expect(more.hasMore).toBe(true);
    expect(selectList({ pages: [page(['a'], '')], pageParams: [undefined] }).hasMore).toBe(false);
  });
});
