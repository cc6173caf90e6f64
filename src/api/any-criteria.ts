/**
 * "Any action" filters: one remote IP or country across every action type that keeps one.
 *
 * GuardDuty keeps a remote IP (and its country) in one field per action type, and its
 * `findingCriteria` are AND-only: "network connection IP = X OR API call IP = X" cannot be asked
 * in one request. The filters therefore put a pseudo attribute (`any:remoteIp`, `any:country`) in
 * the view's criteria; this module, used only by queries.ts (the one place that turns a scope into
 * endpoints), expands it before anything reaches the wire:
 *
 * - negative operators (neq, notMatches) need no union: "no action has X" is the AND of the three
 *   fields' conditions (GuardDuty's neq matches findings lacking the field), so they join every
 *   alternative;
 * - positive operators (eq, matches) become one alternative per field, each with the rest of the
 *   view's criteria. Lists are the k-way merge of the alternatives' sorted streams
 *   (src/guardduty/merge.ts, the emulator's comparator, de-duplicated by id) and counts come from
 *   inclusion–exclusion over statistics queries (see unionStatistics).
 *
 * Criteria that still hold a pseudo attribute are refused by the server's validation, so a caller
 * that forgets to expand gets an error, never a silently different answer.
 */
import { REMOTE_IP_ATTRIBUTES, type Condition, type FindingCriteria } from '../guardduty';

const { NETWORK_CONNECTION: NC, AWS_API_CALL: API, PORT_PROBE: PROBE } = REMOTE_IP_ATTRIBUTES;

/** Pseudo attribute → the GuardDuty attributes it stands for (one per action type). */
export const ANY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'any:remoteIp': [`${NC}.ipAddressV4`, `${API}.ipAddressV4`, `${PROBE}.ipAddressV4`],
  'any:country': [`${NC}.country.countryName`, `${API}.country.countryName`, `${PROBE}.country.countryName`],
};

/**
 * The most alternatives (list streams) one view may need. One "any" filter needs 3 streams and
 * 2³−1 = 7 statistics queries; two at once would need 3×3 = 9 streams and (2³−1)² = 49 statistics
 * queries per count (each fanned out to every region in all-regions mode): refused, never approximated.
 */
export const MAX_ALTERNATIVES = 3;

export class UnionTooLargeError extends Error {
  readonly type = 'UnionTooLarge';
  constructor(readonly alternatives: number) {
    super(
      `Only one "any action" filter (Remote IP or Country) can be used at a time: together they would need ${alternatives} ` +
        'separate list queries and a statistics query per combination. Narrow one of them to a single action type ' +
        '(e.g. "Country (network connection)") or remove it.',
    );
    this.name = 'UnionTooLargeError';
  }
}

const listOf = (...lists: (string[] | undefined)[]) => {
  const out = lists.flatMap((l) => l ?? []);
  return out.length > 0 ? out : undefined;
};

/**
 * Two conditions on one attribute as one (both must hold): eq lists intersect, neq / notMatches
 * lists join, ranges take the tighter bound. Two different `matches` lists cannot be AND-ed in
 * one condition (each is OR-ed): that combination is refused.
 */
export function andConditions(a: Condition, b: Condition): Condition {
  const out: Condition = { ...a };
  const eqA = listOf(a.eq, a.equals);
  const eqB = listOf(b.eq, b.equals);
  delete out.equals;
  delete out.notEquals;
  if (eqA && eqB) out.eq = eqA.filter((v) => eqB.includes(v));
  else if (eqA || eqB) out.eq = eqA ?? eqB;
  // An empty eq list would be invalid on the wire; an impossible condition stays impossible.
  if (out.eq && out.eq.length === 0) out.eq = ['\u0000no value matches both filters'];
  const neq = listOf(a.neq, a.notEquals, b.neq, b.notEquals);
  if (neq) out.neq = [...new Set(neq)];
  if (a.matches && b.matches && JSON.stringify(a.matches) !== JSON.stringify(b.matches)) {
    throw new Error('Two "starts with" filters on the same field cannot both apply; remove one.');
  }
  if (b.matches) out.matches = b.matches;
  const notMatches = listOf(a.notMatches, b.notMatches);
  if (notMatches) out.notMatches = [...new Set(notMatches)];
  const lower = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.max(x, y));
  const upper = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.min(x, y));
  for (const k of ['gt', 'gte', 'greaterThan', 'greaterThanOrEqual'] as const) {
    const v = lower(a[k], b[k]);
    if (v !== undefined) out[k] = v;
  }
  for (const k of ['lt', 'lte', 'lessThan', 'lessThanOrEqual'] as const) {
    const v = upper(a[k], b[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The AND of several criteria (each attribute's conditions combined). */
export function andCriteria(...all: FindingCriteria[]): FindingCriteria {
  const criterion: Record<string, Condition> = {};
  for (const c of all) {
    for (const [attr, cond] of Object.entries(c.criterion ?? {})) {
      criterion[attr] = criterion[attr] ? andConditions(criterion[attr], cond) : { ...cond };
    }
  }
  return { criterion };
}

/** Whether criteria hold an "any" pseudo attribute (and so need expanding). */
export const hasAnyAttribute = (criteria: FindingCriteria | undefined) => Object.keys(criteria?.criterion ?? {}).some((k) => k in ANY_ATTRIBUTES);

/**
 * The wire criteria whose union is what `criteria` asks for: one entry when no union is needed.
 * Throws UnionTooLargeError beyond MAX_ALTERNATIVES.
 */
export function expandCriteria(criteria: FindingCriteria | undefined): FindingCriteria[] {
  const source = criteria?.criterion ?? {};
  const base: Record<string, Condition> = {};
  const groups: { fields: readonly string[]; positive: Condition }[] = [];
  const negatives: FindingCriteria[] = [];
  for (const [attr, cond] of Object.entries(source)) {
    const fields = ANY_ATTRIBUTES[attr];
    if (!fields) {
      base[attr] = cond;
      continue;
    }
    const negative: Condition = {};
    const neq = listOf(cond.neq, cond.notEquals);
    if (neq) negative.neq = neq;
    if (cond.notMatches) negative.notMatches = cond.notMatches;
    if (Object.keys(negative).length > 0) negatives.push({ criterion: Object.fromEntries(fields.map((f) => [f, negative])) });
    const positive: Condition = {};
    const eq = listOf(cond.eq, cond.equals);
    if (eq) positive.eq = eq;
    if (cond.matches) positive.matches = cond.matches;
    if (Object.keys(positive).length > 0) groups.push({ fields, positive });
  }
  const size = groups.reduce((n, g) => n * g.fields.length, 1);
  if (size > MAX_ALTERNATIVES) throw new UnionTooLargeError(size);
  const common = andCriteria({ criterion: base }, ...negatives);
  let alternatives: FindingCriteria[] = [common];
  for (const g of groups) {
    alternatives = alternatives.flatMap((alt) => g.fields.map((f) => andCriteria(alt, { criterion: { [f]: g.positive } })));
  }
  return alternatives;
}

/**
 * Inclusion–exclusion terms for |A₁ ∪ … ∪ Aₙ|: every non-empty subset's intersection (the AND of
 * its alternatives, which GuardDuty can count) with sign (−1)^(|S|+1).
 */
export function inclusionExclusionTerms(alternatives: readonly FindingCriteria[]): { criteria: FindingCriteria; sign: 1 | -1 }[] {
  const terms: { criteria: FindingCriteria; sign: 1 | -1 }[] = [];
  for (let mask = 1; mask < 1 << alternatives.length; mask++) {
    const members = alternatives.filter((_, i) => mask & (1 << i));
    terms.push({ criteria: andCriteria(...members), sign: members.length % 2 === 1 ? 1 : -1 });
  }
  return terms;
}

/**
 * Severity counts of a union from its terms' counts. Severity partitions the findings (each has
 * exactly one value), so inclusion–exclusion holds for each severity key separately: the union's
 * count per key is Σ sign·count. Keys that cancel to 0 are left out, as GuardDuty leaves them out.
 */
export function combineCounts(terms: readonly { sign: 1 | -1; counts: Record<string, number> | undefined }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of terms) for (const [k, n] of Object.entries(t.counts ?? {})) out[k] = (out[k] ?? 0) + t.sign * n;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}
