/**
 * The overview: what changed (findings per day by severity), what is most common (top finding
 * types, resources, accounts; severity breakdown) and what is overdue (triage aging), all from
 * GetFindingsStatistics `groupBy` over the view's filters — never by downloading findings. Every
 * bar and row links to the findings table filtered to exactly what it counts.
 */
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys, statisticsQuery, totalFromStatistics } from '../../api/queries';
import { LIST_FILTERS, TIME_WINDOWS, type ArchivedState, type Filters, type TimeWindow } from '../../view/filters';
import { filteredTableHref as tableHref } from '../../view/paths';
import { linkClick } from '../../view/router';
import { RegionUnavailable } from '../../components/RegionUnavailable';
import { RegionChips, regionChips, useRegionList } from '../../components/RegionStatus';
import { useScope } from '../../view/scope';
import { scopeKey, type Scope } from '../../api/scope';
import { refreshAnchor, useViewState } from '../../view/url-state';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { GetFindingsStatisticsResponse } from '../../guardduty';
import { bandInfo, type SeverityBand } from '../../lib/severity';
import { formatExact } from '../../lib/time';
import { AgingPanel } from './AgingPanel';
import {
  agingFilters,
  countBefore,
  countsPerDay,
  dayFilters,
  DEFAULT_TREND_DAYS,
  resourceFilters,
  shortDay,
  trendDays,
  trendSeries,
  withBand,
  withListValue,
} from './model';
import { Panel, type PanelState } from './Panel';
import { SeverityChart, SeverityTable } from './SeverityChart';
import { SeverityLegend } from './svg';
import { TopList, TopTable, type TopRow } from './TopList';
import { TrendChart, TrendTable } from './TrendChart';
import { useAging, useAgingTargets, useOverviewCriteria, useSeverityBreakdown, useTopQuery, useTrendQueries } from './useOverview';
import './overview.css';

const nf = new Intl.NumberFormat('en');
const WINDOW_LABELS: Record<TimeWindow, string> = { '24h': '24 h', '7d': '7 days', '30d': '30 days', '90d': '90 days' };

function stateOf(q: Pick<UseQueryResult, 'isPending' | 'isError'>, empty: boolean): PanelState {
  if (q.isError) return 'error';
  if (q.isPending) return 'loading';
  return empty ? 'empty' : 'ready';
}

/** The window and status controls: they set the same filters as the table's. */
function OverviewControls({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const window = filters.updated && 'window' in filters.updated ? filters.updated.window : filters.updated ? 'custom' : 'all';
  return (
    <div className="ov-controls">
      <label>
        <span className="picker-label">Updated</span>{' '}
        <select
          value={window}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...filters, updated: v === 'all' ? undefined : v === 'custom' ? filters.updated : { window: v as TimeWindow } });
          }}
        >
          {(Object.keys(TIME_WINDOWS) as TimeWindow[]).map((w) => (
            <option key={w} value={w}>
              Last {WINDOW_LABELS[w]}
            </option>
          ))}
          {window === 'custom' && <option value="custom">Custom range</option>}
          <option value="all">Any time</option>
        </select>
      </label>
      <label>
        <span className="picker-label">Status</span>{' '}
        <select value={filters.archived} onChange={(e) => onChange({ ...filters, archived: e.target.value as ArchivedState })}>
          <option value="current">Current</option>
          <option value="archived">Archived</option>
          <option value="all">All</option>
        </select>
      </label>
    </div>
  );
}

/** The filters the panels follow, in words (the table is where they are edited). */
function describeFilters(filters: Filters): string[] {
  const parts: string[] = [];
  for (const field of LIST_FILTERS) {
    const values = filters.lists[field.param] ?? [];
    if (values.length > 0) parts.push(`${field.label}: ${values.join(', ')}`);
  }
  if (filters.severity) parts.push(filters.severity.from === filters.severity.to ? `Severity: ${bandInfo(filters.severity.from).label}` : `Severity: ${bandInfo(filters.severity.from).label}–${bandInfo(filters.severity.to).label}`);
  if (filters.created) parts.push(`Created before ${formatExact(filters.created.before)}`);
  return parts;
}

function Overview({ scope }: { scope: Scope }) {
  const { state, update } = useViewState();
  const filters = state.filters;
  const { now, criteria } = useOverviewCriteria(filters);
  const client = useQueryClient();

  const setFilters = (f: Filters) => update((s) => ({ ...s, filters: f }));
  const refresh = () => {
    refreshAnchor();
    void client.invalidateQueries({ queryKey: queryKeys.statisticsRoot(scope) });
  };

  // Trend: one DATE query per band.
  const trend = useTrendQueries(scope, filters, now);
  const { days, clipped } = useMemo(() => trendDays(filters, now), [filters, now]);
  const trendPending = trend.results.some((r) => r.isPending);
  const trendError = trend.results.find((r) => r.isError);
  const perBand: Partial<Record<SeverityBand, Map<number, number>>> = {};
  let before = 0;
  let beforeExact = true;
  trend.bands.forEach((band, i) => {
    const list = trend.results[i].data?.findingStatistics?.groupedByDate;
    perBand[band] = countsPerDay(list);
    before += days.length > 0 ? countBefore(list, days[0]) : 0;
    if ((list?.length ?? 0) >= 100) beforeExact = false;
  });
  const series = trendSeries(days, perBand);
  const trendTotal = series.reduce((s, d) => s + d.total, 0);
  const trendState: PanelState = trendError ? 'error' : trendPending ? 'loading' : trendTotal === 0 ? 'empty' : 'ready';
  const trendLabel = days.length > 0 ? `Findings per day by severity, ${shortDay(days[0])} to ${shortDay(days[days.length - 1])} (UTC)` : 'Findings per day by severity';
  const trendHref = (band: SeverityBand, day: number) => tableHref(state, dayFilters(filters, band, day, now));

  // Severity breakdown: derived from the trend's lists when they are complete.
  const severity = useSeverityBreakdown(scope, criteria, trend);
  const severityTotal = severity.counts ? Object.values(severity.counts).reduce((a, b) => a + b, 0) : 0;
  const severityState: PanelState = severity.isError ? 'error' : severity.isPending ? 'loading' : severityTotal === 0 ? 'empty' : 'ready';

  // Top lists.
  const types = useTopQuery(scope, 'FINDING_TYPE', criteria);
  const resources = useTopQuery(scope, 'RESOURCE', criteria);
  const accounts = useTopQuery(scope, 'ACCOUNT', criteria);
  const typeRows: TopRow[] = (types.data?.findingStatistics?.groupedByFindingType ?? []).flatMap((t) =>
    t.findingType ? [{ key: t.findingType, name: t.findingType, count: t.totalFindings ?? 0, lastGeneratedAt: t.lastGeneratedAt, href: tableHref(state, withListValue(filters, 'type', t.findingType)) }] : [],
  );
  const resourceRows: TopRow[] = (resources.data?.findingStatistics?.groupedByResource ?? []).map((r, i) => {
    const f = resourceFilters(filters, r);
    return {
      key: `${r.resourceType}|${r.resourceId}|${r.accountId}|${i}`,
      name: r.resourceId ?? '(no id)',
      detail: [r.resourceType, r.accountId && `account ${r.accountId}`].filter(Boolean).join(' · '),
      count: r.totalFindings ?? 0,
      lastGeneratedAt: r.lastGeneratedAt,
      href: f ? tableHref(state, f) : undefined,
      noLink: f ? undefined : `No documented GuardDuty filter names one ${r.resourceType ?? 'resource'} by its id`,
    };
  });
  const accountRows: TopRow[] = (accounts.data?.findingStatistics?.groupedByAccount ?? []).flatMap((a) =>
    a.accountId ? [{ key: a.accountId, name: a.accountId, count: a.totalFindings ?? 0, lastGeneratedAt: a.lastGeneratedAt, href: tableHref(state, withListValue(filters, 'account', a.accountId)) }] : [],
  );

  // All regions: how each region answered, and its own count of the findings the filters match.
  const knownRegions = useRegionList();
  const regionStats = useQuery({ ...statisticsQuery(scope, criteria), enabled: scope.kind === 'all' });
  const regionChipList = useMemo(() => {
    if (scope.kind !== 'all') return [];
    const counts = new Map((regionStats.data?.regions ?? []).map((r) => [r.region, r.findingStatistics ? totalFromStatistics(r.findingStatistics.countBySeverity) : undefined]));
    return regionChips(knownRegions, regionStats.data?.regions, undefined, (r) => counts.get(r));
  }, [scope.kind, knownRegions, regionStats.data]);

  // Triage aging.
  const [targets, setTargets] = useAgingTargets();
  const aging = useAging(scope, filters, targets, now);
  const agingTotal = aging.bands.reduce((s, b) => s + (aging.counts[b] ?? 0), 0);
  // A changed target reloads only its own count ("…" in its cell): the table and its inputs stay put.
  const agingLoaded = aging.bands.some((b) => aging.counts[b] !== undefined);
  const agingState: PanelState = aging.error ? 'error' : aging.isPending && !agingLoaded ? 'loading' : agingTotal === 0 && !aging.isPending ? 'empty' : 'ready';

  const panels = [trendState, severityState, stateOf(types, typeRows.length === 0), stateOf(resources, resourceRows.length === 0), stateOf(accounts, accountRows.length === 0), agingState];
  const allDrawn = panels.every((s) => s !== 'loading') && !aging.isPending;
  const described = describeFilters(filters);

  const top = (title: string, nameLabel: string, q: UseQueryResult<GetFindingsStatisticsResponse>, rows: TopRow[]) => {
    const label = `${title}, by number of findings`;
    return (
      <Panel
        title={title}
        subtitle="Findings and when the last was generated"
        size="list"
        state={stateOf(q, rows.length === 0)}
        error={q.error}
        onRetry={() => void q.refetch()}
        empty="No findings match the filters."
        chart={() => <TopList rows={rows} nameLabel={nameLabel} label={label} />}
        table={() => <TopTable rows={rows} nameLabel={nameLabel} label={label} />}
      />
    );
  };

  return (
    <div className="ov-grid" data-state={allDrawn ? 'ready' : 'loading'}>
      <div className="ov-head">
        <OverviewControls filters={filters} onChange={setFilters} />
        <p className="ov-following muted">
          {described.length > 0 ? <>Following the table’s filters: {described.join(' · ')}. </> : 'No other filters. '}
          <a href={tableHref(state, filters)} onClick={linkClick(tableHref(state, filters))}>
            Change filters in the table
          </a>
        </p>
        <button type="button" className="button" onClick={refresh}>
          Refresh
        </button>
      </div>
      {scope.kind === 'all' && (
        <div className="ov-regions">
          <RegionChips chips={regionChipList} pending={regionStats.isPending} timed="time to count" />
        </div>
      )}

      <Panel
        className="ov-wide"
        title="Findings per day"
        subtitle={
          <>
            By day last updated (UTC), stacked by severity.{' '}
            {clipped && days.length > 0 && (
              <>
                Showing {filters.updated ? `the newest ${days.length} days` : `the last ${DEFAULT_TREND_DAYS} days`}
                {before > 0 && beforeExact ? `; ${nf.format(before)} earlier ${before === 1 ? 'finding is' : 'findings are'} not drawn` : ''}.
              </>
            )}
          </>
        }
        size="trend"
        state={trendState}
        error={trendError?.error}
        onRetry={() => trend.results.forEach((r) => r.isError && void r.refetch())}
        empty={`No findings were updated ${days.length > 0 ? `between ${shortDay(days[0])} and ${shortDay(days[days.length - 1])}` : 'in this window'} with these filters.`}
        actions={<SeverityLegend bands={trend.bands} />}
        chart={() => <TrendChart series={series} bands={trend.bands} hrefOf={trendHref} label={trendLabel} />}
        table={() => <TrendTable series={series} bands={trend.bands} hrefOf={trendHref} label={trendLabel} />}
      />

      <Panel
        title="Severity"
        subtitle="Findings per band"
        size="short"
        state={severityState}
        error={severity.error}
        onRetry={severity.retry}
        empty="No findings match the filters."
        chart={() => <SeverityChart counts={severity.counts!} bands={trend.bands} hrefOf={(b) => tableHref(state, withBand(filters, b))} label="Findings per severity band" />}
        table={() => <SeverityTable counts={severity.counts!} bands={trend.bands} hrefOf={(b) => tableHref(state, withBand(filters, b))} label="Findings per severity band" />}
      />

      <AgingPanel
        bands={aging.bands}
        counts={aging.counts}
        targets={targets}
        onTargets={setTargets}
        now={now}
        hrefOf={(band) => tableHref(state, agingFilters(filters, band, targets[band], now))}
        state={agingState}
        busy={aging.isPending}
        error={aging.error}
        onRetry={aging.retry}
      />

      {top('Top finding types', 'Finding type', types, typeRows)}
      {top('Top resources', 'Resource', resources, resourceRows)}
      {top('Top accounts', 'Account', accounts, accountRows)}
    </div>
  );
}

export default function OverviewScreen() {
  const { scope, regions, unavailable } = useScope();
  return (
    <main id="main" className="page overview-page">
      <h1 className="ov-title">Overview</h1>
      {regions.isError && !scope && <ErrorBanner error={regions.error} context="Could not list the regions" onRetry={() => regions.refetch()} />}
      {unavailable && <RegionUnavailable info={unavailable} />}
      {scope && <Overview key={scopeKey(scope)} scope={scope} />}
    </main>
  );
}
