/**
 * Where the findings of a view come from: one detector of one region, or every region at once.
 * The URL state resolves to a scope (src/view/scope.ts); the fetchers and the query-key factory
 * (queries.ts) are the only code that turns a scope into endpoints.
 */

/** One detector. `region` undefined: the server's default region (`/api/detector/…`, the links of before regions). */
export interface DetectorRef {
  detectorId: string;
  region?: string;
}

export type Scope = ({ kind: 'detector' } & DetectorRef) | { kind: 'all' };

export const ALL_REGIONS: Scope = { kind: 'all' };

export const detectorScope = (ref: DetectorRef): Scope => ({ kind: 'detector', detectorId: ref.detectorId, ...(ref.region ? { region: ref.region } : {}) });

/** The scope's part of every query key: `all`, or `region/detector` (`default/…` for the default region's legacy form). */
export const scopeKey = (scope: Scope): string => (scope.kind === 'all' ? 'all' : `${scope.region ?? 'default'}/${scope.detectorId}`);
