import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { matchRoute, validateRequest, type IncomingRequest } from './operations';

const DET = 'c6b0be64463ff852400d8ae5b2353866';
const post = (path: string, body: unknown, contentType = 'application/json'): IncomingRequest => ({
  method: 'POST',
  path,
  query: new URLSearchParams(),
  contentType,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

function rejection(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('matchRoute', () => {
  it('maps the five offered operations', () => {
    expect(matchRoute('GET', '/detector').operation).toBe('ListDetectors');
    expect(matchRoute('GET', `/detector/${DET}`)).toEqual({ operation: 'GetDetector', detectorId: DET });
    expect(matchRoute('POST', `/detector/${DET}/findings`).operation).toBe('ListFindings');
    expect(matchRoute('POST', `/detector/${DET}/findings/get`).operation).toBe('GetFindings');
    expect(matchRoute('POST', `/detector/${DET}/findings/statistics`).operation).toBe('GetFindingsStatistics');
  });

  it('refuses write operations with 405 and unknown paths with 404', () => {
    const archive = rejection(() => matchRoute('POST', `/detector/${DET}/findings/archive`));
    expect([archive.status, archive.type, archive.headerType]).toEqual([405, 'UnsupportedOperationException', 'UnsupportedOperationException']);
    expect(archive.message).toMatch(/ArchiveFindings/);
    expect(rejection(() => matchRoute('DELETE', `/detector/${DET}`)).status).toBe(405);
    expect(rejection(() => matchRoute('GET', '/ipset')).status).toBe(404);
  });

  it('rejects a detector id that is not letters and digits', () => {
    const e = rejection(() => matchRoute('GET', '/detector/..%2Fetc'));
    expect([e.status, e.type, e.headerType]).toEqual([400, 'InvalidInputException', 'BadRequestException']);
    expect(e.message).toMatch(/detectorId/);
  });
});

describe('validateRequest', () => {
  const path = `/detector/${DET}/findings`;

  it('accepts a full ListFindings request', () => {
    const v = validateRequest(
      post(path, {
        findingCriteria: { criterion: { severity: { gte: 7 }, 'service.archived': { eq: ['false'] }, updatedAt: { gte: 1700000000000 } } },
        sortCriteria: { attributeName: 'service.eventLastSeen', orderBy: 'DESC' },
        maxResults: 50,
        nextToken: '',
      }),
    );
    expect(v.operation).toBe('ListFindings');
  });

  it.each([
    [{ maxResults: 0 }, /maxResults/],
    [{ maxResults: 51 }, /maxResults/],
    [{ maxResults: 'ten' }, /maxResults/],
    [{ sortCriteria: { attributeName: 'title' } }, /sortCriteria\.attributeName/],
    [{ sortCriteria: { attributeName: 'severity', orderBy: 'UP' } }, /orderBy/],
    [{ findingCriteria: { criterion: { 'resource.secret': { eq: ['x'] } } } }, /resource\.secret/],
    [{ findingCriteria: { criterion: { severity: { gte: 'high' } } } }, /severity\.gte/],
    [{ findingCriteria: { criterion: { type: {} } } }, /criterion\.type/],
    [{ findingCriteria: { criterion: { type: { eq: 'Recon' } } } }, /criterion\.type\.eq/],
    [{ surprise: 1 }, /surprise/],
  ])('rejects %j naming the field', (body, field) => {
    const e = rejection(() => validateRequest(post(path, body)));
    expect([e.status, e.type]).toEqual([400, 'InvalidInputException']);
    expect(e.message).toMatch(field);
  });

  it('keeps the message short when a body has thousands of unknown fields', () => {
    const body = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, i]));
    const e = rejection(() => validateRequest(post(path, body)));
    expect(e.message).toMatch(/field0.*and 4995 more/);
    expect(e.message.length).toBeLessThan(500);
  });

  it('limits GetFindings to 50 ids and requires findingIds', () => {
    const ids = Array.from({ length: 51 }, (_, i) => `id${i}`);
    expect(rejection(() => validateRequest(post(`${path}/get`, { findingIds: ids }))).message).toMatch(/findingIds/);
    expect(rejection(() => validateRequest(post(`${path}/get`, {}))).message).toMatch(/findingIds/);
    expect(validateRequest(post(`${path}/get`, { findingIds: [] })).operation).toBe('GetFindings');
  });

  it('accepts only COUNT_BY_SEVERITY statistics', () => {
    expect(validateRequest(post(`${path}/statistics`, { findingStatisticTypes: ['COUNT_BY_SEVERITY'] })).operation).toBe('GetFindingsStatistics');
    expect(rejection(() => validateRequest(post(`${path}/statistics`, { findingStatisticTypes: ['COUNT_BY_TYPE'] }))).message).toMatch(/findingStatisticTypes/);
  });

  it('answers non-JSON bodies with 415 and malformed JSON with 400', () => {
    expect(rejection(() => validateRequest(post(path, '{}', 'text/plain'))).status).toBe(415);
    const bad = rejection(() => validateRequest(post(path, '{"maxResults":')));
    expect([bad.status, bad.type]).toEqual([400, 'InvalidInputException']);
    expect(rejection(() => validateRequest(post(path, '[1,2]'))).message).toMatch(/object/);
  });

  it('validates ListDetectors query parameters', () => {
    const req = (q: string): IncomingRequest => ({ method: 'GET', path: '/detector', query: new URLSearchParams(q) });
    expect(validateRequest(req('maxResults=10')).operation).toBe('ListDetectors');
    expect(rejection(() => validateRequest(req('maxResults=500'))).message).toMatch(/maxResults/);
  });
});
