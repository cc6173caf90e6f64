/**
 * The five operations' requests: their TypeScript types, and validation against GuardDuty's service
 * model (./model) plus the few rules where Findings Atlas is deliberately stricter (README, "Where
 * we are stricter than AWS"). The server validates with these before anything reaches AWS, and the
 * emulator answers only what passed them, so the proxy and the emulator cannot drift apart.
 */
import { invalidInput, type ApiError } from './errors';
import { FILTER_ATTRIBUTES, TIMESTAMP_FILTER_ATTRIBUTES } from './filter-attributes';
import { checkShape, shapeOf, type ModelIssue } from './model';
import type { SortOrder } from './sort';

const FILTER_SET = new Set<string>(FILTER_ATTRIBUTES);
export const TIMESTAMP_FILTERS = new Set<string>(TIMESTAMP_FILTER_ATTRIBUTES);

/** One condition per attribute; the short operators are deprecated in the model but still accepted. */
export interface Condition {
  eq?: string[];
  neq?: string[];
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  equals?: string[];
  notEquals?: string[];
  greaterThan?: number;
  greaterThanOrEqual?: number;
  lessThan?: number;
  lessThanOrEqual?: number;
  matches?: string[];
  notMatches?: string[];
}

export interface FindingCriteria { criterion?: Record<string, Condition> }
/** The model leaves attributeName optional and free; the emulator sorts on the documented 18. */
export interface SortCriteria { attributeName?: string; orderBy?: SortOrder }

export interface ListFindingsRequest {
  findingCriteria?: FindingCriteria;
  sortCriteria?: SortCriteria;
  maxResults?: number;
  nextToken?: string;
}
export interface GetFindingsRequest { findingIds: string[]; sortCriteria?: SortCriteria }
export type GroupBy = 'ACCOUNT' | 'DATE' | 'FINDING_TYPE' | 'RESOURCE' | 'SEVERITY';
export interface GetFindingsStatisticsRequest {
  /** Deprecated in the model in favour of groupBy; COUNT_BY_SEVERITY is its only value. */
  findingStatisticTypes?: 'COUNT_BY_SEVERITY'[];
  findingCriteria?: FindingCriteria;
  groupBy?: GroupBy;
  /** Only with groupBy; default DESC. */
  orderBy?: SortOrder;
  /** Only with groupBy; 1–100, default 25. */
  maxResults?: number;
}
export interface ListDetectorsRequest { maxResults?: number; nextToken?: string }

/** Stricter than the model, to bound the work one request can cause. */
export const LIMITS = { criteria: 50, values: 50, valueLength: 512 } as const;
const LIST_OPERATORS = ['eq', 'neq', 'equals', 'notEquals'] as const;

/** The documented InvalidInputException, naming each offending field (at most five). */
export function invalidRequest(issues: readonly ModelIssue[]): ApiError {
  const parts = issues.slice(0, 5).map(({ path, message }) => (message.startsWith('unknown field') ? message : `${path || 'body'}: ${message}`));
  return invalidInput(`The request is rejected: ${parts.join('; ')}.`);
}

/** The project's own rules on findingCriteria, after the model's. */
function checkCriteria(criteria: FindingCriteria | undefined, at: string): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const criterion = criteria?.criterion;
  if (!criterion) return issues;
  const path = `${at}.criterion`;
  const keys = Object.keys(criterion);
  if (keys.length > LIMITS.criteria) issues.push({ path, message: `at most ${LIMITS.criteria} criteria` });
  for (const key of keys) {
    if (!FILTER_SET.has(key)) {
      issues.push({ path: `${path}.${key}`, message: `'${key}' is not an attribute GuardDuty accepts in findingCriteria` });
      continue;
    }
    // A null condition filters nothing, like {}: refused rather than silently dropped.
    const condition = (criterion[key] ?? {}) as Record<string, unknown>;
    if (!Object.values(condition).some((v) => v !== undefined && v !== null)) {
      issues.push({ path: `${path}.${key}`, message: 'a condition needs at least one operator' });
    }
    for (const op of LIST_OPERATORS) {
      const values = condition[op];
      if (!Array.isArray(values)) continue;
      if (values.length > LIMITS.values) issues.push({ path: `${path}.${key}.${op}`, message: `at most ${LIMITS.values} values` });
      if (values.some((v) => typeof v === 'string' && v.length > LIMITS.valueLength)) {
        issues.push({ path: `${path}.${key}.${op}`, message: `values are at most ${LIMITS.valueLength} characters` });
      }
    }
  }
  return issues;
}

/** Drops null members (absent, as AWS reads them) so that sources see only values. */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)])) as T;
}

/** Validates a JSON body against an operation's input shape and the project's rules, or throws. */
export function parseRequest<T>(inputShape: string, body: Record<string, unknown>): T {
  const issues = checkShape(inputShape, body);
  if (issues.length === 0) {
    issues.push(...checkCriteria(body.findingCriteria as FindingCriteria | undefined, 'findingCriteria'));
    if (inputShape === 'GetFindingsStatisticsRequest' && body.groupBy == null && body.findingStatisticTypes == null) {
      issues.push({ path: 'groupBy', message: "is required: give groupBy (or the deprecated findingStatisticTypes: ['COUNT_BY_SEVERITY'])" });
    }
  }
  if (issues.length > 0) throw invalidRequest(issues);
  return withoutNulls(body) as T;
}

/** Real detector ids are 32 hex characters; the model allows 1–300, and the path must stay one segment. */
export function checkDetectorId(detectorId: string): string {
  if (!/^[A-Za-z0-9]{1,300}$/.test(detectorId)) {
    throw invalidRequest([{ path: 'detectorId', message: 'must be 1 to 300 letters and digits' }]);
  }
  return detectorId;
}

/** ListDetectors' query string: maxResults as a plain decimal integer (no `0x10`, `1e1`, `5.0`), nextToken. */
export function parseListDetectorsQuery(query: URLSearchParams): ListDetectorsRequest {
  const issues: ModelIssue[] = [];
  const unknown = [...new Set(query.keys())].filter((k) => k !== 'maxResults' && k !== 'nextToken');
  if (unknown.length > 0) issues.push({ path: '', message: `unknown field ${unknown.slice(0, 5).map((k) => `'${k}'`).join(', ')}` });
  for (const name of ['maxResults', 'nextToken']) if (query.getAll(name).length > 1) issues.push({ path: name, message: 'must be given once' });
  const request: ListDetectorsRequest = {};
  const max = query.get('maxResults');
  if (max !== null) {
    if (/^[0-9]{1,4}$/.test(max)) request.maxResults = Number(max);
    else issues.push({ path: 'maxResults', message: 'must be a whole number written in decimal digits' });
  }
  const token = query.get('nextToken');
  if (token !== null) request.nextToken = token;
  // Query members are not body members: check each against its own shape.
  const members = shapeOf('ListDetectorsRequest').members ?? {};
  for (const ref of Object.values(members)) {
    const value = request[ref.locationName as keyof ListDetectorsRequest];
    if (issues.length === 0 && value !== undefined) issues.push(...checkShape(ref.shape, value, ref.locationName));
  }
  if (issues.length > 0) throw invalidRequest(issues);
  return request;
}
