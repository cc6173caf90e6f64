/**
 * The overview's numbers and links, as pure functions over the view state: which
 * GetFindingsStatistics query each panel makes, how its answer becomes chart data, and the table
 * link of every mark. Each link's filters are the overview's filters plus exactly what the mark
 * counts, so the table's "showing N of M" agrees with the mark by construction.
 */
import type { DateStatistics, FindingCriteria, ResourceStatistics } from '../../guardduty';
import { criteriaFromFilters, LIST_FILTERS, resourceIdFilter, TIME_WINDOWS, type Filters } from '../../view/filters';
import { countsByBand, SEVERITY_BANDS, type SeverityBand } from '../../lib/severity';

export const DAY_MS = 24 * 3600_000;
/** GetFindingsStatistics' largest page: a band's DATE list shorter than this holds every day. */
export const DATE_MAX_RESULTS = 100;
/** Rows of each top list. */
export const TOP_N = 10;
/** Days the trend draws when no updated-time window is set. */
export const DEFAULT_TREND_DAYS = 30;
/** Most days the trend draws (GetFindingsStatistics returns at most 100 days per band). */
const MAX_TREND_DAYS = DATE_MAX_RESULTS;

/** Bands as the overview lists them: Critical first. */
export const BANDS_DOWN = [...SEVERITY_BANDS].reverse();

const ORDER = SEVERITY_BANDS.map((b) => b.band);

/** The bands the current severity filter lets through (all four without one). */
export function bandsInFilter(filters: Filters): SeverityBand[] {
  if (!filters.severity) return [...ORDER];
  const lo = ORDER.indexOf(filters.severity.from);
  const hi = ORDER.indexOf(filters.severity.to);
  return ORDER.slice(lo, hi + 1);
}

export const withBand = (filters: Filters, band: SeverityBand): Filters => ({ ...filters, severity: { from: band, to: band } });

/** The filters with one list filter set to exactly one value (the current filter already holds it). */
export const withListValue = (filters: Filters, param: string, value: string): Filters => ({ ...filters, lists: { ...filters.lists, [param]: [value] } });

// ---------------------------------------------------------------------------------------------
// Window and trend

export interface TimeRange {
  /** Inclusive, epoch ms. */
  from?: number;
  /** Inclusive, epoch ms. */
  to?: number;
}

/** The updatedAt range the filters select, resolved at `now` as criteriaFromFilters does. */
export function updatedRange(filters: Filters, now: number): TimeRange {
  const u = filters.updated;
  if (!u) return {};
  if ('window' in u) return { from: Math.floor(now - TIME_WINDOWS[u.window]) };
  return { from: u.from !== undefined ? Math.floor(u.from) : undefined, to: u.to !== undefined ? Math.floor(u.to) : undefined };
}

export const utcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** The UTC days the trend draws, oldest first, and whether the window starts before the first. */
export function trendDays(filters: Filters, now: number): { days: number[]; clipped: boolean } {
  const range = updatedRange(filters, now);
  const last = utcDay(Math.min(range.to ?? now, now));
  let first = range.from !== undefined ? utcDay(range.from) : last - (DEFAULT_TREND_DAYS - 1) * DAY_MS;
  let clipped = range.from === undefined;
  if (first > last) return { days: [], clipped: false };
  if ((last - first) / DAY_MS + 1 > MAX_TREND_DAYS) {
    first = last - (MAX_TREND_DAYS - 1) * DAY_MS;
    clipped = true;
  }
  const days: number[] = [];
  for (let d = first; d <= last; d += DAY_MS) days.push(d);
  return { days, clipped };
}

/** A band's DATE statistics as findings per UTC day (epoch ms of the day's start). */
export function countsPerDay(list: readonly DateStatistics[] | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of list ?? []) {
    if (typeof entry.date !== 'number' || !entry.totalFindings) continue;
    const day = utcDay(entry.date * 1000);
    out.set(day, (out.get(day) ?? 0) + entry.totalFindings);
  }
  return out;
}

/** Exactly the findings one day's bar counts: the day intersected with the filters' window. */
export function dayFilters(filters: Filters, band: SeverityBand, day: number, now: number): Filters {
  const range = updatedRange(filters, now);
  const from = Math.max(day, range.from ?? day);
  const to = Math.min(day + DAY_MS - 1, range.to ?? day + DAY_MS - 1);
  return { ...withBand(filters, band), updated: { from, to } };
}

export interface TrendDay {
  day: number;
  counts: Record<SeverityBand, number>;
  total: number;
}

export function trendSeries(days: readonly number[], perBand: Partial<Record<SeverityBand, Map<number, number>>>): TrendDay[] {
  return days.map((day) => {
    const counts = { low: 0, medium: 0, high: 0, critical: 0 } as Record<SeverityBand, number>;
    for (const band of ORDER) counts[band] = perBand[band]?.get(day) ?? 0;
    return { day, counts, total: ORDER.reduce((s, b) => s + counts[b], 0) };
  });
}

/** Findings of a band's DATE list on days before the first drawn day (only exact when the list is complete). */
export function countBefore(list: readonly DateStatistics[] | undefined, firstDay: number): number {
  let n = 0;
  for (const entry of list ?? []) if (typeof entry.date === 'number' && entry.date * 1000 < firstDay) n += entry.totalFindings ?? 0;
  return n;
}

/** A band's total from its DATE list: exact when the list holds every day (shorter than the page). */
export function bandTotalFromDates(list: readonly DateStatistics[] | undefined): number | undefined {
  if (!list || list.length >= DATE_MAX_RESULTS) return undefined;
  return list.reduce((s, e) => s + (e.totalFindings ?? 0), 0);
}

// ---------------------------------------------------------------------------------------------
// Resources

/**
 * The filters of one RESOURCE group: its type, account and id. Types GuardDuty gives no id for are
 * grouped by type and account alone, which the filters name exactly too; a group of a type that
 * has ids but lacks one here cannot be told apart from its siblings, and gets no link.
 */
export function resourceFilters(filters: Filters, r: ResourceStatistics): Filters | undefined {
  if (!r.resourceType) return undefined;
  const param = resourceIdFilter(r.resourceType);
  if (param && (!r.resourceId || !LIST_FILTERS.some((f) => f.param === param))) return undefined;
  if (!param && r.resourceId) return undefined;
  let out = withListValue(filters, 'resource', r.resourceType);
  if (param) out = withListValue(out, param, r.resourceId!);
  if (r.accountId) out = withListValue(out, 'account', r.accountId);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Triage aging

/** Days a current finding of each band may wait for triage (editable per browser). */
export type AgingTargets = Record<SeverityBand, number>;
export const DEFAULT_AGING_TARGETS: AgingTargets = { critical: 1, high: 1, medium: 7, low: 30 };
export const MAX_AGING_DAYS = 365;

export function validTarget(days: unknown): days is number {
  return typeof days === 'number' && Number.isFinite(days) && days >= 0 && days <= MAX_AGING_DAYS;
}

/** Targets read from storage: anything invalid falls back to its default. */
export function sanitizeTargets(value: unknown): AgingTargets {
  const out = { ...DEFAULT_AGING_TARGETS };
  if (value && typeof value === 'object') {
    for (const band of ORDER) {
      const v = (value as Record<string, unknown>)[band];
      if (validTarget(v)) out[band] = v;
    }
  }
  return out;
}

/**
 * The filters of a band's overdue findings: current, in the band, created before now − target.
 * Aged by createdAt: when GuardDuty first raised the finding, which later activity (updatedAt)
 * does not reset.
 */
export function agingFilters(filters: Filters, band: SeverityBand, targetDays: number, now: number): Filters {
  return { ...withBand(filters, band), archived: 'current', created: { before: Math.floor(now - targetDays * DAY_MS) } };
}

/**
 * One count request per distinct target: the statistics of current findings created before
 * now − target, whose per-band counts serve every band with that target. Bands outside the
 * severity filter are not asked.
 */
export function agingGroups(filters: Filters, targets: AgingTargets, now: number): { days: number; bands: SeverityBand[]; criteria: FindingCriteria }[] {
  const groups = new Map<number, SeverityBand[]>();
  for (const band of bandsInFilter(filters)) groups.set(targets[band], [...(groups.get(targets[band]) ?? []), band]);
  return [...groups].map(([days, bands]) => ({
    days,
    bands,
    criteria: criteriaFromFilters({ ...filters, archived: 'current', created: { before: Math.floor(now - days * DAY_MS) } }, now),
  }));
}

export { countsByBand };

export function formatDays(days: number): string {
  return `${Number.isInteger(days) ? days : days.toFixed(2).replace(/0+$/, '')} ${days === 1 ? 'day' : 'days'}`;
}

const dayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat('en', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
/** "Nov 30" (UTC). */
export const shortDay = (day: number) => dayFormat.format(day);
/** "Mon, Nov 30, 2026" (UTC). */
export const longDay = (day: number) => longDayFormat.format(day);
