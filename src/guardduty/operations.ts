/**
 * The /api contract: which GuardDuty operations the dashboard offers, at which paths, and how a
 * request to them is validated. The server (both sources) and the MSW handlers route through
 * here, so the SPA, the proxy and the emulator agree on one contract.
 */
import { ApiError, internalError, invalidInput, unsupportedOperation } from './errors';
import type { Finding } from './finding';
import { parseJsonObject } from './json';
import { MODEL } from './model';
import {
  checkDetectorId,
  invalidRequest,
  parseListDetectorsQuery,
  parseRequest,
  type GetFindingsRequest,
  type GetFindingsStatisticsRequest,
  type ListDetectorsRequest,
  type ListFindingsRequest,
} from './requests';

export type OperationName = 'ListDetectors' | 'GetDetector' | 'ListFindings' | 'GetFindings' | 'GetFindingsStatistics';

export interface ListDetectorsResponse { detectorIds: string[]; nextToken?: string }
export interface GetDetectorResponse { [field: string]: unknown }
export interface ListFindingsResponse { findingIds: string[]; nextToken: string }
export interface GetFindingsResponse { findings: Finding[] }
/** GetFindingsStatistics' grouped members (model: AccountStatistics, DateStatistics, …). Timestamps are epoch seconds. */
export interface GroupStatistics { totalFindings?: number; lastGeneratedAt?: number }
export interface AccountStatistics extends GroupStatistics { accountId?: string }
export interface DateStatistics extends GroupStatistics { date?: number; severity?: number }
export interface FindingTypeStatistics extends GroupStatistics { findingType?: string }
export interface ResourceStatistics extends GroupStatistics { accountId?: string; resourceId?: string; resourceType?: string }
export interface SeverityStatistics extends GroupStatistics { severity?: number }
export interface FindingStatistics {
  /** Deprecated in the model (findingStatisticTypes: COUNT_BY_SEVERITY), still answered. */
  countBySeverity?: Record<string, number>;
  groupedByAccount?: AccountStatistics[];
  groupedByDate?: DateStatistics[];
  groupedByFindingType?: FindingTypeStatistics[];
  groupedByResource?: ResourceStatistics[];
  groupedBySeverity?: SeverityStatistics[];
}
export interface GetFindingsStatisticsResponse { findingStatistics: FindingStatistics; nextToken?: string }

/** What answers the contract in demo mode (the emulator). Throws ApiError for documented errors. */
export interface GuardDutyBackend {
  listDetectors(request: ListDetectorsRequest): ListDetectorsResponse;
  getDetector(detectorId: string): GetDetectorResponse;
  listFindings(detectorId: string, request: ListFindingsRequest): ListFindingsResponse;
  getFindings(detectorId: string, request: GetFindingsRequest): GetFindingsResponse;
  getFindingsStatistics(detectorId: string, request: GetFindingsStatisticsRequest): GetFindingsStatisticsResponse;
  /**
   * Optional: GetFindings' response already serialised, byte for byte `JSON.stringify(getFindings(…))`.
   * answer() prefers it: findings are the largest bodies, and serialising a copy of them was most
   * of the emulator's time under load (bench/load.ts).
   */
  getFindingsJson?(detectorId: string, request: GetFindingsRequest): string;
}

interface Route {
  operation: OperationName;
  method: string;
  pattern: RegExp;
}

const OPERATION_NAMES: readonly OperationName[] = ['ListDetectors', 'GetDetector', 'ListFindings', 'GetFindings', 'GetFindingsStatistics'];

/** Paths and methods from the model: `/detector/{DetectorId}/findings` → one segment per label. */
const ROUTES: readonly Route[] = OPERATION_NAMES.map((operation) => {
  const { http } = MODEL.operations[operation];
  const pattern = new RegExp(`^${http.requestUri.replace(/\{[^}]+\}/g, '([^/]+)')}/?$`);
  return { operation, method: http.method, pattern };
});

/** GuardDuty operations that change an account, named so the refusal can say what was refused. */
const WRITE_OPERATIONS: readonly [RegExp, string][] = [
  [/^\/detector\/[^/]+\/findings\/archive\/?$/, 'ArchiveFindings'],
  [/^\/detector\/[^/]+\/findings\/unarchive\/?$/, 'UnarchiveFindings'],
  [/^\/detector\/[^/]+\/findings\/feedback\/?$/, 'UpdateFindingsFeedback'],
  [/^\/detector\/[^/]+\/findings\/create\/?$/, 'CreateSampleFindings'],
];

export interface MatchedRoute {
  operation: OperationName;
  /** Present for every operation but ListDetectors; validated. */
  detectorId?: string;
}

/**
 * Resolves a path under /api (without the /api prefix) and method to an offered operation, or
 * throws UnsupportedOperationException: 405 when the path exists with another method, 404 otherwise.
 */
export function matchRoute(method: string, path: string): MatchedRoute {
  const atPath = ROUTES.filter((r) => r.pattern.test(path));
  const route = atPath.find((r) => r.method === method);
  if (!route) {
    const write = WRITE_OPERATIONS.find(([re]) => re.test(path));
    if (write) throw unsupportedOperation(`${write[1]} is not offered: Findings Atlas is read-only. Use the GuardDuty console to change findings.`, 405);
    if (atPath.length > 0) {
      throw unsupportedOperation(`${method} ${path} is not offered: Findings Atlas is read-only (allowed: ${atPath.map((r) => r.method).join(', ')}).`, 405);
    }
    throw unsupportedOperation(`No operation at ${path}: the dashboard offers ListDetectors, GetDetector, ListFindings, GetFindings and GetFindingsStatistics.`, 404);
  }
  const id = route.pattern.exec(path)?.[1];
  if (id === undefined) return { operation: route.operation };
  let detectorId: string;
  try {
    detectorId = decodeURIComponent(id);
  } catch {
    throw invalidRequest([{ path: 'detectorId', message: 'is not valid percent-encoding' }]);
  }
  return { operation: route.operation, detectorId: checkDetectorId(detectorId) };
}

export type ValidatedRequest =
  | { operation: 'ListDetectors'; request: ListDetectorsRequest }
  | { operation: 'GetDetector'; detectorId: string }
  | { operation: 'ListFindings'; detectorId: string; request: ListFindingsRequest }
  | { operation: 'GetFindings'; detectorId: string; request: GetFindingsRequest }
  | { operation: 'GetFindingsStatistics'; detectorId: string; request: GetFindingsStatisticsRequest };

export interface IncomingRequest {
  method: string;
  /** Path under /api, e.g. `/detector/abc/findings`. */
  path: string;
  query: URLSearchParams;
  contentType?: string | null;
  /** The raw body text (POST only). */
  body?: string;
}

const isJsonContentType = (ct: string | null | undefined) => !!ct && /^application\/(.+\+)?json\s*(;|$)/i.test(ct.trim());

/** Routes and validates a request exactly as the server does before anything reaches a source. */
export function validateRequest(req: IncomingRequest): ValidatedRequest {
  const { operation, detectorId } = matchRoute(req.method, req.path);
  if (operation === 'ListDetectors') return { operation, request: parseListDetectorsQuery(req.query) };
  if (operation === 'GetDetector') return { operation, detectorId: detectorId! };
  if (!isJsonContentType(req.contentType)) {
    throw invalidInput(`The request is rejected: ${operation} takes a JSON body (Content-Type: application/json).`, 415);
  }
  const body = parseJsonObject(req.body);
  const input = MODEL.operations[operation].input;
  switch (operation) {
    case 'ListFindings':
      return { operation, detectorId: detectorId!, request: parseRequest<ListFindingsRequest>(input, body) };
    case 'GetFindings':
      return { operation, detectorId: detectorId!, request: parseRequest<GetFindingsRequest>(input, body) };
    case 'GetFindingsStatistics':
      return { operation, detectorId: detectorId!, request: parseRequest<GetFindingsStatisticsRequest>(input, body) };
  }
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function errorResponse(error: ApiError): WireResponse {
  return { status: error.status, headers: error.headers(), body: JSON.stringify(error.toBody()) };
}

/** Validates, then answers from a backend (the emulator), in GuardDuty's wire format. */
export function answer(backend: GuardDutyBackend, req: IncomingRequest): WireResponse {
  try {
    const v = validateRequest(req);
    if (v.operation === 'GetFindings' && backend.getFindingsJson) {
      return { status: 200, headers: { 'content-type': 'application/json' }, body: backend.getFindingsJson(v.detectorId, v.request) };
    }
    let result: unknown;
    switch (v.operation) {
      case 'ListDetectors': result = backend.listDetectors(v.request); break;
      case 'GetDetector': result = backend.getDetector(v.detectorId); break;
      case 'ListFindings': result = backend.listFindings(v.detectorId, v.request); break;
      case 'GetFindings': result = backend.getFindings(v.detectorId, v.request); break;
      case 'GetFindingsStatistics': result = backend.getFindingsStatistics(v.detectorId, v.request); break;
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
  } catch (error) {
    return errorResponse(error instanceof ApiError ? error : internalError());
  }
}
