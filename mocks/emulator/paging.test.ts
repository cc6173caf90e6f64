import { describe, expect, it } from 'vitest';
import { ApiError, sortFindings } from '../../src/guardduty';
import { DEMO_DETECTOR_ID, DETECTOR_IDS, SCALE_DETECTOR_ID, createEmulator, demoFindings } from './index';
import { callApi, walkPages } from './test-support';

const emulator = createEmulator();
const demo = demoFindings();
const current = { criterion: { 'service.archived': { eq: ['false'] } } };

/** The InvalidInputException a bad token must raise, naming the field. */
function expectBadToken(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).type).toBe('InvalidInputException');
    expect((error as ApiError).message).toContain('nextToken');
    return;
  }
  throw new Error('expected InvalidInputException');
}

describe('ListFindings paging', () => {
  it('walks every matching finding exactly once in pages of 7, ending with nextToken ""', () => {
    const walk = walkPages(emulator, DEMO_DETECTOR_ID, { findingCriteria: current, maxResults: 7 });
    const want = demo.filter((f) => f.service?.archived === false).map((f) => f.id);
    expect(walk.ids).toHaveLength(want.length);
    expect(new Set(walk.ids)).toEqual(new Set(want));
    expect(walk.pageSizes.slice(0, -1).every((n) => n === 7)).toBe(true);
    expect(walk.pageSizes.at(-1)).toBeGreaterThan(0);
    expect(walk.lastToken).toBe('');
  });

  it('keeps the sorted order across pages, and page sizes may change between pages', () => {
    const sortCriteria = { attributeName: 'severity', orderBy: 'DESC' } as const;
    const first = emulator.listFindings(DEMO_DETECTOR_ID, { sortCriteria, maxResults: 5 });
    const rest = walkPages(emulator, DEMO_DETECTOR_ID, { sortCriteria, maxResults: 50 });
    const second = emulator.listFindings(DEMO_DETECTOR_ID, { sortCriteria, maxResults: 50, nextToken: first.nextToken });
    expect([...first.findingIds, ...second.findingIds]).toEqual(rest.ids.slice(0, 55));
    expect(rest.ids).toEqual(sortFindings(demo, 'severity', 'DESC').map((f) => f.id));
  });

  it('defaults to 50 per page and accepts "" or null as no token', () => {
    expect(emulator.listFindings(DEMO_DETECTOR_ID, {}).findingIds).toHaveLength(50);
    expect(emulator.listFindings(DEMO_DETECTOR_ID, { nextToken: '' })).toEqual(emulator.listFindings(DEMO_DETECTOR_ID, {}));
    // The contract drops null members now; the emulator still reads a null token as none.
    expect(emulator.listFindings(DEMO_DETECTOR_ID, { nextToken: null as unknown as string })).toEqual(emulator.listFindings(DEMO_DETECTOR_ID, {}));
  });

  it('answers an empty result with no ids and nextToken ""', () => {
    expect(emulator.listFindings(DEMO_DETECTOR_ID, { findingCriteria: { criterion: { type: { eq: ['No:Such/Type'] } } } })).toEqual({ findingIds: [], nextToken: '' });
  });

  it('walks all 10,000 findings of the scale detector without skips or repeats', () => {
    const walk = walkPages(emulator, SCALE_DETECTOR_ID, { sortCriteria: { attributeName: 'service.eventLastSeen', orderBy: 'DESC' } });
    expect(walk.ids).toHaveLength(10_000);
    expect(new Set(walk.ids).size).toBe(10_000);
  });

  it('refuses garbage, tampered and foreign tokens with InvalidInputException naming nextToken', () => {
    const { nextToken } = emulator.listFindings(DEMO_DETECTOR_ID, { findingCriteria: current, maxResults: 7 });
    expect(nextToken).not.toBe('');
    const decoded = JSON.parse(atob(nextToken.replace(/-/g, '+').replace(/_/g, '/'))) as { o: number };
    const moved = btoa(JSON.stringify({ ...decoded, o: decoded.o + 1 })).replace(/=+$/, '');
    for (const bad of ['garbage', 'e30', moved, `${nextToken}x`, nextToken.slice(1)]) {
      expectBadToken(() => emulator.listFindings(DEMO_DETECTOR_ID, { findingCriteria: current, maxResults: 7, nextToken: bad }));
    }
    // Reused with a different query, or on another detector.
    expectBadToken(() => emulator.listFindings(DEMO_DETECTOR_ID, { maxResults: 7, nextToken }));
    expectBadToken(() => emulator.listFindings(DEMO_DETECTOR_ID, { findingCriteria: current, sortCriteria: { attributeName: 'severity' }, nextToken }));
    expectBadToken(() => emulator.listFindings(SCALE_DETECTOR_ID, { findingCriteria: current, maxResults: 7, nextToken }));
  });

  it('answers a bad token on the wire as 400 InvalidInputException', () => {
    const response = callApi(emulator, 'POST', `/detector/${DEMO_DETECTOR_ID}/findings`, { nextToken: 'not-a-token' });
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-ErrorType']).toBe('BadRequestException');
    expect(response.json).toMatchObject({ __type: 'InvalidInputException' });
    expect(response.json.message).toContain('nextToken');
  });

  it('takes the same token whatever the order of the criteria fields', () => {
    const a = { criterion: { severity: { gte: 5 }, 'service.archived': { eq: ['false'] } } };
    const b = { criterion: { 'service.archived': { eq: ['false'] }, severity: { gte: 5 } } };
    const { nextToken } = emulator.listFindings(DEMO_DETECTOR_ID, { findingCriteria: a, maxResults: 3 });
    expect(emulator.listFindings(DEMO_DETECTOR_ID, { findingCriteria: b, maxResults: 3, nextToken }).findingIds).toHaveLength(3);
  });
});

describe('ListDetectors paging', () => {
  it('lists both detectors, one page at a time with maxResults 1', () => {
    const first = emulator.listDetectors({ maxResults: 1 });
    const second = emulator.listDetectors({ maxResults: 1, nextToken: first.nextToken });
    expect([...first.detectorIds, ...second.detectorIds]).toEqual(DETECTOR_IDS);
    expect(second.nextToken).toBe('');
    expect(emulator.listDetectors({}).detectorIds).toEqual([DEMO_DETECTOR_ID, SCALE_DETECTOR_ID]);
    expectBadToken(() => emulator.listDetectors({ nextToken: 'nope' }));
  });

  it('reads maxResults from the query string', () => {
    const response = callApi(emulator, 'GET', '/detector', undefined, 'maxResults=1');
    expect(response.status).toBe(200);
    expect(response.json.detectorIds).toEqual([DEMO_DETECTOR_ID]);
  });
});
