import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { FILTER_ATTRIBUTES } from './filter-attributes';
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
    [{ sortCriteria: { attributeName: 7 } }, /sortCriteria\.attributeName/],
    [{ sortCriteria: { attributeName: 'severity', orderBy: 'UP' } }, /orderBy/],
    [{ findingCriteria: { criterion: { 'resource.secret': { eq: ['x'] } } } }, /resource\.secret/],
    [{ findingCriteria: { criterion: { severity: { gte: 'high' } } } }, /severity\.gte/],
    [{ findingCriteria: { criterion: { type: {} } } }, /criterion\.type: a condition needs at least one operator/],
    [{ findingCriteria: { criterion: { 'service.archived': null } } }, /criterion\.service\.archived: a condition needs at least one operator/],
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

  it('accepts only COUNT_BY_SEVERITY as a (deprecated) statistic type', () => {
    expect(validateRequest(post(`${path}/statistics`, { findingStatisticTypes: ['COUNT_BY_SEVERITY'] })).operation).toBe('GetFindingsStatistics');
    expect(validateRequest(post(`${path}/statistics`, { findingStatisticTypes: [] })).operation).toBe('GetFindingsStatistics');
    expect(rejection(() => validateRequest(post(`${path}/statistics`, { findingStatisticTypes: ['COUNT_BY_TYPE'] }))).message).toMatch(/findingStatisticTypes/);
  });

  it.each(['ACCOUNT', 'DATE', 'FINDING_TYPE', 'RESOURCE', 'SEVERITY'])('accepts groupBy %s with orderBy and maxResults as the model has them', (groupBy) => {
    for (const orderBy of ['ASC', 'DESC']) {
      const v = validateRequest(post(`${path}/statistics`, { groupBy, orderBy, maxResults: 100 }));
      expect(v.operation === 'GetFindingsStatistics' && v.request).toEqual({ groupBy, orderBy, maxResults: 100 });
    }
  });

  it.each([
    [{}, /groupBy: is required/],
    [{ groupBy: 'REGION' }, /groupBy: must be one of 'ACCOUNT'/],
    [{ groupBy: 'DATE', orderBy: 'COUNT' }, /orderBy: must be one of 'ASC', 'DESC'/],
    [{ groupBy: 'DATE', maxResults: 101 }, /maxResults: must be between 1 and 100/],
  ])('rejects statistics %j naming the field', (body, message) => {
    expect(rejection(() => validateRequest(post(`${path}/statistics`, body))).message).toMatch(message);
  });

  it('takes sortCriteria without attributeName (the model does not require it) and null as absent', () => {
    const v = validateRequest(post(path, { sortCriteria: { orderBy: 'DESC' }, nextToken: null }));
    expect(v.operation === 'ListFindings' && v.request).toEqual({ sortCriteria: { orderBy: 'DESC' } });
  });

  it('accepts every documented filter attribute, the newest ones included', () => {
    for (const attribute of FILTER_ATTRIBUTES) {
      expect(() => validateRequest(post(path, { findingCriteria: { criterion: { [attribute]: { equals: ['x'] } } } }))).not.toThrow();
    }
    expect(FILTER_ATTRIBUTES).toEqual(expect.arrayContaining(['title', 'description', 'service.detection.anomaly.profiles', 'service.action.awsApiCallAction.affectedResources']));
  });

  it.each([
    ['{"maxResults":5,"maxResults":50}', /'maxResults' appears more than once/],
    ['{"findingCriteria":{"criterion":{"severity":{"gte":7},"severity":{"gte":1}}}}', /'findingCriteria\.criterion\.severity' appears more than once/],
    ['{"sortCriteria":{"orderBy":"ASC","orderBy":"DESC"}}', /'sortCriteria\.orderBy'/],
    ['{"maxResults":5,"\u006daxResults":6}', /'maxResults'/],
  ])('refuses a duplicate key %s before anything is forwarded', (text, message) => {
    const e = rejection(() => validateRequest(post(path, text)));
    expect([e.status, e.type]).toEqual([400, 'InvalidInputException']);
    expect(e.message).toMatch(message);
  });

  it('does not mistake repeated keys in different objects or keys inside strings for duplicates', () => {
    const text = JSON.stringify({ findingCriteria: { criterion: { severity: { gte: 1 }, type: { eq: ['"severity":'] } } }, sortCriteria: { orderBy: 'ASC' } });
    expect(validateRequest(post(path, text.replace('"sortCriteria":{', '"sortCriteria":{"attributeName":"severity",'))).operation).toBe('ListFindings');
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
    expect(validateRequest(req('maxResults=10&nextToken=abc'))).toEqual({ operation: 'ListDetectors', request: { maxResults: 10, nextToken: 'abc' } });
    expect(rejection(() => validateRequest(req('maxResults=500'))).message).toMatch(/maxResults: must be between 1 and 50/);
    for (const form of ['0x10', '1e1', '5.0', '+5', ' 5', '']) {
      expect(rejection(() => validateRequest(req(`maxResults=${encodeURIComponent(form)}`))).message, form).toMatch(/maxResults: must be a whole number/);
    }
    expect(rejection(() => validateRequest(req('maxResults=5&maxResults=6'))).message).toMatch(/maxResults: must be given once/);
    expect(rejection(() => validateRequest(req('limit=5'))).message).toMatch(/unknown field 'limit'/);
  });
});
