/**
 * Which findings the view reads, from the URL: `region=all` (or a bare URL) is every region at
 * once; `region=<name>` one region (its detector from /api/regions unless `detector=` names one);
 * `detector=` alone is a detector of the server's default region, so links made before regions
 * keep opening exactly what they opened. Features get a Scope and hand it to src/api/queries.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { RegionInfo, RegionsResponse } from '../api/client';
import { detectorsQuery, regionsQuery } from '../api/queries';
import { ALL_REGIONS, detectorScope, type DetectorRef, type Scope } from '../api/scope';
import { isAllRegions, useViewState } from './url-state';

export const ALL = 'all';
export { isAllRegions };

export interface ScopeInfo {
  /** The list's scope; undefined while a region's detector is looked up, or when it has none (`unavailable`). */
  scope?: Scope;
  /** What the header's region control shows: `all`, or a region's name ('' until the default region is known). */
  selection: string;
  regions: UseQueryResult<RegionsResponse>;
  /** A chosen region that has no detector to read: not enabled, no detector, failing, or not covered by the server. */
  unavailable?: RegionInfo;
}

export function useScope(): ScopeInfo {
  const { state, update } = useViewState();
  const regions = useQuery(regionsQuery());
  const all = isAllRegions(state);
  const region = all ? undefined : state.region;
  const info = region ? regions.data?.regions.find((r) => r.region === region) : undefined;
  const resolved = region && !state.detectorId ? info?.detectorId : undefined;
  // A region without a detector in the link gets the region's detector, written into the URL (replacing the entry) so the link is complete.
  useEffect(() => {
    if (resolved) update((s) => (s.region === region && !s.detectorId ? { ...s, detectorId: resolved } : s), { replace: true });
  }, [region, resolved, update]);

  const detectorId = state.detectorId ?? resolved;
  const scopeRegion = all ? ALL : region;
  // One object per scope, so it can sit in effects' and callbacks' dependencies.
  const scope = useMemo<Scope | undefined>(
    () => (scopeRegion === ALL ? ALL_REGIONS : detectorId ? detectorScope({ region: scopeRegion, detectorId }) : undefined),
    [scopeRegion, detectorId],
  );
  const selection = all ? ALL : (region ?? regions.data?.defaultRegion ?? '');
  const unavailable =
    region && !scope && regions.data
      ? (info ?? { region, status: 'error' as const, message: 'The server does not cover this region (see FINDINGS_ATLAS_REGIONS).' })
      : undefined;
  return { scope, selection, regions, unavailable };
}

/**
 * The detector of the finding on a finding's page: where it lives (all-regions links say so), else
 * the view's detector, else (a bare link) the default region's first detector.
 */
export function useFindingRef(): { ref?: DetectorRef; detectors?: UseQueryResult<unknown> } {
  const { state } = useViewState();
  const { scope } = useScope();
  const needFallback = !state.finding && scope?.kind !== 'detector';
  const detectors = useQuery({ ...detectorsQuery(), enabled: needFallback });
  if (state.finding) return { ref: state.finding };
  if (scope?.kind === 'detector') return { ref: { detectorId: scope.detectorId, region: scope.region } };
  const first = detectors.data?.detectorIds?.[0];
  return { ref: first ? { detectorId: first } : undefined, detectors };
}
