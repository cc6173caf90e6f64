import type { MouseEvent, ReactNode } from 'react';
import { hasActiveFilters } from '../../view/filters';
import { navigate } from '../../view/router';
import { useViewState } from '../../view/url-state';
import { useFinding } from './context';
import { attackMapHref, pivotFilter, pivotHref } from './pivots';

/** Plain left clicks stay in the SPA; modified clicks (new tab, …) keep the browser's behaviour. */
export function spaClick(href: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
}

const FilterIcon = () => (
  <svg className="pivot-icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="11" height="11">
    <path d="M2 3h12l-4.5 5.5V13L6.5 14V8.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
  </svg>
);

/**
 * A value that links to the findings sharing it (a pivot). Renders the bare value when the
 * parameter is not a filter GuardDuty accepts.
 */
export function PivotLink({ param, value, children }: { param: string | undefined; value: unknown; children: ReactNode }) {
  const finding = useFinding();
  const { state } = useViewState();
  const field = pivotFilter(param);
  if (!field || typeof value !== 'string' || value === '') return <>{children}</>;
  const href = pivotHref(state, finding, field.param, value);
  const name = field.label.replace(/ \(.*\)$/, '');
  // "Finding type" → "finding type", but "IP…" stays as it is.
  const hint = `Show findings with this ${/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name}`;
  const link = (
    <a className="pivot" href={href} onClick={spaClick(href)} title={`${hint} (added to the current filters)`}>
      {children}
      <span className="visually-hidden"> ({hint})</span>
      {/* A word joiner keeps the icon on the value's line. */}
      {'\u2060'}
      <FilterIcon />
    </a>
  );
  // A pivot adds to the analyst's filters; when there are any, "only" replaces them instead.
  if (!hasActiveFilters(state.filters)) return link;
  const only = pivotHref(state, finding, field.param, value, { replace: true });
  return (
    <>
      {link}{' '}
      <a className="pivot pivot-only" href={only} onClick={spaClick(only)} title={`${hint} only (replace the current filters)`}>
        only<span className="visually-hidden"> {hint.replace(/^Show findings/, 'findings')}, replacing the current filters</span>
      </a>
    </>
  );
}

export function AttackMapLink({ ip }: { ip: string }) {
  const finding = useFinding();
  const { state } = useViewState();
  const href = attackMapHref(state, finding, ip);
  return (
    <a className="map-link" href={href} onClick={spaClick(href)}>
      Show on the attack map
    </a>
  );
}
