import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, valuesAtPath, type Condition, type Finding } from '../../src/guardduty';
import { FILTER_ATTRIBUTES } from '../../src/guardduty/filter-attributes';
import { compileGlob, globMatches } from './glob';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, createEmulator, demoFindings, findingsOf } from './index';
import { WORK_BUDGET, WorkMeter, compileCriteria, compilePath } from './query';
import { MATCHES_PROBE, callApi, heaviestAllowedCriterion, walkPages } from './test-support';

const emulator = createEmulator();
const demo = demoFindings();

/** The ids ListFindings answers for one criterion, over all pages. */
const matching = (criterion: Record<string, Condition>) =>
  new Set(walkPages(emulator, DEMO_DETECTOR_ID, { findingCriteria: { criterion } }).ids);
/** The ids the data says should match, computed directly from the findings. */
const expected = (predicate: (f: Finding) => boolean) => new Set(demo.filter(predicate).map((f) => f.id));

/** Sanity: an expectation that matches nothing or everything would prove little. */
function nonTrivial(ids: Set<string>): Set<string> {
  expect(ids.size).toBeGreaterThan(0);
  expect(ids.size).toBeLessThan(demo.length);
  return ids;
}

const nc = (f: Finding) => f.service?.action?.networkConnectionAction;
const tagKeys = (f: Finding) => (f.resource?.instanceDetails?.tags ?? []).map((t) => t.key);

describe('ListFindings findingCriteria', () => {
  it('without criteria lists every finding, archived ones included', () => {
    expect(demo.some((f) => f.service?.archived)).toBe(true);
    expect(matching({})).toEqual(expected(() => true));
  });

  it('eq / equals: any value equal to any listed string', () => {
    const types = ['Recon:EC2/PortProbeUnprotectedPort', 'UnauthorizedAccess:EC2/SSHBruteForce'];
    const want = nonTrivial(expected((f) => types.includes(f.type!)));
    expect(matching({ type: { eq: types } })).toEqual(want);
    expect(matching({ type: { equals: types } })).toEqual(want);
  });

  it('eq compares numeric attributes as numbers: "8" and "8.0" both match severity 8', () => {
    const want = nonTrivial(expected((f) => f.severity === 8));
    expect(matching({ severity: { eq: ['8'] } })).toEqual(want);
    expect(matching({ severity: { eq: ['8.0'] } })).toEqual(want);
    expect(matching({ 'service.count': { eq: ['1'] } })).toEqual(nonTrivial(expected((f) => Number(f.service?.count) === 1)));
  });

  it('eq descends arrays: a tag key, or any probe of a port probe', () => {
    expect(matching({ 'resource.instanceDetails.tags.key': { eq: ['CostCenter'] } })).toEqual(
      nonTrivial(expected((f) => tagKeys(f).includes('CostCenter'))),
    );
    const multi = demo.find((f) => (f.service?.action?.portProbeAction?.portProbeDetails?.length ?? 0) > 1)!;
    const lastProbeIp = multi.service!.action!.portProbeAction!.portProbeDetails!.at(-1)!.remoteIpDetails!.ipAddressV4!;
    const got = matching({ 'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV4': { eq: [lastProbeIp] } });
    expect(got).toContain(multi.id);
    expect(got).toEqual(
      expected((f) => (f.service?.action?.portProbeAction?.portProbeDetails ?? []).some((d) => d.remoteIpDetails?.ipAddressV4 === lastProbeIp)),
    );
  });

  it('neq / notEquals: no value in the list; findings lacking the attribute match', () => {
    const attr = 'service.action.networkConnectionAction.remoteIpDetails.country.countryName';
    const want = nonTrivial(expected((f) => nc(f)?.remoteIpDetails?.country?.countryName !== 'China'));
    expect(demo.some((f) => !nc(f))).toBe(true);
    expect(matching({ [attr]: { neq: ['China'] } })).toEqual(want);
    expect(matching({ [attr]: { notEquals: ['China'] } })).toEqual(want);
    expect(matching({ 'resource.instanceDetails.tags.key': { neq: ['CostCenter'] } })).toEqual(
      nonTrivial(expected((f) => !tagKeys(f).includes('CostCenter'))),
    );
  });

  it('gt / gte / lt / lte and their long names compare numbers', () => {
    const cases: [Condition, (s: number) => boolean][] = [
      [{ gt: 7 }, (s) => s > 7], [{ greaterThan: 7 }, (s) => s > 7],
      [{ gte: 7 }, (s) => s >= 7], [{ greaterThanOrEqual: 7 }, (s) => s >= 7],
      [{ lt: 4 }, (s) => s < 4], [{ lessThan: 4 }, (s) => s < 4],
      [{ lte: 4 }, (s) => s <= 4], [{ lessThanOrEqual: 4 }, (s) => s <= 4],
      [{ gte: 4, lt: 7 }, (s) => s >= 4 && s < 7],
    ];
    for (const [condition, test] of cases) {
      expect(matching({ severity: condition }), JSON.stringify(condition)).toEqual(nonTrivial(expected((f) => test(f.severity!))));
    }
  });

  it('a range holds for one value: a probed port within it, not one port above and another below', () => {
    const ports = (f: Finding) => (f.service?.action?.portProbeAction?.portProbeDetails ?? []).map((d) => d.localPortDetails!.port!);
    expect(matching({ 'service.action.portProbeAction.portProbeDetails.localPortDetails.port': { gte: 20, lte: 25 } })).toEqual(
      nonTrivial(expected((f) => ports(f).some((p) => p >= 20 && p <= 25))),
    );
  });

  it('timestamps compare as epoch milliseconds, whichever form the finding uses', () => {
    const times = demo.map((f) => parseTimestamp(f.updatedAt)!).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    expect(matching({ updatedAt: { gte: median } })).toEqual(nonTrivial(expected((f) => parseTimestamp(f.updatedAt)! >= median)));
    expect(matching({ updatedAt: { lt: median } })).toEqual(nonTrivial(expected((f) => parseTimestamp(f.updatedAt)! < median)));
    const week = 7 * 24 * 3600_000;
    const lastSeen = (f: Finding) => parseTimestamp(f.service?.eventLastSeen)!;
    expect(matching({ 'service.eventLastSeen': { greaterThan: times.at(-1)! - week } })).toEqual(
      nonTrivial(expected((f) => lastSeen(f) > times.at(-1)! - week)),
    );
  });

  it('eq on a timestamp matches the instant in either form', () => {
    const twin = demo.find((f) => /:\d\dZ$/.test(f.updatedAt!))!;
    const at = parseTimestamp(twin.updatedAt)!;
    const want = expected((f) => parseTimestamp(f.updatedAt) === at);
    expect(matching({ updatedAt: { eq: [String(at)] } })).toEqual(want);
    expect(matching({ updatedAt: { eq: [new Date(at).toISOString()] } })).toEqual(want);
  });

  it("matches / notMatches: GuardDuty's * wildcard, case-sensitive", () => {
    const recon = nonTrivial(expected((f) => f.type!.startsWith('Recon:')));
    expect(matching({ type: { matches: ['Recon:*'] } })).toEqual(recon);
    expect(matching({ type: { matches: ['recon:*'] } })).toEqual(new Set());
    expect(matching({ type: { matches: ['*/*BruteForce'] } })).toEqual(nonTrivial(expected((f) => /\/.*BruteForce$/.test(f.type!))));
    expect(matching({ type: { notMatches: ['Recon:*'] } })).toEqual(expected((f) => !f.type!.startsWith('Recon:')));
    // Regex characters are literal: '.' is not "any character".
    expect(matching({ type: { matches: ['Backdoor:EC2/C&CActivity.B!DNS'] } })).toEqual(
      nonTrivial(expected((f) => f.type === 'Backdoor:EC2/C&CActivity.B!DNS')),
    );
  });

  it("booleans compare as 'true' / 'false'", () => {
    expect(matching({ 'service.archived': { eq: ['true'] } })).toEqual(nonTrivial(expected((f) => f.service?.archived === true)));
    expect(matching({ 'service.archived': { eq: ['false'] } })).toEqual(nonTrivial(expected((f) => f.service?.archived === false)));
    expect(matching({ 'service.action.networkConnectionAction.blocked': { eq: ['true'] } })).toEqual(
      nonTrivial(expected((f) => nc(f)?.blocked === true)),
    );
  });

  it('ANDs conditions over attributes', () => {
    const want = nonTrivial(expected((f) => f.severity! >= 7 && f.service?.archived === false && f.region === 'us-east-1'));
    expect(matching({ severity: { gte: 7 }, 'service.archived': { eq: ['false'] }, region: { eq: ['us-east-1'] } })).toEqual(want);
  });

  it('refuses attributes GuardDuty does not document, naming them (InvalidInputException)', () => {
    const response = callApi(emulator, 'POST', `/detector/${DEMO_DETECTOR_ID}/findings`, {
      findingCriteria: { criterion: { 'service.notAnAttribute': { eq: ['x'] } } },
    });
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-ErrorType']).toBe('BadRequestException');
    expect(response.json.__type).toBe('InvalidInputException');
    expect(response.json.message).toContain('service.notAnAttribute');
  });
});

describe('service.additionalInfo.threatListName', () => {
  /** The name inside additionalInfo's JSON `value`, read here without the emulator's code. */
  const listName = (f: Finding) => {
    const value = (f.service?.additionalInfo as { value?: unknown } | undefined)?.value;
    try {
      return typeof value === 'string' ? (JSON.parse(value) as { threatListName?: string }).threatListName : undefined;
    } catch {
      return undefined;
    }
  };

  it('matches the name inside additionalInfo\'s JSON value, as eq, neq and matches', () => {
    const names = [...new Set(demo.map(listName).filter((n): n is string => !!n))];
    expect(names.length).toBeGreaterThan(1);
    const attr = 'service.additionalInfo.threatListName';
    expect(matching({ [attr]: { eq: [names[0]] } })).toEqual(nonTrivial(expected((f) => listName(f) === names[0])));
    expect(matching({ [attr]: { neq: [names[0]] } })).toEqual(nonTrivial(expected((f) => listName(f) !== names[0])));
    expect(matching({ [attr]: { matches: [`${names[1].slice(0, 3)}*`] } })).toEqual(
      nonTrivial(expected((f) => listName(f)?.startsWith(names[1].slice(0, 3)) === true)),
    );
  });

  it("agrees with the evidence's own attribute on the demo data (both carry the same list)", () => {
    const names = [...new Set(demo.map(listName).filter((n): n is string => !!n))];
    for (const name of names) {
      expect(matching({ 'service.additionalInfo.threatListName': { eq: [name] } })).toEqual(
        matching({ 'service.evidence.threatIntelligenceDetails.threatListName': { eq: [name] } }),
      );
    }
  });
});

describe('attribute paths', () => {
  /** The filter attributes in eight groups, one case each. */
  const GROUPS = Array.from({ length: 8 }, (_, g) => FILTER_ATTRIBUTES.filter((_a, i) => i % 8 === g));

  it.each(GROUPS.map((attributes, g) => [g + 1, attributes] as const))('the compiled path reads what valuesAtPath reads, for every demo finding: filter attributes, group %i of 8', (_g, attributes) => {
    let values = 0;
    const differ: string[] = [];
    for (const attribute of attributes) {
      const read = compilePath(attribute);
      for (const f of demo) {
        const want = valuesAtPath(f, attribute);
        values += want.length;
        if (!isDeepStrictEqual(read(f), want)) differ.push(`${attribute} of ${f.id}`);
      }
    }
    expect(differ.slice(0, 20), `${differ.length} differ`).toEqual([]);
    expect(values).toBeGreaterThan(demo.length * 5);
  });

  it('groups every filter attribute once', () => {
    expect(GROUPS.flat().sort()).toEqual([...FILTER_ATTRIBUTES].sort());
  });
});

describe('matches / notMatches cost', () => {
  const scale = findingsOf(SCALE_DETECTOR_ID);
  /** Filters with a meter of its own, so the test can read the work done. */
  const metered = (findings: readonly Finding[], criterion: Record<string, Condition>, meter = new WorkMeter(Infinity)) => ({
    ids: findings.filter(compileCriteria({ criterion }, meter)).map((f) => f.id),
    spent: meter.spent,
  });

  it('answers the *******Q probe correctly, in work linear in the findings', () => {
    for (const [detectorId, findings] of [[DEMO_DETECTOR_ID, demo], [SCALE_DETECTOR_ID, scale]] as const) {
      for (const last of ['Q', 'a', '7']) {
        const criterion = { id: { matches: [`*******${last}`] } };
        const want = findings.filter((f) => f.id.endsWith(last)).map((f) => f.id);
        const { ids, spent } = metered(findings, criterion);
        expect(ids).toEqual(want);
        expect(walkPages(emulator, detectorId, { findingCriteria: { criterion } }).ids.sort()).toEqual([...want].sort());
        // Per finding: the lookup, one value, and one check of at most the 32-character id plus the pattern.
        expect(spent).toBeLessThanOrEqual(findings.length * (2 + 32 + 3));
      }
    }
    expect(scale.some((f) => f.id.endsWith('a'))).toBe(true);
    expect(metered(scale, MATCHES_PROBE).ids).toEqual([]);
  });

  it('answers the heaviest request the contract allows on the 10,000-finding detector', () => {
    const criterion = heaviestAllowedCriterion();
    expect(Object.keys(criterion)).toHaveLength(50);
    expect(JSON.stringify({ findingCriteria: { criterion } }).length).toBeLessThanOrEqual(1024 * 1024); // the server's body limit
    const response = callApi(emulator, 'POST', `/detector/${SCALE_DETECTOR_ID}/findings`, { findingCriteria: { criterion } });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    // Only the patterns decide: no finding has any of the 512-character values.
    const globs = criterion.description.matches!.map(compileGlob);
    const want = scale.filter((f) => globs.some((g) => globMatches(g, f.description!))).map((f) => f.id).sort();
    expect(want.length).toBe(scale.length);
    expect(response.json.findingIds).toEqual(want.slice(0, 50));
  });

  it('meters the heaviest request the contract allows on the 10,000-finding detector as heavy, and within the budget', () => {
    const { spent } = metered(scale, heaviestAllowedCriterion());
    expect(spent).toBeGreaterThan(WORK_BUDGET / 8); // it is heavy
    expect(spent).toBeLessThanOrEqual(WORK_BUDGET);
  });

  it('fits the budget with any 5 patterns on description: at most 3 units per character, plus the lookups', () => {
    // A check costs at most value + pattern, and a pattern over twice the value's length is refused by length alone.
    const text = scale.reduce((n, f) => n + f.description!.length, 0);
    const attributes = Object.keys(heaviestAllowedCriterion());
    const lookups = attributes.reduce((n, a) => n + scale.length + scale.reduce((m, f) => m + valuesAtPath(f, a).length, 0), 0);
    expect(5 * (3 * text + scale.length) + lookups).toBeLessThanOrEqual(WORK_BUDGET);
  });

  const tooExpensive = () => {
    const never = heaviestAllowedCriterion().description.matches!.slice(0, 4);
    const attributes = ['description', 'arn', 'title', 'type', 'id', 'service.detectorId', 'service.additionalInfo.value', 'region'];
    return Object.fromEntries(attributes.map((a) => [a, { matches: [...never, '*'], notMatches: [...never, '*\u0000*'] }]));
  };

  it('refuses a request beyond the budget with InvalidInputException saying how to narrow it', () => {
    const response = callApi(createEmulator(), 'POST', `/detector/${SCALE_DETECTOR_ID}/findings/statistics`, {
      groupBy: 'SEVERITY',
      findingCriteria: { criterion: tooExpensive() },
    });
    expect(response.status).toBe(400);
    expect(response.json.__type).toBe('InvalidInputException');
    expect(response.json.message).toMatch(/^The request is rejected: findingCriteria is too expensive to evaluate over this detector's 10000 findings/);
    expect(response.json.message).toContain('Narrow it');
  });

  it('stops at the budget: the refused request does the budget\'s work and no more', () => {
    const meter = new WorkMeter();
    expect(() => metered(scale, tooExpensive(), meter)).toThrow(/too expensive/);
    expect(meter.spent).toBeGreaterThan(WORK_BUDGET);
    expect(meter.spent - WORK_BUDGET).toBeLessThanOrEqual(1024); // one check past it at most
    // The same request on the small detector is answered.
    expect(() => metered(demo, tooExpensive())).not.toThrow();
  });

  it('costs the same whatever the order of the criteria', () => {
    const criterion = heaviestAllowedCriterion('order');
    const reversed = Object.fromEntries(Object.entries(criterion).reverse());
    expect(metered(demo, reversed).spent).toBe(metered(demo, criterion).spent);
  });
});

describe('documented filter paths that differ from the wire names', () => {
  it('filters RDS login attempts on loginAttributes.* although the wire member is LoginAttributes', () => {
    const users = (f: Finding) =>
      ((f.service?.action?.rdsLoginAttemptAction as { LoginAttributes?: { user?: string }[] } | undefined)?.LoginAttributes ?? []).map((a) => a.user);
    const user = demo.flatMap(users).find((u): u is string => !!u);
    expect(user).toBeDefined();
    expect(matching({ 'service.action.rdsLoginAttemptAction.loginAttributes.user': { equals: [user!] } })).toEqual(
      nonTrivial(expected((f) => users(f).includes(user))),
    );
  });
});
