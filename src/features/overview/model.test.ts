import { describe, expect, it } from 'vitest';
import { criteriaFromFilters, DEFAULT_FILTERS, type Filters } from '../../view/filters';
import {
  agingFilters,
  agingGroups,
  bandTotalFromDates,
  countsPerDay,
  DATE_MAX_RESULTS,
  DAY_MS,
  dayFilters,
  DEFAULT_AGING_TARGETS,
  DEFAULT_TREND_DAYS,
  resourceFilters,
  sanitizeTargets,
  trendDays,
} from './model';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const base: Filters = { ...DEFAULT_FILTERS, lists: {} };

describe('trend window', () => {
  it('draws the last 30 UTC days without a window, and the window’s days with one', () => {
    const all = trendDays(base, now);
    expect(all.days).toHaveLength(DEFAULT_TREND_DAYS);
    expect(all.days.at(-1)).toBe(Date.UTC(2026, 10, 25));
    expect(all.clipped).toBe(true);
    const week = trendDays({ ...base, updated: { window: '7d' } }, now);
    expect(week.days[0]).toBe(Date.UTC(2026, 10, 18));
    expect(week.days).toHaveLength(8);
    expect(week.clipped).toBe(false);
  });

  it('a day’s bar links to that day cut to the window, in the band', () => {
    const filters: Filters = { ...base, updated: { window: '7d' } };
    const first = trendDays(filters, now).days[0];
    const f = dayFilters(filters, 'high', first, now);
    expect(f.severity).toEqual({ from: 'high', to: 'high' });
    expect(f.updated).toEqual({ from: now - 7 * DAY_MS, to: first + DAY_MS - 1 });
    expect(criteriaFromFilters(f, now).criterion!.updatedAt).toEqual({ gte: now - 7 * DAY_MS, lte: first + DAY_MS - 1 });
  });

  it('sums DATE entries per UTC day, and a band total only from a complete list', () => {
    const day = Date.UTC(2026, 10, 20) / 1000;
    expect(countsPerDay([{ date: day, totalFindings: 3 }, { date: day + 86400, totalFindings: 2 }]).get(day * 1000)).toBe(3);
    expect(bandTotalFromDates([{ date: day, totalFindings: 3 }, { date: day + 86400, totalFindings: 2 }])).toBe(5);
    const full = Array.from({ length: DATE_MAX_RESULTS }, (_, i) => ({ date: day - i * 86400, totalFindings: 1 }));
    expect(bandTotalFromDates(full)).toBeUndefined();
  });
});

describe('resource links', () => {
  it('name a resource by type, id attribute and account', () => {
    const f = resourceFilters(base, { resourceType: 'S3Bucket', resourceId: 'logs', accountId: '111' })!;
    expect(f.lists).toEqual({ resource: ['S3Bucket'], bucket: ['logs'], account: ['111'] });
    expect(criteriaFromFilters(f, now).criterion!['resource.s3BucketDetails.name']).toEqual({ eq: ['logs'] });
  });

  it('name types without ids by type and account, and refuse a group that lacks the id its type has', () => {
    expect(resourceFilters(base, { resourceType: 'EBSVolume', accountId: '1' })!.lists).toEqual({ resource: ['EBSVolume'], account: ['1'] });
    expect(resourceFilters(base, { resourceType: 'Instance', accountId: '1' })).toBeUndefined();
    expect(resourceFilters(base, { resourceId: 'x' })).toBeUndefined();
  });
});

describe('triage aging', () => {
  it('asks one count per distinct target, only for bands in the severity filter', () => {
    const groups = agingGroups(base, DEFAULT_AGING_TARGETS, now);
    expect(groups.map((g) => [g.days, g.bands])).toEqual([
      [30, ['low']],
      [7, ['medium']],
      [1, ['high', 'critical']],
    ]);
    expect(groups[2].criteria.criterion!.createdAt).toEqual({ lt: now - DAY_MS });
    expect(groups[2].criteria.criterion!['service.archived']).toEqual({ eq: ['false'] });
    expect(agingGroups({ ...base, severity: { from: 'high', to: 'critical' } }, DEFAULT_AGING_TARGETS, now)).toHaveLength(1);
  });

  it('links a band to its current findings raised before now − target', () => {
    const f = agingFilters({ ...base, archived: 'all' }, 'medium', 7, now);
    expect(f).toMatchObject({ archived: 'current', severity: { from: 'medium', to: 'medium' }, created: { before: now - 7 * DAY_MS } });
  });

  it('falls back to the default target for anything stored that is not a number of days', () => {
    expect(sanitizeTargets({ critical: 0.5, high: -1, medium: 'x', low: 400 })).toEqual({ ...DEFAULT_AGING_TARGETS, critical: 0.5 });
    expect(sanitizeTargets(null)).toEqual(DEFAULT_AGING_TARGETS);
  });
});
