import { describe, expect, it } from 'vitest';
import { SORT_ATTRIBUTES, SORT_ATTRIBUTE_NAMES, ipv4ToNumber, parseTimestamp, sortKey, type Finding, type SortAttribute } from '../../src/guardduty';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, createEmulator, findingsOf } from './index';
import { callApi, walkPages } from './test-support';

const emulator = createEmulator();

/** Checks a sorted id list against the data: direction by sortKey, missing values last, ties by id. */
function expectSorted(findings: readonly Finding[], ids: string[], attribute: SortAttribute, order: 'ASC' | 'DESC') {
  const byId = new Map(findings.map((f) => [f.id, f]));
  expect(ids).toHaveLength(findings.length);
  expect(new Set(ids)).toEqual(new Set(byId.keys()));
  const keys = ids.map((id) => sortKey(attribute.kind, attribute.get(byId.get(id)!)));
  const firstMissing = keys.findIndex((k) => k === undefined);
  if (firstMissing >= 0) expect(keys.slice(firstMissing).every((k) => k === undefined)).toBe(true);
  const problems: string[] = [];
  for (let i = 1; i < ids.length; i++) {
    const [a, b] = [keys[i - 1], keys[i]];
    if (b === undefined) {
      if (a === undefined && !(ids[i - 1] < ids[i])) problems.push(`missing values at ${i} not ordered by id`);
      continue;
    }
    if (a === b) {
      if (!(ids[i - 1] < ids[i])) problems.push(`tie at ${i} not broken by id`);
    } else if (order === 'ASC' ? !(a! < b) : !(a! > b)) problems.push(`${attribute.name} ${order} at ${i}: ${a} then ${b}`);
  }
  expect(problems.slice(0, 20), `${problems.length} out of order`).toEqual([]);
}

describe('sortCriteria', () => {
  const demo = findingsOf(DEMO_DETECTOR_ID);

  it('covers the 18 documented sort attributes', () => {
    expect(SORT_ATTRIBUTES).toHaveLength(18);
  });

  for (const attribute of SORT_ATTRIBUTES) {
    it(`sorts by ${attribute.name} both ways, missing values last, ties by id`, () => {
      // The data must make the test mean something: several values, and missing ones where the attribute is optional.
      const present = demo.map((f) => sortKey(attribute.kind, attribute.get(f))).filter((k) => k !== undefined);
      expect(new Set(present).size).toBeGreaterThan(1);
      for (const order of ['ASC', 'DESC'] as const) {
        const { ids } = walkPages(emulator, DEMO_DETECTOR_ID, { sortCriteria: { attributeName: attribute.name, orderBy: order } });
        expectSorted(demo, ids, attribute, order);
      }
    });
  }

  it('defaults to ASC without orderBy, and orders by id without sortCriteria', () => {
    const asc = walkPages(emulator, DEMO_DETECTOR_ID, { sortCriteria: { attributeName: 'severity', orderBy: 'ASC' } }).ids;
    expect(walkPages(emulator, DEMO_DETECTOR_ID, { sortCriteria: { attributeName: 'severity' } }).ids).toEqual(asc);
    expect(walkPages(emulator, DEMO_DETECTOR_ID).ids).toEqual(demo.map((f) => f.id).sort());
  });

  it('sorts timestamps in time, across the …:31Z and …:31.927Z forms', () => {
    const updatedAt = SORT_ATTRIBUTES.find((a) => a.name === 'updatedAt')!;
    const { ids } = walkPages(emulator, DEMO_DETECTOR_ID, { sortCriteria: { attributeName: 'updatedAt', orderBy: 'ASC' } });
    expectSorted(demo, ids, updatedAt, 'ASC');
    const texts = ids.map((id) => demo.find((f) => f.id === id)!.updatedAt!);
    // The data holds a same-second pair in the two forms, which a text sort would put the wrong way round.
    expect(texts).not.toEqual([...texts].sort());
    const i = texts.findIndex((t, n) => n > 0 && t < texts[n - 1]);
    expect(parseTimestamp(texts[i - 1])!).toBeLessThan(parseTimestamp(texts[i])!);
  });

  it('sorts IPv4 addresses by number (9.x before 10.x), not as text', () => {
    const ip = SORT_ATTRIBUTES.find((a) => a.kind === 'ipv4')!;
    const { ids } = walkPages(emulator, DEMO_DETECTOR_ID, { sortCriteria: { attributeName: ip.name, orderBy: 'ASC' } });
    expectSorted(demo, ids, ip, 'ASC');
    const addresses = ids.map((id) => ip.get(demo.find((f) => f.id === id)!) as string | undefined).filter((a): a is string => !!a);
    expect(addresses).not.toEqual([...addresses].sort());
    expect(ipv4ToNumber(addresses[0])).toBeLessThan(ipv4ToNumber(addresses.at(-1))!);
    expect(Number(addresses[0].split('.')[0])).toBeLessThan(10);
  });

  it.each(['service.eventLastSeen', 'severity', 'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4'])('sorts the 10,000-finding detector the same way: %s', (name) => {
    const scale = findingsOf(SCALE_DETECTOR_ID);
    const attribute = SORT_ATTRIBUTES.find((a) => a.name === name)!;
    const { ids } = walkPages(emulator, SCALE_DETECTOR_ID, { sortCriteria: { attributeName: name, orderBy: 'DESC' } });
    expectSorted(scale, ids, attribute, 'DESC');
  });

  it('without attributeName, sortCriteria means no sort: the default order, in both operations', () => {
    const unsorted = walkPages(emulator, DEMO_DETECTOR_ID).ids;
    for (const sortCriteria of [{}, { orderBy: 'DESC' as const }]) {
      expect(walkPages(emulator, DEMO_DETECTOR_ID, { sortCriteria }).ids).toEqual(unsorted);
      const findingIds = [unsorted[9], unsorted[0], unsorted[5]];
      expect(emulator.getFindings(DEMO_DETECTOR_ID, { findingIds, sortCriteria }).findings.map((f) => f.id)).toEqual(findingIds);
    }
    const wire = callApi(emulator, 'POST', `/detector/${DEMO_DETECTOR_ID}/findings`, { sortCriteria: { orderBy: 'DESC' }, maxResults: 5 });
    expect(wire.status).toBe(200);
    expect(wire.json.findingIds).toEqual(unsorted.slice(0, 5));
  });

  it('refuses an attributeName that is not a documented sort attribute, naming the 18, in both operations', () => {
    const message = `The request is rejected: sortCriteria.attributeName: must be one of the documented sort attributes: ${SORT_ATTRIBUTE_NAMES.join(', ')}.`;
    for (const attributeName of ['title', 'Severity', '', 'service.notAnAttribute']) {
      const sortCriteria = { attributeName, orderBy: 'ASC' as const };
      for (const [path, body] of [
        [`/detector/${DEMO_DETECTOR_ID}/findings`, { sortCriteria }],
        [`/detector/${DEMO_DETECTOR_ID}/findings/get`, { findingIds: [demo[0].id], sortCriteria }],
      ] as const) {
        const response = callApi(emulator, 'POST', path, body);
        expect(response.status, `${attributeName} ${path}`).toBe(400);
        expect(response.headers['x-amzn-ErrorType']).toBe('BadRequestException');
        expect(response.json).toEqual({ __type: 'InvalidInputException', message });
      }
    }
    expect(SORT_ATTRIBUTE_NAMES).toHaveLength(18);
  });
});
