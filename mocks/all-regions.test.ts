/**
 * The merge of regional streams and the all-regions service, as properties: random per-region
 * streams (the emulator's seeded PRNG) and the demo's regions, every documented sort attribute in
 * both directions — the concatenated merged pages equal one global sort (nothing lost, nothing
 * repeated); a region failing mid-walk comes back in its own order; statistics sum to what the
 * union of the regions' findings gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SORT_ATTRIBUTE_NAMES, sortFindings, throttling, internalError, type Finding, type SortOrder } from '../src/guardduty';
import { createRegionsService, type AllRegionsFindingsResponse, type AllRegionsStatisticsResponse, type RegionTransport, type RegionsResponse } from '../src/guardduty/all-regions';
import { findingComparator, mergeAll, mergeStep } from '../src/guardduty/merge';
import { answer, type GuardDutyBackend, type WireResponse } from '../src/guardduty/operations';
import type { ListFindingsRequest } from '../src/guardduty/requests';
import type { GetFindingsStatisticsRequest } from '../src/guardduty/requests';
import {
  ALL_DETECTOR_IDS, DEMO_DEFAULT_REGION, DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, createDemoWorld, findingsOf, regionOfDetector, withFaults,
} from './emulator';
import { Random } from './emulator/random';
import { findingStatistics } from './emulator/statistics';
import { createDemoRegions } from './regions';

const ORDERS: SortOrder[] = ['ASC', 'DESC'];
/** Every documented sort attribute both ways, each case with a number of its own (its random seed's offset). */
const CASES = SORT_ATTRIBUTE_NAMES.flatMap((attribute) => ORDERS.map((order) => [attribute, order] as const)).map(([attribute, order], n) => [attribute, order, n] as const);
const ids = (findings: readonly Finding[]) => findings.map((f) => f.id);

const post = (path: string, body: unknown) => ({ method: 'POST', path, query: new URLSearchParams(), contentType: 'application/json', body: JSON.stringify(body) });
const parse = <T>(wire: WireResponse): T => {
  expect(wire.status, wire.body.slice(0, 300)).toBe(200);
  return JSON.parse(wire.body) as T;
};

/** The demo's regional detectors (DEMO for us-east-1: the first its ListDetectors lists). */
const REGION_FINDINGS = new Map(
  ALL_DETECTOR_IDS.filter((id) => id !== SCALE_DETECTOR_ID).map((id) => [regionOfDetector(id)!, findingsOf(id)] as const),
);
const ALL_DEMO = [...REGION_FINDINGS.values()].flat();
// The 10,000-finding detector is the pool of the random streams: built once, before the cases.
beforeAll(() => void findingsOf(SCALE_DETECTOR_ID));

/** Follows nextToken to the end; every page's regions are handed to `seen`. */
async function walk(findings: (body: unknown) => Promise<WireResponse>, body: Record<string, unknown>, pageSizes: () => number, seen?: (page: AllRegionsFindingsResponse, i: number) => void) {
  const out: Finding[] = [];
  let nextToken: string | undefined;
  for (let i = 0; ; i++) {
    const page = parse<AllRegionsFindingsResponse>(await findings({ ...body, maxResults: pageSizes(), ...(nextToken ? { nextToken } : {}) }));
    seen?.(page, i);
    out.push(...page.findings);
    if (!page.nextToken) return out;
    nextToken = page.nextToken;
    if (i > 5_000) throw new Error('paging does not end');
  }
}

/** A GuardDuty backend over a fixed list of findings (one region's random stream): sorted ListFindings pages, GetFindings by id. */
function listBackend(detectorId: string, findings: readonly Finding[]): GuardDutyBackend {
  const byId = new Map(findings.map((f) => [f.id, f]));
  return {
    listDetectors: () => ({ detectorIds: [detectorId] }),
    getDetector: () => ({}),
    listFindings: (_id, request) => {
      const name = request.sortCriteria?.attributeName;
      const ordered = name ? sortFindings(findings, name, request.sortCriteria?.orderBy ?? 'ASC') : [...findings].sort((a, b) => (a.id < b.id ? -1 : 1));
      const from = Number(request.nextToken || 0);
      const to = from + (request.maxResults ?? 50);
      return { findingIds: ids(ordered.slice(from, to)), nextToken: to < ordered.length ? String(to) : '' };
    },
    getFindings: (_id, request) => ({ findings: request.findingIds.flatMap((id) => byId.get(id) ?? []) }),
    getFindingsStatistics: (_id, request) => ({ findingStatistics: findingStatistics(findings, request) }),
  };
}

describe('mergeStep (pure)', () => {
  it.each(CASES)('merges random sorted streams into one global sort on %s %s, in steps of random size', (attribute, order, n) => {
    const rng = new Random(1207 + n);
    const pool = findingsOf(SCALE_DETECTOR_ID);
    const compare = findingComparator(attribute, order);
    // Disjoint random streams (a finding lives in one region): consecutive slices of a random start.
    let at = rng.int(0, pool.length - 1000);
    const streams = Array.from({ length: rng.int(1, 7) }, () => {
      const size = rng.int(0, 120);
      at += size;
      return sortFindings(pool.slice(at - size, at), attribute, order);
    });
    const want = ids(sortFindings(streams.flat(), attribute, order));
    // In steps: each stream offers only a window of its next items; exhausted once its window reaches the end.
    const pos = streams.map(() => 0);
    const got: string[] = [];
    for (let guard = 0; got.length < want.length && guard < 10_000; guard++) {
      const limit = rng.int(1, 50);
      const buffers = streams.map((s, i) => {
        const window = s.slice(pos[i], pos[i] + limit + rng.int(0, 10));
        return { items: window, exhausted: pos[i] + window.length >= s.length };
      });
      const step = mergeStep(buffers, compare, limit);
      step.taken.forEach((k, i) => (pos[i] += k));
      got.push(...step.merged.map((m) => m.item.id));
    }
    expect(got).toEqual(want);
  });

  it('never emits past a live stream whose next item it does not know', () => {
    const [a, b, c] = sortFindings(findingsOf(DEMO_DETECTOR_ID).slice(0, 3), 'severity', 'ASC');
    const step = mergeStep([{ items: [a, c], exhausted: true }, { items: [], exhausted: false }], findingComparator('severity'), 10);
    expect(step.merged).toEqual([]);
    const step2 = mergeStep([{ items: [a, c], exhausted: true }, { items: [b], exhausted: false }], findingComparator('severity'), 10);
    expect(step2.merged.map((m) => m.item)).toEqual([a, b]);
    expect(step2.taken).toEqual([1, 1]);
  });

  it('deduplicates by identity across streams and across steps (several ListFindings streams of one region)', () => {
    const demo = sortFindings(findingsOf(DEMO_DETECTOR_ID), 'updatedAt', 'DESC');
    const rng = new Random(77);
    const streams = [0, 1, 2].map(() => demo.filter(() => rng.chance(0.5)));
    const union = demo.filter((f) => streams.some((s) => s.includes(f)));
    const compare = findingComparator('updatedAt', 'DESC');
    expect(ids(mergeAll(streams, compare, { identity: (f) => f.id }))).toEqual(ids(union));
    const first = mergeStep(streams.map((items) => ({ items, exhausted: true })), compare, 7, { identity: (f) => f.id });
    const rest = mergeStep(streams.map((items, i) => ({ items: items.slice(first.taken[i]), exhausted: true })), compare, Infinity, { identity: (f) => f.id, last: first.last });
    expect([...ids(first.merged.map((m) => m.item)), ...ids(rest.merged.map((m) => m.item))]).toEqual(ids(union));
  });
});

describe('all regions: the merged pages equal one global sort', () => {
  it.each(CASES)('over random per-region streams, %s %s, random page sizes (stateless cursor, lookahead across region pages)', async (attribute, order, n) => {
    const rng = new Random(4242 + n);
    const pool = findingsOf(SCALE_DETECTOR_ID);
    const regions = ['us-east-1', 'ap-northeast-1', 'eu-central-1', 'eu-west-1', 'sa-east-1', 'us-west-2'];
    // Each region: a random slice of the pool (sizes 0 to ~150, some regions empty).
    const start = rng.int(0, pool.length - 1000);
    const per = regions.map((_, i) => pool.slice(start + i * 150, start + i * 150 + rng.int(0, 150)));
    const backends = new Map(regions.map((region, i) => [region, listBackend(`d${i}`, per[i])]));
    const transport: RegionTransport = async (region, request) => answer(backends.get(region)!, request);
    const service = createRegionsService({ defaultRegion: 'us-east-1', regions, transport });
    const got = await walk((body) => service.findings(post('/all-regions/findings', body)), { sortCriteria: { attributeName: attribute, orderBy: order } }, () => rng.int(1, 50));
    const want = sortFindings(per.flat(), attribute, order);
    expect(ids(got)).toEqual(ids(want));
  });

  describe('over the demo regions', () => {
    const { service } = createDemoRegions({ regions: ['us-east-1', 'ap-east-1', 'ap-southeast-2', 'eu-west-1', 'sa-east-1', 'us-west-2'] });

    it.each(CASES)('%s %s, with findingCriteria', async (attribute, order, n) => {
      const rng = new Random(99 + n);
      const criteria = { criterion: { severity: { gte: 4 } } };
      const got = await walk((body) => service.findings(post('/all-regions/findings', body)), { findingCriteria: criteria, sortCriteria: { attributeName: attribute, orderBy: order } }, () => rng.int(10, 50));
      const want = sortFindings(ALL_DEMO.filter((f) => (f.severity ?? 0) >= 4), attribute, order);
      expect(ids(got)).toEqual(ids(want));
    });

    it('unsorted, every finding once; each finding keeps its region', async () => {
      const got = await walk((body) => service.findings(post('/all-regions/findings', body)), {}, () => 50);
      expect(ids(got)).toEqual(ids(ALL_DEMO).sort());
      expect(new Set(got.map((f) => f.region)).size).toBeGreaterThanOrEqual(4);
    });
  });

  it('answers full findings exactly as GetFindings returns them, and a status per region', async () => {
    const demo = createDemoRegions({ regions: ['us-east-1', 'ap-east-1', 'eu-west-1', 'sa-east-1'] });
    const page = parse<AllRegionsFindingsResponse>(await demo.service.findings(post('/all-regions/findings', { sortCriteria: { attributeName: 'severity', orderBy: 'DESC' }, maxResults: 20 })));
    expect(page.findings).toHaveLength(20);
    for (const f of page.findings) {
      const region = f.arn!.split(':')[3];
      const detectorId = f.service!.detectorId!;
      const direct = parse<{ findings: Finding[] }>(answer(demo.backendFor(region), post(`/detector/${detectorId}/findings/get`, { findingIds: [f.id] })));
      expect(f).toEqual(direct.findings[0]);
    }
    // Without `regions`: the regions whose detector answered are asked; every covered region is reported.
    expect(page.regions.map((r) => [r.region, r.status])).toEqual([['us-east-1', 'ok'], ['ap-east-1', 'not-enabled'], ['eu-west-1', 'ok'], ['sa-east-1', 'no-detector']]);
    expect(page.findings.every((f) => f.region === 'eu-west-1' || f.arn!.includes(':us-east-1:') || f.id === '9cb0be64df8ba1df249c45eb8a0bf584')).toBe(true);
    expect(page.regions[0]).toMatchObject({ detectorId: DEMO_DETECTOR_ID, latencyMs: expect.any(Number) });
    // With them: each is reported.
    const named = parse<AllRegionsFindingsResponse>(await demo.service.findings(post('/all-regions/findings', { regions: ['sa-east-1', 'ap-east-1', 'eu-west-1'] })));
    expect(named.regions.map((r) => [r.region, r.status])).toEqual([['sa-east-1', 'no-detector'], ['ap-east-1', 'not-enabled'], ['eu-west-1', 'ok']]);
    expect(named.findings.every((f) => f.region === 'eu-west-1')).toBe(true);
  });
});

describe('all regions: a region failing mid-walk', () => {
  it.each(['throttled', 'error'] as const)('is %s for a while: the others go on in order, its findings come back in its order, nothing lost or repeated', async (kind) => {
    const world = createDemoWorld();
    let failing = false;
    const faulty = withFaults(world.backendFor('eu-west-1'), () => (failing ? (kind === 'throttled' ? throttling() : internalError('Boom in eu-west-1.')) : undefined));
    const demo = createDemoRegions({ regions: ['us-east-1', 'ap-southeast-2', 'eu-west-1', 'us-west-2'], world: { backendFor: (r) => (r === 'eu-west-1' ? faulty : world.backendFor(r)) } });
    const attribute = 'service.eventLastSeen';
    const statuses: string[] = [];
    const got = await walk(
      (body) => demo.service.findings(post('/all-regions/findings', body)),
      { sortCriteria: { attributeName: attribute, orderBy: 'DESC' } },
      () => 37,
      (page, i) => {
        const eu = page.regions.find((r) => r.region === 'eu-west-1')!;
        statuses.push(eu.status);
        if (eu.status !== 'ok') {
          expect(eu.message).toMatch(kind === 'throttled' ? /Throttling/ : /Boom/);
          expect(page.nextToken).not.toBe('');
        }
        // Fail pages 3 to 6 (after the first region pages were read), answer again afterwards.
        failing = i >= 2 && i < 6;
      },
    );
    expect(statuses.slice(3, 7)).toEqual([kind, kind, kind, kind]);
    expect(statuses[0]).toBe('ok');
    const all = sortFindings(ALL_DEMO.filter((f) => f.region !== 'ap-east-1'), attribute, 'DESC');
    expect(new Set(ids(got)).size).toBe(got.length);
    expect(ids(got).sort()).toEqual(ids(all).sort());
    const inRegion = (r: string) => (f: Finding) => f.region === r || (r === 'us-east-1' && f.id === '9cb0be64df8ba1df249c45eb8a0bf584');
    // The others, among themselves, in the global order; eu-west-1 in its own.
    expect(ids(got.filter((f) => !inRegion('eu-west-1')(f)))).toEqual(ids(all.filter((f) => !inRegion('eu-west-1')(f))));
    expect(ids(got.filter(inRegion('eu-west-1')))).toEqual(ids(all.filter(inRegion('eu-west-1'))));
  });
});

describe('all regions: statistics', () => {
  const requests: GetFindingsStatisticsRequest[] = [
    { findingStatisticTypes: ['COUNT_BY_SEVERITY'] },
    ...(['ACCOUNT', 'DATE', 'FINDING_TYPE', 'RESOURCE', 'SEVERITY'] as const).flatMap((groupBy) =>
      ORDERS.map((orderBy): GetFindingsStatisticsRequest => ({ groupBy, orderBy, maxResults: 7, findingCriteria: { criterion: { 'service.archived': { eq: ['false'] } } } }))),
  ];

  it.each(requests.map((r) => [JSON.stringify(r), r] as const))('sum to the statistics of the regions\' findings together: %s', async (_name, request) => {
    const demo = createDemoRegions({ regions: ['us-east-1', 'ap-east-1', 'ap-southeast-2', 'eu-west-1', 'sa-east-1', 'us-west-2'] });
    const got = parse<AllRegionsStatisticsResponse>(await demo.service.statistics(post('/all-regions/findings/statistics', request)));
    const current = (f: Finding) => !request.findingCriteria || f.service?.archived === false;
    expect(got.findingStatistics).toEqual(findingStatistics(ALL_DEMO.filter(current), request));
    expect(got.regions.map((r) => [r.region, r.status])).toEqual([
      ['us-east-1', 'ok'], ['ap-east-1', 'not-enabled'], ['ap-southeast-2', 'ok'], ['eu-west-1', 'ok'], ['sa-east-1', 'no-detector'], ['us-west-2', 'ok'],
    ]);
    for (const r of got.regions.filter((x) => x.status === 'ok')) {
      const own = parse<{ findingStatistics: unknown }>(answer(demo.backendFor(r.region), post(`/detector/${r.detectorId}/findings/statistics`, request)));
      expect(r.findingStatistics, r.region).toEqual(own.findingStatistics);
    }
  });
});

describe('all regions: regions and validation', () => {
  const demo = createDemoRegions();

  it('lists every covered region with its status, default first, then alphabetically', async () => {
    const list = (await demo.service.listRegions()) as RegionsResponse;
    expect(list.defaultRegion).toBe(DEMO_DEFAULT_REGION);
    const names = list.regions.map((r) => r.region);
    expect(names[0]).toBe('us-east-1');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    const status = Object.fromEntries(list.regions.map((r) => [r.region, r]));
    expect(status['us-east-1']).toEqual({ region: 'us-east-1', detectorId: DEMO_DETECTOR_ID, status: 'ok' });
    for (const r of ['us-west-2', 'eu-west-1', 'ap-southeast-2']) expect(status[r]).toMatchObject({ status: 'ok', detectorId: expect.any(String) });
    expect(status['ap-east-1']).toMatchObject({ status: 'not-enabled', message: expect.stringMatching(/security token/) });
    expect(status['sa-east-1']).toEqual({ region: 'sa-east-1', status: 'no-detector' });
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown region', { regions: ['eu-west-9'] }, /region: "eu-west-9" is not a region this server covers/],
    ['a malformed region', { regions: ['../x'] }, /region: "..\/x" is not a region name/],
    ['a region twice', { regions: ['eu-west-1', 'eu-west-1'] }, /regions\[1\]: eu-west-1 is given twice/],
    ['no regions', { regions: [] }, /regions: must be a list/],
    ['maxResults over 50', { maxResults: 51 }, /maxResults/],
    ['an undocumented sort attribute', { sortCriteria: { attributeName: 'title' } }, /merge on the documented sort attributes/],
    ['an unknown member', { region: 'eu-west-1' }, /unknown field/],
    ['a foreign cursor', { nextToken: 'eyJvIjo1MH0' }, /nextToken has an invalid value/],
  ])('refuses %s with InvalidInputException', async (_name, body, message) => {
    const wire = await demo.service.findings(post('/all-regions/findings', body));
    expect(wire.status).toBe(400);
    expect(JSON.parse(wire.body)).toMatchObject({ __type: 'InvalidInputException', message: expect.stringMatching(message) });
  });

  it('answers an expired discovery at once and refreshes it behind the answer; a failed one is asked again before answering', async () => {
    let clock = 0;
    let detectorId = 'd-first';
    let failing = false;
    const asked: string[] = [];
    const answers: { resolve: () => void }[] = [];
    // A region whose ListDetectors answers only when the test lets it.
    const transport: RegionTransport = (region) => {
      asked.push(region);
      return new Promise((resolve) => {
        answers.push({ resolve: () => resolve(failing ? { status: 500, headers: {}, body: '{"__type":"InternalServerErrorException","message":"down"}' } : { status: 200, headers: {}, body: JSON.stringify({ detectorIds: [detectorId] }) }) });
      });
    };
    const service = createRegionsService({ defaultRegion: 'eu-west-1', regions: ['eu-west-1'], transport, now: () => clock, discoveryTtlMs: 1000 });
    const first = service.listRegions();
    answers.shift()!.resolve();
    expect((await first).regions[0]).toMatchObject({ detectorId: 'd-first', status: 'ok' });

    clock = 5000;
    detectorId = 'd-second';
    // Expired: the old answer comes without waiting for the region (nothing is resolved here), and one refresh is asked.
    expect((await service.listRegions()).regions[0]).toMatchObject({ detectorId: 'd-first' });
    expect((await service.listRegions()).regions[0]).toMatchObject({ detectorId: 'd-first' });
    expect(asked).toHaveLength(2);
    answers.shift()!.resolve();
    await expect.poll(async () => (await service.listRegions()).regions[0].detectorId).toBe('d-second');

    clock = 10_000;
    failing = true;
    void service.listRegions();
    answers.shift()!.resolve();
    await expect.poll(async () => (await service.listRegions()).regions[0].status).toBe('error');
    // An error is not served stale: once it expires, the next asker waits for the region.
    clock = 20_000;
    failing = false;
    const again = service.listRegions();
    await expect.poll(() => answers.length).toBe(1);
    answers.shift()!.resolve();
    expect((await again).regions[0]).toMatchObject({ detectorId: 'd-second', status: 'ok' });
  });

  it("refuses a cursor of another query, and continues one from any replica (a new service: no shared state)", async () => {
    const body: ListFindingsRequest = { sortCriteria: { attributeName: 'severity', orderBy: 'DESC' }, maxResults: 30 };
    const first = parse<AllRegionsFindingsResponse>(await demo.service.findings(post('/all-regions/findings', body)));
    const other = await demo.service.findings(post('/all-regions/findings', { ...body, sortCriteria: { attributeName: 'severity', orderBy: 'ASC' }, nextToken: first.nextToken }));
    expect(JSON.parse(other.body)).toMatchObject({ __type: 'InvalidInputException', message: expect.stringMatching(/different query/) });
    const replica = createDemoRegions();
    const second = parse<AllRegionsFindingsResponse>(await replica.service.findings(post('/all-regions/findings', { ...body, nextToken: first.nextToken })));
    const want = sortFindings(ALL_DEMO, 'severity', 'DESC').slice(30, 60);
    expect(ids(second.findings)).toEqual(ids(want));
  });
});
