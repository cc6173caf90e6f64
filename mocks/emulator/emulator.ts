/**
 * The GuardDuty emulator: the five read operations the dashboard uses, answered from the
 * deterministic datasets, with GuardDuty's documented errors. Requests arrive validated by the
 * shared schemas (answer() in src/guardduty/operations.ts); what only the emulator can know, an
 * unknown detector or a bad nextToken, it checks itself, and so the sort attribute (the model
 * leaves it a free string) and the cost of a filter (WORK_BUDGET in ./query).
 */
import { SORT_ATTRIBUTE_NAMES, isSortAttributeName, invalidInput, sortFindings, type Finding, type FindingCriteria, type SortCriteria, type SortOrder } from '../../src/guardduty';
import type { GuardDutyBackend } from '../../src/guardduty/operations';
import { findingsOf } from './dataset';
import { REFERENCE_NOW } from './dataset/time';
import { DEMO_DEFAULT_REGION, describeDetector, detectorIdsIn, requireDetector } from './detectors';
import { jsonCopy } from './json';
import { paginate } from './paging';
import { WORK_BUDGET, WorkMeter, compileCriteria } from './query';
import { stableStringify } from '../../src/guardduty/query-key';
import { findingStatistics } from './statistics';

export interface EmulatorOptions {
  /**
   * The time the data is generated relative to, in epoch ms. Default: a fixed reference time
   * (2026-11-25T12:00Z), for tests. The browser demo and the server pass Date.now() so that the
   * newest findings are minutes old. The spec's sample finding keeps its 2018 timestamps.
   */
  now?: number;
  /**
   * The region this emulator answers for (default us-east-1, which holds DEMO and SCALE): its
   * ListDetectors lists that region's detectors, and a detector of another region is unknown here.
   */
  region?: string;
}

const DEFAULT_PAGE_SIZE = 50;
/** Result lists kept per emulator; a dashboard session uses a handful of queries at a time. */
const QUERY_CACHE_SIZE = 64;

const byId = (a: Finding, b: Finding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Sort {
  attributeName: string;
  orderBy: SortOrder;
}

/**
 * The sort a request asks for. The model makes `sortCriteria.attributeName` optional and free, and
 * so does the contract: without one there is no sort (the default order, by id), and one that is
 * not a documented sort attribute is refused here.
 */
function sortOf(criteria: SortCriteria | undefined): Sort | undefined {
  const attributeName = criteria?.attributeName;
  if (attributeName === undefined) return undefined;
  if (!isSortAttributeName(attributeName)) {
    throw invalidInput(`The request is rejected: sortCriteria.attributeName: must be one of the documented sort attributes: ${SORT_ATTRIBUTE_NAMES.join(', ')}.`);
  }
  return { attributeName, orderBy: criteria?.orderBy ?? 'ASC' };
}

export function createEmulator(options: EmulatorOptions = {}): GuardDutyBackend {
  const now = options.now ?? REFERENCE_NOW;
  const region = options.region ?? DEMO_DEFAULT_REGION;
  const detectorIds = detectorIdsIn(region);
  const results = new Map<string, readonly Finding[]>();
  const indexes = new Map<string, { sorted: readonly Finding[]; byId: ReadonlyMap<string, Finding> }>();

  /** The detector's findings in the default order (by id) and by id; throws for unknown detectors. */
  function detector(detectorId: string) {
    let index = indexes.get(detectorId);
    if (!index) {
      requireDetector(detectorId, region);
      const findings = findingsOf(detectorId, now);
      index = { sorted: [...findings].sort(byId), byId: new Map(findings.map((f) => [f.id, f])) };
      indexes.set(detectorId, index);
    }
    return index;
  }

  /**
   * The detector's findings in one sort order, kept per attribute and direction (at most 36 per
   * detector): a query then only filters an ordered list (filtering keeps the order), so a new
   * filter on 10,000 findings costs a pass, not a sort.
   */
  const orders = new Map<string, readonly Finding[]>();
  function ordered(detectorId: string, sort: Sort | undefined): readonly Finding[] {
    const { sorted } = detector(detectorId);
    if (!sort) return sorted;
    const key = `${detectorId} ${sort.attributeName} ${sort.orderBy}`;
    let list = orders.get(key);
    if (!list) {
      list = sortFindings(sorted, sort.attributeName, sort.orderBy);
      orders.set(key, list);
    }
    return list;
  }

  /**
   * The full, ordered result of a query, cached by its canonical key so that every page of one
   * query comes from the same list (no skips, no repeats) and later pages cost only a slice.
   * Filtering is metered (WORK_BUDGET): a query too expensive to answer in milliseconds is refused.
   */
  function query(detectorId: string, criteria: FindingCriteria | undefined, sort: Sort | undefined) {
    const key = stableStringify({
      detectorId,
      criterion: criteria?.criterion ?? {},
      sort: sort ? [sort.attributeName, sort.orderBy] : null,
    });
    let findings = results.get(key);
    if (findings) {
      results.delete(key); // re-insert below: least recently used goes first
    } else {
      const all = ordered(detectorId, sort);
      findings = all.filter(compileCriteria(criteria, new WorkMeter(WORK_BUDGET, all.length)));
      if (results.size >= QUERY_CACHE_SIZE) results.delete(results.keys().next().value!);
    }
    results.set(key, findings);
    return { key, findings };
  }

  return {
    listDetectors(request) {
      const page = paginate(detectorIds, request.maxResults ?? DEFAULT_PAGE_SIZE, request.nextToken, 'ListDetectors');
      return { detectorIds: page.items, nextToken: page.nextToken };
    },

    getDetector(detectorId) {
      return describeDetector(detectorId, now, region);
    },

    listFindings(detectorId, request) {
      const { key, findings } = query(detectorId, request.findingCriteria, sortOf(request.sortCriteria));
      const page = paginate(findings, request.maxResults ?? DEFAULT_PAGE_SIZE, request.nextToken, key);
      return { findingIds: page.items.map((f) => f.id), nextToken: page.nextToken };
    },

    getFindings(detectorId, request) {
      const index = detector(detectorId).byId;
      // Unknown ids are left out, as GuardDuty does; a repeated id is answered once.
      const found = [...new Set(request.findingIds)].flatMap((id) => index.get(id) ?? []);
      const sort = sortOf(request.sortCriteria);
      const ordered = sort ? sortFindings(found, sort.attributeName, sort.orderBy) : found;
      return { findings: jsonCopy(ordered) };
    },

    getFindingsStatistics(detectorId, request) {
      return { findingStatistics: findingStatistics(query(detectorId, request.findingCriteria, undefined).findings, request) };
    },
  };
}
