/**
 * "Any action" filters over the emulator (through MSW, the same client code the app runs): the
 * merged list equals the union of the single-field queries, in the emulator's own order, for every
 * documented sort attribute both ways, in one detector and in all regions; and the counts are the
 * union's size, per severity.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { criteriaFromFilters, DEFAULT_FILTERS, LIST_FILTERS, type Filters } from './filters';
import { SORT_ATTRIBUTE_NAMES, type Finding, type FindingCriteria } from '../guardduty';
import { findingComparator } from '../guardduty/merge';
import { DEMO_DETECTOR_ID, demoFindings } from '../test/msw';
import { ANY_ATTRIBUTES, expandCriteria, UnionTooLargeError } from '../api/any-criteria';
import { listFetchers, statisticsQuery } from '../api/queries';
import { ALL_REGIONS, detectorScope, type Scope } from '../api/scope';
import { unionListFetchers } from '../api/union';

const DETECTOR = detectorScope({ detectorId: DEMO_DETECTOR_ID });

/** Every finding of a list, paging `pageSize` at a time (small pages exercise the merge cursor). */
async function collect(fetchers: ReturnType<typeof listFetchers>, pageSize: number): Promise<Finding[]> {
  const out: Finding[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await fetchers.list(token, pageSize);
    const { findings } = page.findingIds.length > 0 ? await fetchers.get(page.findingIds) : { findings: [] };
    const byId = new Map(findings.map((f) => [f.id, f]));
    out.push(...page.findingIds.map((id) => byId.get(id)!));
    token = page.nextToken || undefined;
    if (++pages > 500) throw new Error('paging does not end');
  } while (token);
  return out;
}

async function stats(scope: Scope, criteria: FindingCriteria) {
  const options = statisticsQuery(scope, criteria);
  const answer = await (options.queryFn as (ctx: { signal: AbortSignal }) => Promise<{ findingStatistics: { countBySeverity?: Record<string, number> } }>)({
    signal: new AbortController().signal,
  });
  const bySeverity = new Map<number, number>();
  for (const [k, n] of Object.entries(answer.findingStatistics.countBySeverity ?? {})) bySeverity.set(Number(k), n);
  return bySeverity;
}

function severityCounts(findings: readonly Finding[]) {
  const m = new Map<number, number>();
  for (const f of findings) m.set(f.severity!, (m.get(f.severity!) ?? 0) + 1);
  return m;
}

const current = (lists: Filters['lists']): FindingCriteria => criteriaFromFilters({ ...DEFAULT_FILTERS, lists }, 0);

/** The values an "any" filter is tested with: the two most frequent across the three fields, from the data. */
function busiestValues(pick: (f: Finding) => (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const f of demoFindings().filter((x) => !x.service?.archived)) for (const v of new Set(pick(f).filter((x): x is string => !!x))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([v]) => v);
}
const remote = (f: Finding) => {
  const a = f.service?.action;
  return [a?.networkConnectionAction?.remoteIpDetails, a?.awsApiCallAction?.remoteIpDetails, ...(a?.portProbeAction?.portProbeDetails ?? []).map((p) => p.remoteIpDetails)];
};
const CASES = [
  { param: 'anyCountry', perField: ['country', 'apiCountry', 'probeCountry'], values: busiestValues((f) => remote(f).map((r) => r?.country?.countryName)) },
  { param: 'anyIp', perField: ['ip', 'apiIp', 'probeIp'], values: busiestValues((f) => remote(f).map((r) => r?.ipAddressV4)) },
];

describe.each([
  ['one detector', DETECTOR],
  ['all regions', ALL_REGIONS],
] as const)('"any action" filters, %s', (_name, scope) => {
  describe.each(CASES)('$param', (c) => {
    const criteria = current({ [c.param]: c.values });
    // The union of the single-field queries, each asked on its own.
    const union = new Map<string, Finding>();
    const perFieldSizes: number[] = [];
    beforeAll(async () => {
      for (const p of c.perField) {
        const single = await collect(listFetchers(scope, current({ [p]: c.values }), { attribute: 'severity', order: 'DESC' }), 50);
        perFieldSizes.push(single.length);
        for (const f of single) union.set(f.id, f);
      }
    });

    it('is one alternative per action field, the union is not trivial, and the counts are its size', async () => {
      expect(c.values.length).toBe(2);
      expect(expandCriteria(criteria)).toHaveLength(3);
      // Not trivial: more than one action type contributes, and the union needs several pages of 7.
      expect(perFieldSizes.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(union.size).toBeGreaterThan(7);
      expect(await stats(scope, criteria)).toEqual(severityCounts([...union.values()]));
    });

    it.each(SORT_ATTRIBUTE_NAMES)('the merged list is the union of the three single-field lists, sorted by %s both ways', async (attribute) => {
      for (const order of ['ASC', 'DESC'] as const) {
        const merged = await collect(listFetchers(scope, criteria, { attribute, order }), 7);
        const want = [...union.values()].sort(findingComparator(attribute, order)).map((f) => f.id);
        expect(merged.map((f) => f.id), `${attribute} ${order}`).toEqual(want);
      }
    });
  });

  describe('overlapping alternatives', () => {
    // Heavily overlapping sets (unlike the action fields, which rarely overlap): a stronger check of de-duplication.
    const alternatives: FindingCriteria[] = [
      { criterion: { 'service.archived': { eq: ['false'] }, severity: { gte: 7 } } },
      { criterion: { 'service.archived': { eq: ['false'] }, type: { matches: ['Recon:*', 'UnauthorizedAccess:*'] } } },
      { criterion: { 'service.archived': { eq: ['false'] }, 'service.action.actionType': { eq: ['NETWORK_CONNECTION'] } } },
    ];
    const union = new Map<string, Finding>();
    beforeAll(async () => {
      for (const a of alternatives) for (const f of await collect(listFetchers(scope, a, { attribute: 'severity', order: 'DESC' }), 50)) union.set(f.id, f);
    });

    it.each(['severity', 'service.eventLastSeen', 'resource.instanceDetails.instanceId'] as const)(
      'merge without duplicates, and inclusion–exclusion counts them once, sorted by %s both ways',
      async (attribute) => {
        for (const order of ['ASC', 'DESC'] as const) {
          const merged = await collect(unionListFetchers(scope, alternatives, { attribute, order }), 50);
          expect(merged.map((f) => f.id)).toEqual([...union.values()].sort(findingComparator(attribute, order)).map((f) => f.id));
        }
      },
    );
  });
});

describe('"any action" bounds', () => {
  it('refuses two "any" filters at once with a message, never an approximation', () => {
    expect(() => expandCriteria(current({ anyIp: ['1.2.3.4'], anyCountry: ['Russia'] }))).toThrow(UnionTooLargeError);
    expect(() => expandCriteria(current({ anyIp: ['1.2.3.4'], anyCountry: ['Russia'] }))).toThrow(/one "any action" filter/);
  });

  it('"is not" needs no union: no action type has the value', () => {
    const [alt] = expandCriteria(current({ '-anyCountry': ['russia'] }));
    for (const attr of ANY_ATTRIBUTES['any:country']) expect(alt.criterion![attr]).toEqual({ neq: ['Russia'] });
    expect(LIST_FILTERS.find((f) => f.param === 'anyCountry')?.label).toBe('Country');
  });

  it('"is not" over the emulator: exactly the findings with the country in no action', async () => {
    const russian = new Set((await collect(listFetchers(DETECTOR, current({ anyCountry: ['Russia'] }), { attribute: 'severity', order: 'DESC' }), 50)).map((f) => f.id));
    const rest = await collect(listFetchers(DETECTOR, current({ '-anyCountry': ['Russia'] }), { attribute: 'severity', order: 'DESC' }), 50);
    const all = await collect(listFetchers(DETECTOR, current({}), { attribute: 'severity', order: 'DESC' }), 50);
    expect(russian.size).toBeGreaterThan(0);
    expect(rest.map((f) => f.id).sort()).toEqual(all.map((f) => f.id).filter((id) => !russian.has(id)).sort());
  });
});
