/**
 * The GuardDuty emulator: the five read operations the dashboard uses, answered from the
 * deterministic datasets, with GuardDuty's documented errors. Requests arrive validated by the
 * shared schemas (answer() in src/guardduty/operations.ts); what only the emulator can know, an
 * unknown detector or a bad nextToken, it checks itself, and so the sort attribute (the model
 * leaves it a free string) and the cost of a filter (WORK_BUDGET in ./query).
 */
import {
  SORT_ATTRIBUTE_NAMES, invalidInput, isSortAttributeName, sortFindings,
  type Finding, type FindingCriteria, type FindingStatistics, type GetFindingsRequest, type SortCriteria, type SortOrder,
} from '../../src/guardduty';
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
/**
 * Result lists kept per emulator. A dashboard session uses a handful of queries at a time, but a
 * server answers many sessions: the load bench's mix alone has 74 (6 sorts × 2 directions × 3
 * severity floors × 2 detectors, and statistics), and an LRU smaller than the working set misses
 * every time. An entry is an array of references (at most 80 KB on the 10,000-finding detector).
 */
const QUERY_CACHE_SIZE = 256;
/** Statistics answers kept per emulator (small objects), by query and statistics request. */
const STATISTICS_CACHE_SIZE = 256;
/** Serialised findings kept per emulator (about 3 KB each): a few hundred pages' worth. */
const FINDING_JSON_CACHE_SIZE = 4096;

/** A Map used as a least-recently-used cache of at most `size` entries. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key); // re-inserted: most recently used last
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    if (this.map.size >= this.size) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
  }
}

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
  const results = new Lru<string, readonly Finding[]>(QUERY_CACHE_SIZE);
  const statistics = new Lru<string, FindingStatistics>(STATISTICS_CACHE_SIZE);
  const findingJson = new Lru<Finding, string>(FINDING_JSON_CACHE_SIZE);
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
    if (!findings) {
      const all = ordered(detectorId, sort);
      findings = all.filter(compileCriteria(criteria, new WorkMeter(WORK_BUDGET, all.length)));
      results.set(key, findings);
    }
    return { key, findings };
  }

  /** GetFindings' findings: unknown ids left out, as GuardDuty does; a repeated id answered once. */
  function found(detectorId: string, request: GetFindingsRequest): Finding[] {
    const index = detector(detectorId).byId;
    const findings = [...new Set(request.findingIds)].flatMap((id) => index.get(id) ?? []);
    const sort = sortOf(request.sortCriteria);
    return sort ? sortFindings(findings, sort.attributeName, sort.orderBy) : findings;
  }

  /** A finding's JSON, serialised once while it stays in the cache (the dataset never changes). */
  function jsonOf(finding: Finding): string {
    let json = findingJson.get(finding);
    if (json === undefined) findingJson.set(finding, (json = JSON.stringify(finding)));
    return json;
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
      return { findings: jsonCopy(found(detectorId, request)) };
    },

    getFindingsJson(detectorId, request) {
      return `{"findings":[${found(detectorId, request).map(jsonOf).join(',')}]}`;
    },

    getFindingsStatistics(detectorId, request) {
      const { key, findings } = query(detectorId, request.findingCriteria, undefined);
      // Keyed by the query and every other member that shapes the answer.
      const { findingCriteria: _, ...shape } = request;
      const statisticsKey = `${key} ${stableStringify(shape)}`;
      let answer = statistics.get(statisticsKey);
      if (!answer) statistics.set(statisticsKey, (answer = findingStatistics(findings, request)));
      return { findingStatistics: jsonCopy(answer) };
    },
  };
}
