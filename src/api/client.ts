/**
 * The /api client: one fetcher per GuardDuty operation, speaking GuardDuty's wire format.
 * Errors surface as ApiRequestError carrying GuardDuty's `__type` and `message` for the UI.
 */
import {
  parseWireError,
  type Finding,
  type FindingCriteria,
  type GetFindingsStatisticsRequest,
  type GetFindingsStatisticsResponse,
  type FindingStatistics,
  type ListDetectorsResponse,
  type ListFindingsResponse,
  type SortCriteria,
} from '../guardduty';
import type { Health } from '../guardduty/health';
import type { DetectorRef } from './scope';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function request<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    // Absolute against the page, so the same client works in jsdom tests (Node's fetch needs absolute URLs).
    response = await fetch(new URL(path, window.location.href), {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiRequestError(0, 'NetworkError', 'The Findings Atlas server could not be reached. Is it running?');
  }
  const text = await response.text();
  if (!response.ok) {
    const wire = parseWireError(response.status, text, response.headers.get('x-amzn-ErrorType'));
    throw new ApiRequestError(response.status, wire.__type, wire.message);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiRequestError(response.status, 'InvalidResponse', 'The server answered with something that is not JSON.');
  }
}

/** The GuardDuty API of a region: `/api` is the server's default region, `/api/regions/{region}` any other. */
const regionBase = (region: string | undefined) => (region ? `/api/regions/${encodeURIComponent(region)}` : '/api');

/** A detector's path; a bare id is a detector of the server's default region (the links of before regions). */
const detectorPath = (detector: DetectorRef | string) => {
  const ref = typeof detector === 'string' ? { detectorId: detector } : detector;
  return `${regionBase(ref.region)}/detector/${encodeURIComponent(ref.detectorId)}`;
};

export const fetchHealth = (signal?: AbortSignal) => request<Health>('/healthz', { signal });

export const listDetectors = (region?: string, signal?: AbortSignal) => request<ListDetectorsResponse>(`${regionBase(region)}/detector?maxResults=50`, { signal });

export interface ListFindingsInput {
  findingCriteria?: FindingCriteria;
  sortCriteria?: SortCriteria;
  maxResults?: number;
  nextToken?: string;
}

export const listFindings = (detectorId: DetectorRef | string, body: ListFindingsInput, signal?: AbortSignal) =>
  request<ListFindingsResponse>(`${detectorPath(detectorId)}/findings`, { method: 'POST', body, signal });

export const getFindings = (detectorId: DetectorRef | string, findingIds: string[], signal?: AbortSignal) =>
  request<{ findings: Finding[] }>(`${detectorPath(detectorId)}/findings/get`, { method: 'POST', body: { findingIds }, signal });

/** GetFindingsStatistics' body for severity counts (the deprecated COUNT_BY_SEVERITY form, still answered). */
export const severityStatisticsBody = (findingCriteria: FindingCriteria | undefined) => ({
  findingStatisticTypes: ['COUNT_BY_SEVERITY'],
  ...(findingCriteria ? { findingCriteria } : {}),
});

export const getFindingsStatistics = (detectorId: DetectorRef | string, findingCriteria: FindingCriteria | undefined, signal?: AbortSignal) =>
  request<GetFindingsStatisticsResponse>(`${detectorPath(detectorId)}/findings/statistics`, {
    method: 'POST',
    body: severityStatisticsBody(findingCriteria),
    signal,
  });

/** GetFindingsStatistics' grouping: one list per group (account, day, type, resource, severity). */
export type StatisticsGroupBy = NonNullable<GetFindingsStatisticsRequest['groupBy']>;

export interface GroupedStatisticsInput {
  groupBy: StatisticsGroupBy;
  findingCriteria?: FindingCriteria;
  /** By totalFindings (DATE: by day); GuardDuty's default is DESC. */
  orderBy?: 'ASC' | 'DESC';
  /** 1–100; GuardDuty's default is 25. */
  maxResults?: number;
}

/** GetFindingsStatistics' body for one grouping. */
export const groupedStatisticsBody = (input: GroupedStatisticsInput) => ({
  groupBy: input.groupBy,
  ...(input.findingCriteria ? { findingCriteria: input.findingCriteria } : {}),
  ...(input.orderBy ? { orderBy: input.orderBy } : {}),
  ...(input.maxResults !== undefined ? { maxResults: input.maxResults } : {}),
});

export const getGroupedFindingsStatistics = (detectorId: DetectorRef | string, input: GroupedStatisticsInput, signal?: AbortSignal) =>
  request<GetFindingsStatisticsResponse>(`${detectorPath(detectorId)}/findings/statistics`, { method: 'POST', body: groupedStatisticsBody(input), signal });

// ---- Regions (the server's extension of GuardDuty's API) ----

/** A region's state: `ok` answers; the others say why it does not (each shown to the analyst as it is). */
export type RegionStatus = 'ok' | 'throttled' | 'error' | 'not-enabled' | 'no-detector';

export interface RegionInfo {
  region: string;
  detectorId?: string;
  status: RegionStatus;
  message?: string;
}

/** GET /api/regions: every region the server covers, the default region first, then alphabetical. */
export interface RegionsResponse {
  defaultRegion: string;
  regions: RegionInfo[];
}

export const listRegions = (signal?: AbortSignal) => request<RegionsResponse>('/api/regions', { signal });

/** How one region answered one all-regions request. */
export interface RegionResult extends RegionInfo {
  latencyMs?: number;
}

/** POST /api/all-regions/findings: one merged page of full findings, in the request's sort order. */
export interface AllRegionsFindingsResponse {
  findings: Finding[];
  /** "" at the end. */
  nextToken: string;
  regions: RegionResult[];
}

export interface AllRegionsStatisticsResponse extends GetFindingsStatisticsResponse {
  /** Each region's own statistics beside its status (the top-level ones are their sum). */
  regions: (RegionResult & { findingStatistics?: FindingStatistics })[];
}

/** `regions` narrows the fan-out; without it the server asks every region that answers. */
export type AllRegionsInput<T> = T & { regions?: string[] };

export const listAllRegionsFindings = (body: AllRegionsInput<ListFindingsInput>, signal?: AbortSignal) =>
  request<AllRegionsFindingsResponse>('/api/all-regions/findings', { method: 'POST', body, signal });

export const getAllRegionsStatistics = (body: AllRegionsInput<ReturnType<typeof severityStatisticsBody> | ReturnType<typeof groupedStatisticsBody>>, signal?: AbortSignal) =>
  request<AllRegionsStatisticsResponse>('/api/all-regions/findings/statistics', { method: 'POST', body, signal });
