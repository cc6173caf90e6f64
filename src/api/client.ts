/**
 * The /api client: one fetcher per GuardDuty operation, speaking GuardDuty's wire format.
 * Errors surface as ApiRequestError carrying GuardDuty's `__type` and `message` for the UI.
 */
import {
  parseWireError,
  type Finding,
  type FindingCriteria,
  type GetDetectorResponse,
  type GetFindingsStatisticsRequest,
  type GetFindingsStatisticsResponse,
  type ListDetectorsResponse,
  type ListFindingsResponse,
  type SortCriteria,
} from '../guardduty';

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

const detectorPath = (detectorId: string) => `/api/detector/${encodeURIComponent(detectorId)}`;

export interface Health {
  status: string;
  source: 'demo' | 'aws';
  region?: string | null;
  mode?: string;
  readOnly?: boolean;
  tiles?: { url: string; attribution?: string } | null;
}

export const fetchHealth = (signal?: AbortSignal) => request<Health>('/healthz', { signal });

export const listDetectors = (signal?: AbortSignal) => request<ListDetectorsResponse>('/api/detector?maxResults=50', { signal });

export const getDetector = (detectorId: string, signal?: AbortSignal) => request<GetDetectorResponse>(detectorPath(detectorId), { signal });

export interface ListFindingsInput {
  findingCriteria?: FindingCriteria;
  sortCriteria?: SortCriteria;
  maxResults?: number;
  nextToken?: string;
}

export const listFindings = (detectorId: string, body: ListFindingsInput, signal?: AbortSignal) =>
  request<ListFindingsResponse>(`${detectorPath(detectorId)}/findings`, { method: 'POST', body, signal });

export const getFindings = (detectorId: string, findingIds: string[], signal?: AbortSignal) =>
  request<{ findings: Finding[] }>(`${detectorPath(detectorId)}/findings/get`, { method: 'POST', body: { findingIds }, signal });

export const getFindingsStatistics = (detectorId: string, findingCriteria: FindingCriteria | undefined, signal?: AbortSignal) =>
  request<GetFindingsStatisticsResponse>(`${detectorPath(detectorId)}/findings/statistics`, {
    method: 'POST',
    body: { findingStatisticTypes: ['COUNT_BY_SEVERITY'], ...(findingCriteria ? { findingCriteria } : {}) },
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

export const getGroupedFindingsStatistics = (detectorId: string, input: GroupedStatisticsInput, signal?: AbortSignal) =>
  request<GetFindingsStatisticsResponse>(`${detectorPath(detectorId)}/findings/statistics`, {
    method: 'POST',
    body: {
      groupBy: input.groupBy,
      ...(input.findingCriteria ? { findingCriteria: input.findingCriteria } : {}),
      ...(input.orderBy ? { orderBy: input.orderBy } : {}),
      ...(input.maxResults !== undefined ? { maxResults: input.maxResults } : {}),
    },
    signal,
  });
