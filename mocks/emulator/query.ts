/**
 * findingCriteria with GuardDuty's semantics: conditions are AND-ed; each looks at every value
 * the attribute has in a finding (arrays descend, so `tags.key` is any tag's key).
 */
import { parseTimestamp, valuesAtPath, type Condition, type Finding, type FindingCriteria } from '../../src/guardduty';
import { TIMESTAMP_FILTERS } from '../../src/guardduty/requests';

export type FindingPredicate = (finding: Finding) => boolean;

/** `*` matches any run of characters; everything else literally, case-sensitive. */
function wildcard(pattern: string): RegExp {
  const literal = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`, 's');
}

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

function compileCondition(attribute: string, condition: Condition): FindingPredicate {
  const timestamp = TIMESTAMP_FILTERS.has(attribute);

  /** A finding's value as a number: epoch ms for timestamps, else numbers and numeric strings. */
  const numeric = (value: unknown): number | undefined => {
    if (timestamp) return parseTimestamp(value);
    if (typeof value === 'number') return value;
    return typeof value === 'string' && isNumericString(value) ? Number(value) : undefined;
  };

  /** eq compares as the value's kind: `"8"` equals severity 8.0, `"true"` equals true. */
  const equals = (value: unknown, listed: string): boolean => {
    if (timestamp) {
      const t = parseTimestamp(value);
      if (t !== undefined) return t === (isNumericString(listed) ? Number(listed) : parseTimestamp(listed));
    }
    if (typeof value === 'number') return isNumericString(listed) && Number(listed) === value;
    return String(value) === listed;
  };

  const eq = listOf(condition.eq, condition.equals);
  const neq = listOf(condition.neq, condition.notEquals);
  const matches = listOf(condition.matches)?.map(wildcard);
  const notMatches = listOf(condition.notMatches)?.map(wildcard);
  const bounds = RANGE_OPERATORS.flatMap(([op, compare]) => {
    const limit = condition[op];
    return typeof limit === 'number' ? [(v: number) => compare(v, limit)] : [];
  });

  return (finding) => {
    const values = valuesAtPath(finding, attribute);
    if (eq && !values.some((v) => eq.some((l) => equals(v, l)))) return false;
    // Findings without the attribute have no value equal to any listed: they match neq.
    if (neq && values.some((v) => neq.some((l) => equals(v, l)))) return false;
    if (matches && !values.some((v) => matches.some((re) => re.test(String(v))))) return false;
    if (notMatches && values.some((v) => notMatches.some((re) => re.test(String(v))))) return false;
    if (bounds.length > 0) {
      // One value must satisfy the whole range (a port probe's port between 20 and 25, not one above 20 and another below 25).
      const inRange = values.some((v) => {
        const n = numeric(v);
        return n !== undefined && bounds.every((within) => within(n));
      });
      if (!inRange) return false;
    }
    return true;
  };
}

/** A predicate for findingCriteria (all findings, archived ones too, when there is no criterion). */
export function compileCriteria(criteria: FindingCriteria | undefined): FindingPredicate {
  const tests = Object.entries(criteria?.criterion ?? {}).map(([attribute, condition]) => compileCondition(attribute, condition));
  return (finding) => tests.every((test) => test(finding));
}
