/**
 * Attacker-controlled text through every new section (attack sequences, runtime, malware, ECS and
 * containers, EBS, RDS logins): every string of each full fixture is replaced by HTML, script,
 * `javascript:` URLs, bidi overrides or very long text; all of it must show as literal text, with
 * no element injected, no handler attribute, no script URL and no script run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../guardduty';
import { formatValue } from './format';
import {
  ebsMalwareFinding,
  ebsSnapshotFinding,
  ecsFinding,
  fullSequenceFinding,
  memberFinding,
  rdsFinding,
  runtimeFinding,
  s3MalwareFinding,
} from './test-fixtures';
import { detailsView, leaves, missingLeaves, renderDetail, screen, serveFindings } from './test-utils';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '\u202Egnp.exe\u202C <b>bold</b>',
  `${'A'.repeat(4000)}<svg onload=alert(1)>`,
  'javascript://%0aalert(1)//<iframe src=javascript:alert(1)>',
];

/** Identity of the finding itself stays (the page must find it); every other string is hostile. */
const KEEP_TOP = new Set(['id', 'arn', 'type', 'createdAt', 'updatedAt', 'accountId', 'region', 'schemaVersion', 'associatedAttackSequenceArn']);

function poison(finding: Finding): Finding {
  let n = 0;
  const walk = (value: unknown, depth: number, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, depth === 0 && KEEP_TOP.has(k) ? v : walk(v, depth + 1, k)]));
    }
    if (typeof value === 'string') return `${PAYLOADS[n++ % PAYLOADS.length]}${key === 'key' ? '' : ` ${n}`}`;
    return value;
  };
  return walk(finding, 0) as Finding;
}

function expectInert(root: HTMLElement) {
  expect(root.querySelectorAll('img, script, iframe, object, embed, svg b, b')).toHaveLength(0);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) expect(attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`).toBe(false);
  }
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    const leafletControl = href === '#' && a.closest('.leaflet-control, .leaflet-popup') !== null;
    expect(href.startsWith('/') || href.startsWith('https://') || leafletControl, `link to ${href}`).toBe(true);
  }
}

afterEach(() => vi.restoreAllMocks());

const CASES: [string, () => Finding, (() => Finding)[]][] = [
  ['attack sequence', fullSequenceFinding, [() => memberFinding(0), () => memberFinding(1), () => memberFinding(2)]],
  ['member finding', () => memberFinding(0), [fullSequenceFinding]],
  ['runtime', runtimeFinding, []],
  ['EBS malware scan', ebsMalwareFinding, []],
  ['S3 malware scan', s3MalwareFinding, []],
  ['ECS cluster', ecsFinding, []],
  ['EBS snapshot', ebsSnapshotFinding, []],
  ['RDS login attempt', rdsFinding, []],
];

describe('new finding sections: attacker-controlled text', () => {
  it.each(CASES)('renders the %s with hostile strings as literal text', async (_name, make, others) => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const finding = poison(make());
    const rest = others.map((o) => poison(o()));
    const hostile = leaves(finding).filter((l) => typeof l.value === 'string' && PAYLOADS.some((p) => (l.value as string).startsWith(p)));
    expect(hostile.length).toBeGreaterThan(1);
    serveFindings([finding, ...rest]);
    renderDetail(finding.id);
    const view = await detailsView();
    if (make === fullSequenceFinding) await screen.findByText(/Member findings \(3\)/, { selector: 'h2' });
    // Every hostile string is on the page, character for character, as text.
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
    expectInert(document.body);
    expect(alert).not.toHaveBeenCalled();
  });
});
