/**
 * Seeded fuzzing of the whole HTTP surface, in both sources: the demo emulator, and the aws
 * pass-through against a local fake GuardDuty (static test credentials, an access token).
 *
 * Every request is built together with its expected outcome, from DESIGN.md and the GuardDuty
 * model, never from the server's own validation code: structurally valid requests to the five
 * operations (which the aws source must forward, byte for byte, and nothing else), and requests
 * that are invalid or forbidden by construction (bad JSON, wrong types in every field, huge
 * arrays, deep nesting, unknown criterion attributes, bad UTF-8, unknown paths and methods, the
 * write operations, static traversal, oversized bodies, wrong content types, foreign Origin and
 * Host, cross-site Sec-Fetch-Site, missing tokens, bytes the HTTP parser refuses).
 *
 * For every request: never a 5xx; a refusal is a documented error (DESIGN.md's error table:
 * status, x-amzn-ErrorType, `{__type, message}` under /api); a static answer is a file of dist/
 * or a refusal, never anything outside it. In aws mode the fake must have received exactly the
 * valid requests. Reproduce a failure with FUZZ_SEED=<the printed seed>; FUZZ_COUNT changes the
 * number of requests per source.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTER_ATTRIBUTES } from '../src/guardduty/filter-attributes';
import { SORT_ATTRIBUTE_NAMES } from '../src/guardduty/sort';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID } from '../mocks/emulator';
import { createAwsSource } from './sources/aws';
import { createDemoSource } from './sources/demo';
import { Random } from '../mocks/emulator/random';
import { reply, startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream';
import { makeDist, raw, rawBytes, startApp, testConfig, type RawRequest, type RawResponse, type Running } from './test/harness';

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_917);
const COUNT = Number(process.env.FUZZ_COUNT ?? 1000);
const CONCURRENCY = 8;
const MIB = 1024 * 1024;

const TOKEN = 'fuzz-access-token-0123456789abcdef';
const CREDENTIALS = { accessKeyId: 'AKIDFUZZEXAMPLE', secretAccessKey: 'fuzz/secret/access/key/EXAMPLE' };
const FAKE_BASE = '/gd';
const FAKE_BODY = '{"fromFake":true}';
/** Contents that must never come back: beside dist/, and elsewhere on the machine. */
const SECRETS = ['TOP-SECRET-OUTSIDE-DIST', 'FUZZ-PACKAGE-JSON-OUTSIDE-DIST', 'DOTFILE', 'root:x:0:0', '"name": "findings-atlas"'];

// ---------------------------------------------------------------------------------------------
// DESIGN.md, written down independently of src/guardduty: the error table and the routes.

type ErrorType = 'InvalidInputException' | 'NoSuchEntityException' | 'UnsupportedOperationException' | 'AccessDeniedException';
const ERROR_TABLE: Record<number, { header: string; types: ErrorType[] }> = {
  400: { header: 'BadRequestException', types: ['InvalidInputException', 'NoSuchEntityException'] },
  401: { header: 'AccessDeniedException', types: ['AccessDeniedException'] },
  403: { header: 'AccessDeniedException', types: ['AccessDeniedException'] },
  404: { header: 'UnsupportedOperationException', types: ['UnsupportedOperationException'] },
  405: { header: 'UnsupportedOperationException', types: ['UnsupportedOperationException'] },
  413: { header: 'BadRequestException', types: ['InvalidInputException'] },
  415: { header: 'BadRequestException', types: ['InvalidInputException'] },
};
const REFUSALS = Object.keys(ERROR_TABLE).map(Number);

const ROUTES: [string, RegExp][] = [
  ['GET', /^\/api\/detector\/?$/],
  ['GET', /^\/api\/detector\/[^/]+\/?$/],
  ['POST', /^\/api\/detector\/[^/]+\/findings\/?$/],
  ['POST', /^\/api\/detector\/[^/]+\/findings\/get\/?$/],
  ['POST', /^\/api\/detector\/[^/]+\/findings\/statistics\/?$/],
];
const WRITE_PATHS = /^\/api\/detector\/[^/]+\/findings\/(archive|unarchive|feedback|create)\/?$/;

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32, shared with the emulator).

/** The emulator's seeded PRNG, plus the two draws only the fuzz test needs. */
class Rng extends Random {
  /** One of `[weight, item]` pairs, by weight. */
  weightedPick<T>(items: readonly [number, T][]): T {
    let x = this.next() * items.reduce((n, [w]) => n + w, 0);
    for (const [w, item] of items) if ((x -= w) < 0) return item;
    return items[items.length - 1][1];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += Math.floor(this.next() * 2 ** 32).toString(16).padStart(8, '0');
    return s.slice(0, n);
  }
  alnum(n: number): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return Array.from({ length: n }, () => chars[this.int(0, chars.length - 1)]).join('');
  }
  /** Any string JSON can carry: quotes, backslashes, NUL and control characters, RTL overrides, emoji, lone surrogates. */
  weird(max: number): string {
    const pieces = ['a', 'Z', '7', ' ', '"', '\\', '/', '\u0000', '\u0001', '\u001f', '\u007f', 'é', '\u202e', '\u2028', '\ufeff', '😀', '\ud800', '<script>', '../', '%00', '${x}', "'", '\n', '\t', 'ǅ', '中'];
    let s = '';
    for (let n = this.int(1, 12); n > 0; n--) s += this.pick(pieces);
    return s.slice(0, max) || 'x';
  }
}

// ---------------------------------------------------------------------------------------------
// Cases.

type Source = 'demo' | 'aws';

interface Ctx {
  source: Source;
  port: number;
  host: string;
  /** What every request carries unless the case is about it (the aws app requires the token). */
  auth: Record<string, string>;
}

type Send = { http: RawRequest } | { bytes: string | Buffer };

type Expect =
  /** Structurally valid: aws forwards exactly `upstream`; demo answers 200 (400 NoSuchEntity for a detector it does not own). */
  | { kind: 'valid'; upstream: { method: string; url: string; body: Buffer }; ownedDetector: boolean }
  /** A documented refusal with one of these statuses (and, under /api, these error types). */
  | { kind: 'refused'; statuses: number[]; types?: ErrorType[] }
  /** Static files: a file of dist/ or a refusal. */
  | { kind: 'static' }
  /** Refused by the HTTP parser or adapter: a 400 with nothing, or a documented error. */
  | { kind: 'malformed'; statuses: number[] };

interface Case {
  /** The generator that made it. */
  category?: string;
  label: string;
  send: Send;
  expect: Expect;
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8'];
const BAD_TYPES = ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', 'application/xml', 'application/jsonx', 'application/json5', 'json', '*/*', 'text/html'];

const RAW = Symbol('raw JSON text');
type RawJson = { [RAW]: string };
const rawJson = (text: string): RawJson => ({ [RAW]: text });

/** JSON.stringify, except values made with rawJson() are written as given (1e400, -0.5, …). */
function stringify(value: unknown, indent?: number | string): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && RAW in v) {
      raws.push((v as RawJson)[RAW]);
      return `@@RAW${raws.length - 1}@@`;
    }
    return v;
  }, indent);
  return text.replace(/"@@RAW(\d+)@@"/g, (_m, i: string) => raws[Number(i)]);
}

const api = (path: string) => `/api${path}`;

function detectorFor(r: Rng): { id: string; owned: boolean } {
  // The 10,000-finding detector sometimes: the emulator sorts and filters all of it.
  if (r.chance(0.85)) return { id: r.chance(0.9) ? DEMO_DETECTOR_ID : SCALE_DETECTOR_ID, owned: true };
  return { id: r.alnum(r.pick([1, 32, 300])), owned: false };
}

// --- valid bodies --------------------------------------------------------------------------------

function validCondition(r: Rng): Record<string, unknown> {
  const ops = r.shuffle(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'equals', 'notEquals', 'greaterThan', 'greaterThanOrEqual', 'lessThan', 'lessThanOrEqual', 'matches', 'notMatches']);
  const condition: Record<string, unknown> = {};
  for (const op of ops.slice(0, r.int(1, 2))) {
    condition[op] = /^(eq|neq|equals|notEquals|matches|notMatches)$/.test(op)
      ? Array.from({ length: r.int(0, 5) }, () => (r.chance(0.5) ? r.weird(512) : String(r.int(0, 10))))
      : r.pick([0, 4, 7, 1_700_000_000_000, -1, Number.MAX_SAFE_INTEGER]);
  }
  return condition;
}

function validCriteria(r: Rng): Record<string, unknown> {
  if (r.chance(0.1)) return {};
  const criterion: Record<string, unknown> = {};
  const common = ['severity', 'service.archived', 'type', 'updatedAt', 'region', 'resource.resourceType', 'service.action.networkConnectionAction.remoteIpDetails.country.countryName'];
  for (let n = r.int(0, 4); n > 0; n--) criterion[r.chance(0.6) ? r.pick(common) : r.pick(FILTER_ATTRIBUTES)] = validCondition(r);
  return { criterion };
}

/** Both members are optional in the model's SortCriteria. */
const validSort = (r: Rng) => ({
  ...(r.chance(0.9) ? { attributeName: r.pick(SORT_ATTRIBUTE_NAMES) } : {}),
  ...(r.chance(0.8) ? { orderBy: r.pick(['ASC', 'DESC']) } : {}),
});

type PostOp = 'ListFindings' | 'GetFindings' | 'GetFindingsStatistics';
const POST_SUFFIX: Record<PostOp, string> = { ListFindings: '/findings', GetFindings: '/findings/get', GetFindingsStatistics: '/findings/statistics' };

function validBody(r: Rng, op: PostOp, ctx: Ctx): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  switch (op) {
    case 'ListFindings':
      if (r.chance(0.6)) body.findingCriteria = validCriteria(r);
      if (r.chance(0.6)) body.sortCriteria = validSort(r);
      if (r.chance(0.6)) body.maxResults = r.int(1, 50);
      // The emulator refuses tokens it did not issue; to AWS any short string is well-formed.
      if (r.chance(0.3)) body.nextToken = ctx.source === 'aws' ? r.pick([null, '', r.weird(100)]) : r.pick([null, '']);
      break;
    case 'GetFindings':
      body.findingIds = Array.from({ length: r.pick([0, 1, 3, 50]) }, () => (r.chance(0.8) ? r.hex(32) : r.weird(300)));
      if (r.chance(0.3)) body.sortCriteria = validSort(r);
      break;
    case 'GetFindingsStatistics':
      // AWS requires one of the two: the current groupBy (orderBy ASC|DESC, maxResults 1-100), or the deprecated findingStatisticTypes.
      if (r.chance(0.5)) {
        body.groupBy = r.pick(['ACCOUNT', 'DATE', 'FINDING_TYPE', 'RESOURCE', 'SEVERITY']);
        if (r.chance(0.5)) body.orderBy = r.pick(['ASC', 'DESC']);
        if (r.chance(0.5)) body.maxResults = r.int(1, 100);
      } else {
        body.findingStatisticTypes = ['COUNT_BY_SEVERITY'];
      }
      if (r.chance(0.5)) body.findingCriteria = validCriteria(r);
      break;
  }
  return body;
}

const serialize = (r: Rng, body: unknown) => `${r.pick(['', ' ', '\n'])}${stringify(body, r.pick([undefined, 1, '\t']))}${r.pick(['', '\n', ' \r\n'])}`;

function validCase(r: Rng, ctx: Ctx): Case {
  const { id, owned } = detectorFor(r);
  const slash = r.chance(0.1) ? '/' : '';
  const op = r.weightedPick<'ListDetectors' | 'GetDetector' | PostOp>([[1, 'ListDetectors'], [1, 'GetDetector'], [4, 'ListFindings'], [3, 'GetFindings'], [2, 'GetFindingsStatistics']]);
  if (op === 'ListDetectors' || op === 'GetDetector') {
    const query = op === 'ListDetectors' && r.chance(0.6) ? `?maxResults=${r.int(1, 50)}${ctx.source === 'aws' && r.chance(0.3) ? `&nextToken=${r.alnum(20)}` : ''}` : '';
    const path = op === 'ListDetectors' ? `/detector${slash}` : `/detector/${id}${slash}`;
    return {
      label: `valid ${op}`,
      send: { http: { method: 'GET', path: api(path) + query, headers: { ...ctx.auth } } },
      expect: { kind: 'valid', upstream: { method: 'GET', url: FAKE_BASE + path + query, body: Buffer.alloc(0) }, ownedDetector: op === 'ListDetectors' || owned },
    };
  }
  const path = `/detector/${id}${POST_SUFFIX[op]}${slash}`;
  // No body at all is an empty request: valid for ListFindings only (GetFindings needs findingIds, statistics groupBy or findingStatisticTypes).
  const text = op === 'ListFindings' && r.chance(0.05) ? '' : serialize(r, validBody(r, op, ctx));
  // A query on a POST operation is not part of it: not forwarded.
  const query = r.chance(0.05) ? `?ignored=${r.alnum(4)}` : '';
  return {
    label: `valid ${op}`,
    send: { http: { method: 'POST', path: api(path) + query, body: text, headers: { ...ctx.auth, 'content-type': r.pick(JSON_TYPES) } } },
    expect: { kind: 'valid', upstream: { method: 'POST', url: FAKE_BASE + path, body: Buffer.from(text) }, ownedDetector: owned },
  };
}

// --- invalid bodies ------------------------------------------------------------------------------
// JSON null on an optional member is the member left out (AWS's JSON protocols), so it is no wrong type;
// SortCriteria.attributeName and nextToken are plain Strings in the model, so any string is well-formed.

const BAD_MAX_RESULTS: unknown[] = ['5', 0, 51, 1.5, -1, true, [], {}, 1e21, rawJson('1e400'), rawJson('-0.5'), 2 ** 53, '', 'NaN'];
const BAD_NEXT_TOKEN: unknown[] = [5, true, [], {}, { token: 'x' }];
const BAD_SORT: unknown[] = [
  'severity', [], 5, { attributeName: 'severity', orderBy: 'desc' }, { attributeName: 'severity', orderBy: 1 }, { orderBy: 'ASCENDING' },
  { attributeName: 'severity', extra: 1 }, { attributeName: 5 }, { attributeName: ['severity'] }, { attributeName: null, AttributeName: 'severity' },
];
const BAD_CONDITIONS: unknown[] = [
  {}, { eq: 'x' }, { eq: [1] }, { eq: [null] }, { eq: [['x']] }, { eq: Array.from({ length: 51 }, (_, i) => String(i)) }, { eq: ['x'.repeat(513)] },
  { gt: '5' }, { gt: 1.5 }, { gt: null }, { gt: [1] }, { gte: true }, { lt: {} }, { lte: rawJson('1e400') }, { foo: ['x'] }, { eq: ['a'], extra: 1 },
  { EQ: ['x'] }, null, [], 'x', 5, { eq: undefined }, { greaterThan: '1' }, { matches: 'x' }, JSON.parse('{"__proto__":{"eq":["x"]}}'),
];
const BAD_CRITERIA: unknown[] = [[], 'x', 1, { criterion: [] }, { criterion: 'x' }, { criterion: {}, extra: 1 }, { Criterion: {} }, { criterion: { severity: {} } }];
const UNKNOWN_ATTRIBUTES = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '', ' ', 'severityy', 'SEVERITY', ' severity', 'severity ', 'Severity',
  'service.unknown', 'service.archived.x', 'resource', 'service', 'sevérité', 'a\u0000b', 'severity\u0000', '😀', '..', 'resource.instanceDetails', 'findingType',
];
const BAD_FINDING_IDS: unknown[] = [null, 'id', 5, {}, [1], [''], ['x'.repeat(301)], Array.from({ length: 51 }, (_, i) => `id${i}`), [null], [[]], [{}], true];
const BAD_STAT_TYPES: unknown[] = [['COUNT_BY_TYPE'], 'COUNT_BY_SEVERITY', [1], Array(11).fill('COUNT_BY_SEVERITY'), ['count_by_severity'], [['COUNT_BY_SEVERITY']]];
const UNKNOWN_FIELDS = ['FindingIds', 'findingids', 'x', '__proto__', 'constructor', '', ' maxResults', 'maxResults\u0000', 'détecteur', 'detectorId', 'MaxResults'];

const BAD_JSON = [
  '{', '}', '[', '"', 'tru', '{"maxResults":}', '{"maxResults":5,}', "{'maxResults':5}", '{maxResults:5}', '{"maxResults":5}}', '{"maxResults":5} x',
  '{"a":1}{"b":2}', 'NaN', '{"maxResults":NaN}', '{"maxResults":Infinity}', '{"maxResults":0x10}', '{"maxResults":05}', '{"x":"\\u12"}',
  '{"x":"a\u0000b"}', '{"x":"\n"}', '/* c */{}', '{}//', '\u0000{}', '{"x":undefined}', '{"findingIds":["a",]}', '{"a" 1}', '{{{{{{{{', '\u00a0{}',
];
const NOT_AN_OBJECT = ['[]', '"str"', '1', 'null', 'true', '[{}]', '-0', '""'];

let huge: string[] | undefined;
/** 10,000 ids, 10,000 criterion values, 10,000 unknown fields: well under 1 MiB, still refused. Built once. */
function hugeBodies(): string[] {
  const ids = Array.from({ length: 10_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(16).padStart(32, '0'));
  return (huge ??= [
    JSON.stringify({ findingIds: ids }),
    JSON.stringify({ findingCriteria: { criterion: { id: { eq: ids } } } }),
    JSON.stringify(Object.fromEntries(ids.map((x) => [x, 1]))),
  ]);
}

/** Bytes that are not UTF-8 JSON: invalid UTF-8 inside a string, overlong and surrogate encodings, a BOM, UTF-16. */
function badBytes(r: Rng, text: string): Buffer {
  const at = Math.max(1, text.indexOf('"') + 1);
  const insert = r.pick([[0xff], [0xc0, 0xae], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
  return r.weightedPick<Buffer>([
    [4, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(insert), Buffer.from(text.slice(at))])],
    [1, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    [1, Buffer.from(text, 'utf16le')],
  ]);
}

/** Sets a dotted path (creating objects on the way); undefined deletes. */
function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else Object.defineProperty(at, last, { value, enumerable: true, writable: true, configurable: true });
}

/** One field of one operation's body set to a wrong type or value. Every mutation here is invalid by the GuardDuty model. */
function mutateField(r: Rng, op: PostOp, ctx: Ctx): { label: string; body: Record<string, unknown> } {
  const body = validBody(r, op, ctx);
  const criteriaField = (): [string, unknown[]] => {
    const attr = r.pick(['severity', 'type', 'updatedAt', 'service.archived']);
    return r.weightedPick<[string, unknown[]]>([
      [2, ['findingCriteria', BAD_CRITERIA]],
      [4, [`findingCriteria.criterion.${attr}`, BAD_CONDITIONS]],
      [1, ['findingCriteria.criterion', [Object.fromEntries(FILTER_ATTRIBUTES.slice(0, 51).map((a) => [a, { eq: ['x'] }]))]]],
    ]);
  };
  const fields = ((): [string, unknown[]][] => {
    switch (op) {
      case 'ListFindings':
        return [['maxResults', BAD_MAX_RESULTS], ['nextToken', BAD_NEXT_TOKEN], ['sortCriteria', BAD_SORT], criteriaField()];
      case 'GetFindings':
        return [['findingIds', [...BAD_FINDING_IDS, undefined]], ['sortCriteria', BAD_SORT]];
      case 'GetFindingsStatistics':
        return [
          ['findingStatisticTypes', BAD_STAT_TYPES],
          ['groupBy', ['X', 1, 'severity', [], 'TYPE']],
          ['orderBy', ['x', 1, 'asc', 'COUNT', 'SEVERITY']],
          ['maxResults', [0, 101, '5', 1.5]],
          // Neither groupBy nor findingStatisticTypes.
          ['groupBy+findingStatisticTypes', [undefined]],
          criteriaField(),
        ];
    }
  })();
  const [field, values] = r.pick(fields);
  if (field === 'groupBy+findingStatisticTypes') {
    for (const key of ['groupBy', 'findingStatisticTypes', 'orderBy', 'maxResults']) delete body[key];
    return { label: `${op} without groupBy or findingStatisticTypes`, body };
  }
  // Attribute names keep their dots: they are one key of `criterion`.
  const path = field.startsWith('findingCriteria.criterion.') ? ['findingCriteria', 'criterion', field.slice('findingCriteria.criterion.'.length)] : field.split('.');
  if (path.length === 3) body.findingCriteria = { criterion: {} };
  setPath(body, path, r.pick(values));
  if (op === 'GetFindings' && field !== 'findingIds') body.findingIds ??= [];
  return { label: `${op} ${field}`, body };
}

function invalidBodyCase(r: Rng, ctx: Ctx): Case {
  const op = r.pick<PostOp>(['ListFindings', 'GetFindings', 'GetFindingsStatistics']);
  const { id } = detectorFor(r);
  const path = api(`/detector/${id}${POST_SUFFIX[op]}`);
  const kind = r.weightedPick<string>([[10, 'field'], [3, 'unknownAttribute'], [2, 'unknownField'], [2, 'badJson'], [1, 'truncated'], [1, 'notObject'], [2, 'badBytes'], [2, 'huge'], [1, 'deep']]);
  let label = `${op} ${kind}`;
  let body: string | Buffer;
  switch (kind) {
    case 'field': {
      const m = mutateField(r, op, ctx);
      label = `wrong type: ${m.label}`;
      body = stringify(m.body);
      break;
    }
    case 'unknownAttribute': {
      const b = validBody(r, op === 'GetFindings' ? 'ListFindings' : op, ctx);
      const name = r.chance(0.8) ? r.pick(UNKNOWN_ATTRIBUTES) : `x.${r.weird(20)}`;
      const criterion = { ...((b.findingCriteria as { criterion?: object } | undefined)?.criterion ?? {}) };
      Object.defineProperty(criterion, name, { value: validCondition(r), enumerable: true });
      b.findingCriteria = { criterion };
      body = stringify(b);
      label = `${op === 'GetFindings' ? 'ListFindings' : op} unknown attribute ${JSON.stringify(name)}`;
      return post(op === 'GetFindings' ? api(`/detector/${id}/findings`) : path, body, label, ctx);
    }
    case 'unknownField': {
      const b = validBody(r, op, ctx);
      Object.defineProperty(b, r.pick(UNKNOWN_FIELDS), { value: r.pick([1, 'x', null, {}, []]), enumerable: true });
      body = stringify(b);
      break;
    }
    case 'badJson':
      body = r.pick(BAD_JSON);
      break;
    case 'truncated': {
      const text = stringify(validBody(r, op, ctx));
      body = text.slice(0, r.int(1, text.length - 1));
      break;
    }
    case 'notObject':
      body = r.pick(NOT_AN_OBJECT);
      break;
    case 'badBytes':
      body = badBytes(r, stringify({ ...validBody(r, op, ctx), ...(op === 'GetFindings' ? { findingIds: ['x'] } : { maxResults: 5 }) }));
      break;
    case 'huge':
      body = r.weightedPick(hugeBodies().map((text, i): [number, string] => [i === 0 ? 2 : 1, text]));
      label = `${op} huge`;
      break;
    default: {
      // Deep nesting, at the top, in a string list, and in a sort criterion.
      const depth = r.pick([100, 10_000, 100_000]);
      const nest = (open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);
      body = r.pick([
        `{"x":${nest('[', ']')}}`,
        `{"x":${nest('{"a":', '}')}}`,
        `{"findingIds":${nest('[', ']', '"x"')}}`,
        `{"findingCriteria":{"criterion":{"severity":{"eq":${nest('[', ']', '"4"')}}}}}`,
        `{"sortCriteria":{"attributeName":${nest('{"a":', '}')}}}`,
        nest('[', ']'),
      ]);
      label = `${op} nested ${depth}`;
    }
  }
  return post(path, body, label, ctx);
}

const post = (path: string, body: string | Buffer, label: string, ctx: Ctx, statuses = [400]): Case => ({
  label,
  send: { http: { method: 'POST', path, body, headers: { ...ctx.auth, 'content-type': 'application/json' } } },
  expect: { kind: 'refused', statuses, types: ['InvalidInputException'] },
});

function invalidQueryCase(r: Rng, ctx: Ctx): Case {
  const query = r.pick([
    'maxResults=abc', 'maxResults=0', 'maxResults=51', 'maxResults=1.5', 'maxResults=', 'maxResults=%20', 'maxResults=1e2', 'foo=1', 'MaxResults=5',
    'maxResults=5&maxResults=abc', 'maxResults=0x10', 'maxResults=+5', 'maxResults=-1', 'maxResults=%00', 'token=x', 'nextToken=a&x=%C3%BC',
  ]);
  return {
    label: `ListDetectors ?${query.slice(0, 40)}`,
    send: { http: { method: 'GET', path: api(`/detector?${query}`), headers: { ...ctx.auth } } },
    expect: { kind: 'refused', statuses: [400], types: ['InvalidInputException'] },
  };
}

function badDetectorIdCase(r: Rng, ctx: Ctx): Case {
  const id = r.pick(['x'.repeat(301), 'abc-def', 'abc_def', 'a.b', '%00', '%C3%BC', 'a%2Fb', '%252e', '%20', '%', '%E0%A4%A', 'ü', 'a%3Bb', '$', "'", '%22']);
  const encodedId = encodeURI(id).replace(/%25/g, '%');
  const op = r.pick(['', '/findings', '/findings/get', '/findings/statistics']);
  const method = op === '' ? 'GET' : 'POST';
  return {
    label: `detectorId ${JSON.stringify(id.slice(0, 20))}${op}`,
    send: { http: { method, path: api(`/detector/${encodedId}${op}`), body: method === 'POST' ? '{"findingIds":[]}' : undefined, headers: { ...ctx.auth, 'content-type': 'application/json' } } },
    expect: { kind: 'refused', statuses: [400], types: ['InvalidInputException'] },
  };
}

// --- paths, methods, write operations --------------------------------------------------------------

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD', 'PROPFIND', 'PURGE'];
const SEGMENTS = ['findings', 'get', 'statistics', 'archive', 'unarchive', 'feedback', 'create', 'members', 'filter', 'ipset', 'threatintelset', 'publishingDestination', 'malware-scan', 'coverage', 'usage', 'administrator', 'master', 'invitation', 'x', 'GET', 'Findings', 'detector'];

function expectedForPath(method: string, path: string): number {
  if (WRITE_PATHS.test(path)) return 405;
  const at = ROUTES.filter(([, re]) => re.test(path));
  if (at.length === 0) return 404;
  return at.some(([m]) => m === method) ? 0 : 405;
}

function pathCase(r: Rng, ctx: Ctx): Case {
  const { id } = detectorFor(r);
  for (;;) {
    const method = r.pick(METHODS);
    const path = r.weightedPick<string>([
      [3, `/api/detector/${id}/${Array.from({ length: r.int(1, 3) }, () => r.pick(SEGMENTS)).join('/')}`],
      [2, `/api/detector/${id}${r.pick(['', '/findings', '/findings/get', '/findings/statistics'])}`],
      [1, '/api/detector'],
      [1, `/api/${r.pick(['detectors', 'admin', 'organization/admin', 'findings', 'detector/', 'v1/detector', 'Detector', '', 'healthz'])}`],
    ]);
    const status = expectedForPath(method, path);
    if (status === 0) continue;
    const withBody = method !== 'GET' && method !== 'HEAD' && method !== 'TRACE' && r.chance(0.5);
    return {
      label: `${method} ${path.slice(0, 80)}`,
      send: { http: { method, path, body: withBody ? '{"findingIds":["x"]}' : undefined, headers: { ...ctx.auth, ...(withBody ? { 'content-type': 'application/json' } : {}) } } },
      expect: { kind: 'refused', statuses: [status], types: ['UnsupportedOperationException'] },
    };
  }
}

/** GuardDuty's write operations, as the AWS SDK would send them, and a few disguises. */
function writeCase(r: Rng, ctx: Ctx): Case {
  const { id } = detectorFor(r);
  const ids = ['9cb0be64df8ba1df249c45eb8a0bf584'];
  const [method, path, body] = r.pick<[string, string, unknown]>([
    ['POST', `/detector/${id}/findings/archive`, { findingIds: ids }],
    ['POST', `/detector/${id}/findings/unarchive`, { findingIds: ids }],
    ['POST', `/detector/${id}/findings/feedback`, { findingIds: ids, feedback: 'USEFUL', comments: 'x' }],
    ['POST', `/detector/${id}/findings/create`, { findingTypes: ['Recon:EC2/PortProbeUnprotectedPort'] }],
    ['DELETE', `/detector/${id}`, undefined],
    ['POST', `/detector/${id}`, { enable: false }],
    ['POST', '/detector', { enable: true }],
    ['POST', `/detector/${id}/filter`, { name: 'x', action: 'ARCHIVE', findingCriteria: {} }],
    ['DELETE', `/detector/${id}/filter/x`, undefined],
    ['POST', `/detector/${id}/ipset`, { name: 'x', format: 'TXT', location: 'https://evil.example/x', activate: true }],
    ['POST', `/detector/${id}/member`, { accountDetails: [] }],
    ['POST', `/detector/${id}/member/delete`, { accountIds: ['123456789012'] }],
    ['POST', `/detector/${id}/findings/archive/`, { findingIds: ids }],
    ['POST', `/detector/${id}/findings/%61rchive`, { findingIds: ids }],
    ['POST', `/detector/${id}/findings/get/../archive`, { findingIds: ids }],
    ['POST', `/detector/${id}/findings/./unarchive`, { findingIds: ids }],
    ['PUT', `/detector/${id}/findings/archive`, { findingIds: ids }],
    ['POST', `/detector/${id}/findings/ARCHIVE`, { findingIds: ids }],
    ['POST', `/detector/${id}/findings/get%2F..%2Farchive`, { findingIds: ids }],
    ['POST', `/detector/${id}/findings/get;/../archive`, { findingIds: ids }],
  ]);
  return {
    label: `write ${method} ${path.slice(0, 80)}`,
    send: { http: { method, path: api(path), body: body === undefined ? undefined : JSON.stringify(body), headers: { ...ctx.auth, 'content-type': 'application/json' } } },
    expect: { kind: 'refused', statuses: [404, 405], types: ['UnsupportedOperationException'] },
  };
}

// --- static traversal ------------------------------------------------------------------------------

const DOTDOTS = [
  '../', '..%2f', '%2e%2e/', '%2e%2e%2f', '..%2F', '%2E%2E%2F', '%252e%252e%252f', '..\\', '..%5c', '%2e%2e%5c', '..%255c', '%c0%ae%c0%ae/',
  '.%2e/', '%2e./', '....//', '..;/', '..%00/', '..%c0%af', '..././', '%u002e%u002e/', '.%252e/', '..%ef%bc%8f', '%2e%2e%c0%af',
];
const TARGETS = ['secret.txt', 'package.json', 'work/main/package.json', 'etc/passwd', 'proc/self/environ', 'dist/../secret.txt', 'index.html%00.txt', '.env', 'secret.txt%00.js', 'secret.txt\\', 'etc%2fpasswd'];
const STATIC_ODDITIES = [
  '/etc/passwd', '//etc/passwd', '/%2fetc%2fpasswd', '/..', '/.', '/%00', '/index.html%00', '/assets%00/x', '/.env', '/%2e%65nv', '/assets/.%2e/secret.txt',
  '/assets/index-abc123.js%00', '/assets/index-abc123.js/', '/assets//index-abc123.js', '/%5c..%5csecret.txt', '/.git/config', '/index.html/..%2f..%2fsecret.txt',
  '/node_modules/.package-lock.json', '/../../../../../../../../etc/passwd', '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd', '/assets/%2e%2e/%2e%2e/secret.txt',
];

function staticCase(r: Rng, ctx: Ctx): Case {
  for (;;) {
    const path = r.chance(0.2)
      ? r.pick(STATIC_ODDITIES)
      : `${r.pick(['/', '/assets/', '/assets/x/', '//', '/findings/', '/favicon.svg/'])}${r.pick(DOTDOTS).repeat(r.int(1, 8))}${r.pick(TARGETS)}`;
    // Not about /api or /healthz: a traversal that normalises to them is another category.
    const normalised = new URL(`http://x${path.replace(/\\/g, '/')}`).pathname;
    if (normalised.startsWith('/api') || normalised.startsWith('/healthz')) continue;
    const accept = r.pick([undefined, 'text/html,*/*', '*/*', 'application/json']);
    return {
      label: `static ${path.slice(0, 100)}`,
      send: { http: { method: r.pick(['GET', 'GET', 'HEAD']), path, headers: { ...ctx.auth, ...(accept ? { accept } : {}) } } },
      expect: { kind: 'static' },
    };
  }
}

// --- size, content type, origin, host, token -----------------------------------------------------

function oversizedCase(r: Rng, ctx: Ctx): Case {
  const { id } = detectorFor(r);
  const op = r.pick<PostOp>(['ListFindings', 'GetFindings', 'GetFindingsStatistics']);
  const path = api(`/detector/${id}${POST_SUFFIX[op]}`);
  const big = (bytes: number) => `{"findingIds":[]${' '.repeat(bytes - 17)}}`;
  const variant = r.pick(['withLength', 'chunked', 'lyingLength', 'badType', 'writeOp', 'static']);
  const body = big(MIB + r.pick([1, 1000, 64 * 1024]));
  const headers = { ...ctx.auth, 'content-type': 'application/json' };
  const request: RawRequest = { method: 'POST', path, body, headers };
  let statuses = [413];
  if (variant === 'chunked') request.chunked = true;
  if (variant === 'lyingLength') {
    request.body = '{"findingIds":[]}';
    request.headers = { ...headers, 'content-length': String(r.pick([MIB + 1, 10 * MIB, 2 ** 40])) };
  }
  if (variant === 'badType') {
    request.headers = { ...headers, 'content-type': 'text/plain' };
    statuses = [413, 415];
  }
  if (variant === 'writeOp' || variant === 'static') {
    request.path = variant === 'static' ? '/index.html' : api(`/detector/${id}/findings/archive`);
    statuses = [405];
  }
  return { label: `oversized ${variant} ${op}`, send: { http: request }, expect: { kind: 'refused', statuses, types: ['InvalidInputException', 'UnsupportedOperationException'] } };
}

/** Exactly 1 MiB is allowed. */
function exactlyOneMiBCase(ctx: Ctx): Case {
  const path = `/detector/${DEMO_DETECTOR_ID}/findings`;
  const text = `{"maxResults":5${' '.repeat(MIB - 16)}}`;
  return {
    label: 'valid ListFindings of exactly 1 MiB',
    send: { http: { method: 'POST', path: api(path), body: text, headers: { ...ctx.auth, 'content-type': 'application/json' } } },
    expect: { kind: 'valid', upstream: { method: 'POST', url: FAKE_BASE + path, body: Buffer.from(text) }, ownedDetector: true },
  };
}

function contentTypeCase(r: Rng, ctx: Ctx): Case {
  const op = r.pick<PostOp>(['ListFindings', 'GetFindings', 'GetFindingsStatistics']);
  const { id } = detectorFor(r);
  const type = r.chance(0.1) ? undefined : r.pick(BAD_TYPES);
  return {
    label: `${op} content-type ${type ?? '(none)'}`,
    send: { http: { method: 'POST', path: api(`/detector/${id}${POST_SUFFIX[op]}`), body: stringify(validBody(r, op, ctx)), headers: { ...ctx.auth, ...(type ? { 'content-type': type } : {}) } } },
    expect: { kind: 'refused', statuses: [415], types: ['InvalidInputException'] },
  };
}

/** Otherwise valid requests (so a broken guard would forward them) from somewhere else. */
function foreignCase(r: Rng, ctx: Ctx): Case {
  const base = r.chance(0.7) ? validCase(r, ctx) : staticCase(r, ctx);
  const request = { ...(base.send as { http: RawRequest }).http };
  const kind = r.pick(['origin', 'host', 'site']);
  let statuses = [403];
  if (kind === 'origin') {
    const origin = r.pick(['http://evil.example', 'null', `http://127.0.0.1:${ctx.port + 1}`, `https://${ctx.host}`, `http://localhost:${ctx.port}`, 'http://127.0.0.1', '', `http://${ctx.host}.evil.example`, `http://${ctx.host}/`]);
    request.headers = { ...request.headers, origin };
  } else if (kind === 'host') {
    const host = r.pick(['evil.example', `evil.example:${ctx.port}`, `localhost.evil.example:${ctx.port}`, `127.0.0.1.nip.io:${ctx.port}`, '10.0.0.1', '[::2]', '0.0.0.0', `127.0.0.2:${ctx.port}`, 'LOCALHOST.', `localhost:${ctx.port}@evil.example`, `evil.example\\@127.0.0.1`, 'xn--lcalhost-9za']);
    request.headers = { ...request.headers, host };
    statuses = [400, 403];
  } else {
    request.headers = { ...request.headers, 'sec-fetch-site': r.pick(['cross-site', 'same-site', 'CROSS-SITE', 'garbage', '']) };
  }
  // A backslash in the path is refused as malformed before anything else is looked at.
  if (request.path.includes('\\')) statuses = [...statuses, 400];
  return { label: `foreign ${kind}: ${base.label}`, send: { http: request }, expect: { kind: 'refused', statuses, types: ['AccessDeniedException', 'InvalidInputException'] } };
}

/** The aws app requires the token: without it, or with another, nothing is read or forwarded. */
function authCase(r: Rng, ctx: Ctx): Case {
  const base = r.chance(0.8) ? validCase(r, ctx) : staticCase(r, ctx);
  const request = { ...(base.send as { http: RawRequest }).http };
  const headers = { ...request.headers };
  delete headers.authorization;
  const variant = r.pick<Record<string, string>>([{}, { authorization: 'Bearer wrong-token-0123456789abcdef' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` }, { cookie: 'fa_session=forged' }, { authorization: 'Bearer ' }]);
  request.headers = { ...headers, ...variant };
  const statuses = request.path.includes('\\') ? [400, 401] : [401];
  return { label: `no token ${JSON.stringify(variant).slice(0, 40)}: ${base.label}`, send: { http: request }, expect: { kind: 'refused', statuses, types: ['AccessDeniedException', 'InvalidInputException'] } };
}

/** Bytes the node:http client would not even send. */
function malformedCase(r: Rng, ctx: Ctx): Case {
  const auth = Object.entries(ctx.auth).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const host = `Host: ${ctx.host}\r\n`;
  const d = DEMO_DETECTOR_ID;
  const [label, bytes, statuses] = r.pick<[string, string | Buffer, number[]]>([
    ['NUL in an /api path', `GET /api/detector/\0 HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['NUL in a static path', `GET /..\0/secret.txt HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['control character in the path', `GET /api/detector/\x01\x1b HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['raw UTF-8 in the path', Buffer.from(`GET /api/detector/${d}ü HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`), [400]],
    ['space in the path', `GET /api/detector /x HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['NUL in a header', `GET /api/detector HTTP/1.1\r\n${host}${auth}X-A: a\0b\r\nConnection: close\r\n\r\n`, [400]],
    ['control character in Content-Type', `POST /api/detector/${d}/findings HTTP/1.1\r\n${host}${auth}Content-Type: application/json\x01\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`, [400]],
    ['Content-Length: abc', `POST /api/detector/${d}/findings HTTP/1.1\r\n${host}${auth}Content-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}`, [400]],
    ['Content-Length: -1', `POST /api/detector/${d}/findings HTTP/1.1\r\n${host}${auth}Content-Type: application/json\r\nContent-Length: -1\r\nConnection: close\r\n\r\n{}`, [400]],
    ['two Content-Lengths', `POST /api/detector/${d}/findings HTTP/1.1\r\n${host}${auth}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{}`, [400]],
    ['Content-Length with Transfer-Encoding', `POST /api/detector/${d}/findings HTTP/1.1\r\n${host}${auth}Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n`, [400]],
    ['bad chunk size', `POST /api/detector/${d}/findings HTTP/1.1\r\n${host}${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, [400]],
    ['no Host', `GET /api/detector HTTP/1.1\r\n${auth}Connection: close\r\n\r\n`, [400]],
    ['HTTP/1.0 without Host', `GET /api/detector HTTP/1.0\r\n${auth}\r\n`, [400, 403]],
    ['unknown method', `FOO /api/detector HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['lower-case method', `get /api/detector HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['empty Host', `GET /api/detector HTTP/1.1\r\nHost: \r\n${auth}Connection: close\r\n\r\n`, [400, 403]],
    ['Host with a path', `GET /api/detector HTTP/1.1\r\nHost: 127.0.0.1/evil\r\n${auth}Connection: close\r\n\r\n`, [400, 403]],
    ['two Host headers', `GET /api/detector HTTP/1.1\r\nHost: evil.example\r\n${host}${auth}Connection: close\r\n\r\n`, [400, 403]],
    ['backslash path', `GET /api\\detector HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['backslash traversal', `GET /..\\..\\..\\etc\\passwd HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['absolute-form with a foreign authority', `GET http://evil.example/api/detector HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [403]],
    ['absolute-form traversal', `GET http://${ctx.host}/../../etc/passwd HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [404]],
    ['OPTIONS *', `OPTIONS * HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, [400]],
    ['header without a colon', `GET /api/detector HTTP/1.1\r\n${host}${auth}NoColonHere\r\nConnection: close\r\n\r\n`, [400]],
  ]);
  return { label: `malformed: ${label}`, send: { bytes }, expect: { kind: 'malformed', statuses } };
}

function healthCase(r: Rng, ctx: Ctx): Case {
  const method = r.pick(['GET', 'HEAD', 'POST', 'DELETE']);
  return {
    label: `${method} /healthz`,
    send: { http: { method, path: r.pick(['/healthz', '/healthz?x=1', '/healthz/']), headers: { ...ctx.auth } } },
    expect: { kind: 'static' },
  };
}

function generate(ctx: Ctx, count: number, seed: number): Case[] {
  const r = new Rng(seed ^ (ctx.source === 'aws' ? 0x9e3779b9 : 0));
  const categories: [number, (r: Rng, ctx: Ctx) => Case][] = [
    [22, validCase],
    [22, invalidBodyCase],
    [3, invalidQueryCase],
    [3, badDetectorIdCase],
    [9, pathCase],
    [7, writeCase],
    [12, staticCase],
    [2.5, oversizedCase],
    [4, contentTypeCase],
    [6, foreignCase],
    [ctx.source === 'aws' ? 3 : 0, authCase],
    [4, malformedCase],
    [1, healthCase],
  ];
  const cases = [exactlyOneMiBCase(ctx)];
  while (cases.length < count) {
    const make = r.weightedPick(categories);
    cases.push({ ...make(r, ctx), category: make.name });
  }
  return cases;
}

/** The generators that can run for this source. */
const categoriesFor = (source: Source) => [validCase, invalidBodyCase, invalidQueryCase, badDetectorIdCase, pathCase, writeCase, staticCase, oversizedCase, contentTypeCase, foreignCase, malformedCase, healthCase, ...(source === 'aws' ? [authCase] : [])].map((f) => f.name);

// ---------------------------------------------------------------------------------------------
// Running and checking.

/** What the server routes on: the target after URL normalisation (dot segments, %2e). */
function isApiTarget(target: string): boolean {
  let path: string;
  try {
    path = /^https?:\/\//i.test(target) ? new URL(target).pathname : new URL(`http://x${target.split(/[?#]/)[0]}`).pathname;
  } catch {
    return false;
  }
  return path === '/api' || path.startsWith('/api/');
}

/** DESIGN.md's error table; a HEAD answer has the status and headers but no body. */
function checkDocumentedError(res: RawResponse, api: boolean, types: ErrorType[] | undefined, head = false): string | null {
  if (!REFUSALS.includes(res.status)) return `status ${res.status} is not a documented refusal`;
  if (!api) {
    if (!String(res.headers['content-type']).startsWith('text/plain')) return `a page refusal should be plain text, got ${res.headers['content-type']}`;
    return res.text.trim() || head ? null : 'empty refusal';
  }
  const row = ERROR_TABLE[res.status];
  if (res.headers['x-amzn-errortype'] !== row.header) return `x-amzn-ErrorType ${res.headers['x-amzn-errortype']} for ${res.status} (DESIGN.md: ${row.header})`;
  if (head) return res.body.length === 0 ? null : 'a body in a HEAD answer';
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return `body is not JSON: ${res.text.slice(0, 80)}`;
  }
  const { __type, message, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `extra fields in the error body: ${Object.keys(rest).join(', ')}`;
  if (!row.types.includes(__type as ErrorType)) return `__type ${String(__type)} for ${res.status} (DESIGN.md: ${row.types.join(' or ')})`;
  if (types && !types.includes(__type as ErrorType)) return `__type ${String(__type)}, expected ${types.join(' or ')}`;
  if (typeof message !== 'string' || !message.trim()) return 'empty message';
  return null;
}

interface Env {
  source: Source;
  app: Running;
  fake?: FakeUpstream;
  distFiles: Buffer[];
}

function check(c: Case, res: RawResponse, env: Env): string | null {
  if (res.status >= 500) return `5xx: ${res.status} ${res.text.slice(0, 200)}`;
  const text = res.body.toString('latin1');
  const leaked = SECRETS.find((s) => text.includes(s));
  if (leaked) return `leaked ${JSON.stringify(leaked)}`;
  const target = 'http' in c.send ? c.send.http.path : '';
  const isApi = isApiTarget(target);
  const head = 'http' in c.send && c.send.http.method === 'HEAD';
  const e = c.expect;
  switch (e.kind) {
    case 'valid':
      if (env.source === 'aws') {
        if (res.status !== 200 || res.text !== FAKE_BODY) return `expected the fake's 200 passed through, got ${res.status} ${res.text.slice(0, 200)}`;
        return null;
      }
      if (e.ownedDetector) return res.status === 200 ? null : `expected 200, got ${res.status} ${res.text.slice(0, 200)}`;
      return res.status === 400 ? checkDocumentedError(res, true, ['NoSuchEntityException']) : `expected NoSuchEntityException, got ${res.status}`;
    case 'refused':
      if (!e.statuses.includes(res.status)) return `expected ${e.statuses.join('/')}, got ${res.status} ${res.text.slice(0, 200)}`;
      return checkDocumentedError(res, isApi, e.types, head);
    case 'static':
      if (res.status === 200 || res.status === 304) {
        if (target.startsWith('/healthz')) return null;
        if (res.body.length === 0) return (c.send as { http: RawRequest }).http.method === 'HEAD' || res.status === 304 ? null : 'empty 200';
        // Not echoed: it could be anything on the machine.
        return env.distFiles.some((f) => f.equals(res.body)) ? null : `${res.status} with ${res.body.length} bytes that are no file of dist/`;
      }
      return checkDocumentedError(res, isApi, undefined, head);
    case 'malformed':
      if (!e.statuses.includes(res.status)) return `expected ${e.statuses.join('/')}, got ${res.status}`;
      // The HTTP parser's own 400 has no body; anything the app answered must be documented.
      return res.body.length === 0 ? null : checkDocumentedError(res, isApiTarget(String((c.send as { bytes: string | Buffer }).bytes).split(' ')[1] ?? ''), undefined);
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms).unref())]);

async function runCases(cases: Case[], env: Env): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i];
        try {
          const res = await withTimeout('http' in c.send ? raw(env.app.port, c.send.http) : rawBytes(env.app.port, c.send.bytes), 10_000, c.label);
          const problem = check(c, res, env);
          if (problem) failures.push(`#${i} ${c.label}: ${problem}`);
        } catch (error) {
          failures.push(`#${i} ${c.label}: ${(error as Error).message}`);
        }
      }
    }),
  );
  return failures;
}

const key = (method: string, url: string, body: Buffer) => `${method} ${url} ${createHash('sha256').update(body).digest('hex').slice(0, 16)} (${body.length} B)`;

/** The fake must have received exactly the valid requests: nothing more, nothing less, bytes unchanged, all signed. */
function checkUpstream(cases: Case[], fake: FakeUpstream): string[] {
  const expected = new Map<string, number>();
  for (const c of cases) {
    if (c.expect.kind !== 'valid') continue;
    const k = key(c.expect.upstream.method, c.expect.upstream.url, c.expect.upstream.body);
    expected.set(k, (expected.get(k) ?? 0) + 1);
  }
  const problems: string[] = [];
  for (const seen of fake.requests) {
    const k = key(seen.method, seen.url, seen.body);
    const left = expected.get(k) ?? 0;
    if (left === 0) problems.push(`upstream received an unexpected request: ${k} ${seen.body.toString('utf8').slice(0, 120)}`);
    else expected.set(k, left - 1);
    if (!/^AWS4-HMAC-SHA256 Credential=AKIDFUZZEXAMPLE\//.test(String(seen.headers.authorization))) problems.push(`unsigned upstream request: ${k}`);
    for (const h of ['cookie', 'origin', 'sec-fetch-site']) if (seen.headers[h] !== undefined) problems.push(`the client's ${h} header reached upstream: ${k}`);
  }
  for (const [k, left] of expected) if (left > 0) problems.push(`upstream never received ${left}× ${k}`);
  return problems;
}

function filesUnder(dir: string): Buffer[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [readFileSync(join(dir, e.name))]));
}

// ---------------------------------------------------------------------------------------------

let dist: string;
beforeAll(() => {
  dist = makeDist();
  writeFileSync(join(dirname(dist), 'package.json'), '{"name":"FUZZ-PACKAGE-JSON-OUTSIDE-DIST"}');
});

/** The requests run in batches of this many, one test each, so every test is short; together they are the whole seeded run. */
const BATCH = 100;
const BATCHES = Array.from({ length: Math.ceil(COUNT / BATCH) }, (_, i) => [i * BATCH, Math.min(COUNT, (i + 1) * BATCH)] as const);

describe.each<Source>(['demo', 'aws'])('fuzz: %s source', (source) => {
  let env: Env;
  let cases: Case[];
  beforeAll(async () => {
    if (source === 'demo') {
      env = { source, app: await startApp(testConfig({ staticDir: dist }), createDemoSource()), distFiles: filesUnder(dist) };
      // The emulator builds a detector's dataset on its first request: build both here, not in the first batch.
      for (const detectorId of [DEMO_DETECTOR_ID, SCALE_DETECTOR_ID]) {
        expect((await raw(env.app.port, { method: 'POST', path: `/api/detector/${detectorId}/findings`, headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
      }
    } else {
      const fake = await startFakeUpstream({ basePath: FAKE_BASE });
      fake.respond = reply(200, FAKE_BODY);
      const aws = createAwsSource({ region: 'us-east-1', endpoint: fake.endpoint, credentials: async () => CREDENTIALS, baseDelayMs: 1 });
      const app = await startApp(testConfig({ source: 'aws', region: 'us-east-1', endpoint: fake.endpoint, token: TOKEN, staticDir: dist }), aws);
      env = { source, app, fake, distFiles: filesUnder(dist) };
    }
    const ctx: Ctx = { source, port: env.app.port, host: `127.0.0.1:${env.app.port}`, auth: source === 'aws' ? { authorization: `Bearer ${TOKEN}` } : {} };
    cases = generate(ctx, COUNT, SEED);
  });
  afterAll(async () => {
    await env.app.close();
    await env.fake?.close();
  });

  it(`${COUNT} seeded random and malformed requests, every category, enough of them valid`, () => {
    expect(cases).toHaveLength(COUNT);
    // The fuzzer must exercise both sides: valid requests reach the fake, invalid ones are many.
    expect(cases.filter((c) => c.expect.kind === 'valid').length).toBeGreaterThan(COUNT / 10);
    if (COUNT >= 500) expect(new Set(cases.map((c) => c.category ?? 'exactlyOneMiBCase'))).toEqual(new Set([...categoriesFor(source), 'exactlyOneMiBCase']));
  });

  it.each(BATCHES)('requests %i to %i: no 5xx, documented refusals, nothing invalid upstream', async (from, to) => {
    const batch = cases.slice(from, to);
    env.fake?.requests.splice(0);
    const failures = (await runCases(batch, env)).map((f) => f.replace(/^#(\d+)/, (_, i: string) => `#${from + Number(i)}`));
    if (env.fake) failures.push(...checkUpstream(batch, env.fake));
    const valid = batch.filter((c) => c.expect.kind === 'valid').length;
    if (failures.length > 0) process.stderr.write(`fuzz ${source}: ${failures.length} failures (reproduce with FUZZ_SEED=${SEED})\n${failures.slice(0, 40).join('\n')}\n`);
    expect(failures, `fuzz ${source}, seed ${SEED} (reproduce with FUZZ_SEED=${SEED})`).toEqual([]);
    if (env.fake) expect(env.fake.requests.length).toBe(valid);
  });
});
