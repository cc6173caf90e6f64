/**
 * findingCriteria with GuardDuty's semantics: conditions are AND-ed; each looks at every value
 * the attribute has in a finding (arrays descend, so `tags.key` is any tag's key).
 */
import { invalidInput, parseTimestamp, valuesAtPath, type Condition, type Finding, type FindingCriteria } from '../../src/guardduty';
import { TIMESTAMP_FILTERS } from '../../src/guardduty/requests';
import { compileGlob, globCost, globMatches, type Glob } from './glob';

export type FindingPredicate = (finding: Finding) => boolean;

/**
 * Work one query may do, in units: one per attribute looked at and per value found there, plus
 * what each glob check may cost in characters (globCost: at most the value plus the pattern).
 * The heaviest request the contract allows, 50 criteria × 50 values and `matches` with 5 long
 * patterns on the 10,000-finding detector, is bounded by about 25 million: 5 patterns cost at
 * most 3 units per character of the attribute's values (a pattern longer than twice the value
 * is refused by length), `description` has the most text (1.6 million characters), and the 50
 * lookups add about 1 million. Beyond this a query is refused, after at most this much work
 * (tens of milliseconds), so the synchronous emulator never holds its thread up for long: a worker
 * of the server's pool (server/sources/emulator-pool.ts), or the page's main thread under MSW.
 */
export const WORK_BUDGET = 32_000_000;

/** Counts a query's work and refuses the query the moment it goes over budget. */
export class WorkMeter {
  spent = 0;

  constructor(
    readonly budget = WORK_BUDGET,
    private readonly findingCount = 0,
  ) {}

  charge(units: number): void {
    this.spent += units;
    if (this.spent > this.budget) {
      throw invalidInput(
        `The request is rejected: findingCriteria is too expensive to evaluate over this detector's ${this.findingCount} findings ` +
          `(more than ${this.budget} units of work). Narrow it: fewer or shorter matches/notMatches patterns, matches on shorter ` +
          'attributes, or an eq/range criterion (type, severity, updatedAt, …) that excludes most findings before the patterns run.',
      );
    }
  }
}

/**
 * `service.additionalInfo.threatListName` as GuardDuty filters it: real findings carry
 * additionalInfo as `{value: "<JSON>", type}` (the API's rendering of a free-form map), and the
 * threat list's name is a key inside that JSON. The evidence's copy has its own attribute,
 * `service.evidence.threatIntelligenceDetails.threatListName`, so it is not merged in here.
 */
const THREAT_LIST_NAME = 'service.additionalInfo.threatListName';
const additionalInfoNames = new WeakMap<Finding, unknown[]>();

function threatListNames(finding: Finding): unknown[] {
  let names = additionalInfoNames.get(finding);
  if (!names) {
    names = valuesAtPath(finding, THREAT_LIST_NAME); // additionalInfo given as a plain map
    const json = valuesAtPath(finding, 'service.additionalInfo.value').find((v) => typeof v === 'string');
    if (json !== undefined) {
      try {
        names.push(...valuesAtPath(JSON.parse(json as string), 'threatListName'));
      } catch {
        // not JSON: no name inside
      }
    }
    additionalInfoNames.set(finding, names);
  }
  return names;
}

/**
 * valuesAtPath (src/guardduty/values.ts) compiled for one path: the same values in the same
 * order, without re-splitting the path and copying arrays at every step, which made a criterion
 * cost microseconds per finding (the query test checks both agree on every attribute).
 */
export function compilePath(path: string): (root: unknown) => unknown[] {
  const keys = path.split('.');
  return (root) => {
    const out: unknown[] = [];
    collect(root, keys, 0, out);
    return out;
  };
}

// Plain functions, not closures made per call: tsx's keepNames wraps every named closure it creates.
function collect(node: unknown, keys: readonly string[], depth: number, out: unknown[]): void {
  if (depth === keys.length) {
    out.push(node);
  } else if (Array.isArray(node)) {
    for (const item of node) collectMember(item, keys, depth, out);
  } else {
    collectMember(node, keys, depth, out);
  }
}

function collectMember(item: unknown, keys: readonly string[], depth: number, out: unknown[]): void {
  if (item === null || typeof item !== 'object') return;
  const v = (item as Record<string, unknown>)[keys[depth]]; // one lookup: `in` then a read was two
  if (Array.isArray(v)) for (const x of v) collect(x, keys, depth + 1, out);
  else if (v !== undefined && v !== null) collect(v, keys, depth + 1, out);
}

/**
 * Documented filter attributes whose path differs from the finding's wire names: the filter docs
 * write `rdsLoginAttemptAction.loginAttributes.*`, the model's wire member is `LoginAttributes`.
 */
const WIRE_PREFIXES: readonly (readonly [string, string])[] = [
  ['service.action.rdsLoginAttemptAction.loginAttributes.', 'service.action.rdsLoginAttemptAction.LoginAttributes.'],
];

function wirePath(attribute: string): string {
  const alias = WIRE_PREFIXES.find(([documented]) => attribute.startsWith(documented));
  return alias ? alias[1] + attribute.slice(alias[0].length) : attribute;
}

const valuesOf = (attribute: string): ((finding: Finding) => unknown[]) =>
  attribute === THREAT_LIST_NAME ? threatListNames : compilePath(wirePath(attribute));

const isNumericString = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

type Comparison = (value: number, limit: number) => boolean;

const RANGE_OPERATORS: readonly (readonly [keyof Condition, Comparison])[] = [
  ['gt', (v, l) => v > l], ['greaterThan', (v, l) => v > l],
  ['gte', (v, l) => v >= l], ['greaterThanOrEqual', (v, l) => v >= l],
  ['lt', (v, l) => v < l], ['lessThan', (v, l) => v < l],
  ['lte', (v, l) => v <= l], ['lessThanOrEqual', (v, l) => v <= l],
];

const listOf = (...lists: (string[] | undefined)[]) =>
  lists.every((l) => l === undefined) ? undefined : lists.flatMap((l) => l ?? []);

/**
 * eq compares as the value's kind: `"8"` equals severity 8.0, `"true"` equals true, and a
 * timestamp equals the same instant in any form. The listed values go into sets once, so a
 * check costs one lookup per value, not one comparison per listed value.
 */
function equalsAny(listed: string[], timestamp: boolean): (value: unknown) => boolean {
  const strings = new Set(listed);
  const numbers = new Set(listed.filter(isNumericString).map(Number));
  const instants = timestamp ? new Set(listed.map((l) => (isNumericString(l) ? Number(l) : parseTimestamp(l))).filter((t) => t !== undefined)) : undefined;
  // No instant listed: an instant equals nothing, and text equal to a listed value is no instant
  // (that value would parse too), so the answer needs no parsing.
  if (instants?.size === 0) return (value) => typeof value !== 'number' && strings.has(String(value));
  return (value) => {
    if (instants) {
      const t = parseTimestamp(value);
      if (t !== undefined) return instants.has(t);
    }
    if (typeof value === 'number') return numbers.has(value);
    return strings.has(String(value));
  };
}

interface CompiledCondition {
  attribute: string;
  hasGlobs: boolean;
  test: (finding: Finding, meter: WorkMeter) => boolean;
}

function compileCondition(attribute: string, condition: Condition): CompiledCondition {
  const timestamp = TIMESTAMP_FILTERS.has(attribute);
  const values = valuesOf(attribute);

  /** A finding's value as a number: epoch ms for timestamps, else numbers and numeric strings. */
  const numeric = (value: unknown): number | undefined => {
    if (timestamp) return parseTimestamp(value);
    if (typeof value === 'number') return value;
    return typeof value === 'string' && isNumericString(value) ? Number(value) : undefined;
  };

  const eqList = listOf(condition.eq, condition.equals);
  const neqList = listOf(condition.neq, condition.notEquals);
  const eq = eqList && equalsAny(eqList, timestamp);
  const neq = neqList && equalsAny(neqList, timestamp);
  const matches = listOf(condition.matches)?.map(compileGlob);
  const notMatches = listOf(condition.notMatches)?.map(compileGlob);
  const bounds = RANGE_OPERATORS.flatMap(([op, compare]) => {
    const limit = condition[op];
    return typeof limit === 'number' ? [(v: number) => compare(v, limit)] : [];
  });

  /** Whether any value matches any glob, each check paid for before it runs. */
  const anyGlob = (found: unknown[], globs: Glob[], meter: WorkMeter) =>
    found.some((v) => {
      const text = String(v);
      return globs.some((glob) => {
        meter.charge(globCost(glob, text));
        return globMatches(glob, text);
      });
    });

  const test = (finding: Finding, meter: WorkMeter) => {
    const found = values(finding);
    meter.charge(1 + found.length);
    if (eq && !found.some(eq)) return false;
    // Findings without the attribute have no value equal to any listed: they match neq.
    if (neq && found.some(neq)) return false;
    if (bounds.length > 0) {
      // One value must satisfy the whole range (a port probe's port between 20 and 25, not one above 20 and another below 25).
      const inRange = found.some((v) => {
        const n = numeric(v);
        return n !== undefined && bounds.every((within) => within(n));
      });
      if (!inRange) return false;
    }
    if (matches && !anyGlob(found, matches, meter)) return false;
    if (notMatches && anyGlob(found, notMatches, meter)) return false;
    return true;
  };
  return { attribute, hasGlobs: !!(matches || notMatches), test };
}

/**
 * A predicate for findingCriteria (all findings, archived ones too, when there is no criterion),
 * charging its work to `meter`. Conditions run in a fixed order, whatever the order of the
 * request's keys (equal queries cost the same): those without patterns first, since they are
 * cheap and usually exclude a finding before a pattern has to run.
 */
export function compileCriteria(criteria: FindingCriteria | undefined, meter = new WorkMeter(Infinity)): FindingPredicate {
  const conditions = Object.entries(criteria?.criterion ?? {})
    .map(([attribute, condition]) => compileCondition(attribute, condition))
    .sort((a, b) => Number(a.hasGlobs) - Number(b.hasGlobs) || (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0));
  return (finding) => conditions.every(({ test }) => test(finding, meter));
}
