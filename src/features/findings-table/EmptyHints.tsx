/**
 * What would find something, when nothing matches: for a remote IP or country filter of one action
 * type, the same value on every action type ("Country (network connection) = Russia finds 0;
 * Country (any action) finds 11"); and for each active filter, how many findings its removal would
 * show. Each hint is one GetFindingsStatistics query (counted as the table counts), so only a few
 * are asked, and only when the list is empty.
 */
import { useQueries } from '@tanstack/react-query';
import { statisticsQuery, totalFromStatistics } from '../../api/queries';
import type { Scope } from '../../api/scope';
import { ANY_PARAMS, criteriaFromFilters, LIST_FILTERS, REMOTE_FILTER_PARAMS, type Filters } from '../../view/filters';
import { useAnchorTime } from '../../view/url-state';
import type { FilterChip } from './filter-model';

const nf = new Intl.NumberFormat('en');
/** At most this many "without this filter" counts (each is a statistics query). */
const MAX_REMOVAL_HINTS = 6;

interface Hint {
  key: string;
  /** What the change is, as the analyst reads it. */
  text: string;
  action: string;
  filters: Filters;
}

const hasPositiveAny = (filters: Filters) => Object.values(ANY_PARAMS).some((p) => filters.lists[p]?.length || filters.lists[`${p}*`]?.length);

/** Per-action remote IP / country "is" filters, each with the same values on every action type instead. */
export function anyActionAlternatives(filters: Filters): Hint[] {
  if (hasPositiveAny(filters)) return [];
  const hints: Hint[] = [];
  for (const params of Object.values(REMOTE_FILTER_PARAMS)) {
    for (const kind of ['ip', 'country'] as const) {
      const param = params[kind];
      const values = filters.lists[param];
      if (!values?.length) continue;
      const field = LIST_FILTERS.find((f) => f.param === param)!;
      const anyParam = ANY_PARAMS[kind];
      const anyField = LIST_FILTERS.find((f) => f.param === anyParam)!;
      const lists = { ...filters.lists, [anyParam]: values };
      delete lists[param];
      hints.push({
        key: `any-${param}`,
        text: `${field.label} = ${values.join(', ')} finds 0; ${anyField.label} (any action)`,
        action: `Use ${anyField.label} (any action)`,
        filters: { ...filters, lists },
      });
    }
  }
  // One any-action filter at a time: offer the first.
  return hints.slice(0, 1);
}

export function EmptyHints({ scope, filters, chips, onChange }: { scope: Scope; filters: Filters; chips: readonly FilterChip[]; onChange: (f: Filters) => void }) {
  const now = useAnchorTime();
  const hints: Hint[] = [
    ...anyActionAlternatives(filters),
    ...chips.slice(0, MAX_REMOVAL_HINTS).map((c) => ({ key: `without-${c.key}`, text: `Without “${c.label}”`, action: `Remove “${c.label}”`, filters: c.remove(filters) })),
    ...(filters.archived === 'current' ? [{ key: 'archived', text: 'Including archived findings', action: 'Show archived too', filters: { ...filters, archived: 'all' as const } }] : []),
  ];
  const counts = useQueries({ queries: hints.map((h) => ({ ...statisticsQuery(scope, criteriaFromFilters(h.filters, now)), retry: false })) });
  if (hints.length === 0) return null;
  const pending = counts.some((c) => c.isPending);
  const found = hints
    .map((h, i) => ({ ...h, count: totalFromStatistics(counts[i].data?.findingStatistics?.countBySeverity) }))
    .filter((h) => h.count !== undefined && h.count > 0);
  return (
    <div className="empty-hints" role="status">
      {found.length > 0 ? (
        <>
          <p>One change that would find something:</p>
          <ul className="empty-hint-list">
            {found.map((h) => (
              <li key={h.key}>
                <span>
                  {h.text} finds {nf.format(h.count!)} {h.count === 1 ? 'finding' : 'findings'}.
                </span>{' '}
                <button type="button" className="button button-quiet" onClick={() => onChange(h.filters)}>
                  {h.action}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : pending ? (
        <p className="muted">Checking which single change would find something…</p>
      ) : (
        <p className="muted">No single change of these filters would find anything.</p>
      )}
    </div>
  );
}
