/**
 * The summary strip at the top of a finding (who / what / where), on demo findings of every
 * action type, on attack sequences and runtime findings, and on minimal findings (only the
 * members the model requires). Expectations come from the finding itself and from resourceOf.
 */
import { describe, expect, it } from 'vitest';
import { resourceOf, type Finding } from '../../guardduty';
import { demoFindings, SAMPLE_FINDING_ID } from '../../test/msw';
import { findingHeading, renderDetail, serveFinding, summaryStrip, within } from './test-utils';

const findings = demoFindings();
const first = (predicate: (f: Finding) => boolean) => {
  const hit = findings.find(predicate);
  if (!hit) throw new Error('no such finding in the demo dataset');
  return hit;
};
const action = (f: Finding) => f.service?.action;
const rec = (v: unknown) => (v ?? {}) as Record<string, unknown>;

async function strip(id: string): Promise<HTMLElement> {
  renderDetail(id);
  await findingHeading();
  return summaryStrip();
}

/** The strip's cell labelled `label` (its dd). */
function cell(root: HTMLElement, label: string | RegExp): HTMLElement {
  const dt = within(root).getByText(label, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

const text = (el: HTMLElement) => el.textContent!.replace(/\s+/g, ' ');

/** The remote IP cell shows the address, its organisation, ASN and country, and the action it came from. */
function expectRemote(root: HTMLElement, details: Record<string, unknown>, from: string) {
  const c = cell(root, 'Remote IP');
  const org = rec(details.organization);
  expect(text(c)).toContain(String(details.ipAddressV4));
  if (org.org) expect(text(c)).toContain(String(org.org));
  if (org.asn) expect(text(c)).toContain(`AS${String(org.asn)}`);
  const country = rec(details.country).countryName;
  if (country) expect(text(c)).toContain(String(country));
  expect(text(c)).toContain(`from the ${from}`);
}

/** Resource: resourceOf's name (or text) and the type. */
function expectResource(root: HTMLElement, f: Finding) {
  const r = resourceOf(f);
  const c = cell(root, 'Resource');
  expect(text(c)).toContain(r.name ?? r.text);
  if (r.name && r.type) expect(text(c)).toContain(r.type);
}

function expectSeen(root: HTMLElement, f: Finding) {
  const c = cell(root, 'Seen');
  const times = c.querySelectorAll('time');
  expect(times).toHaveLength(2);
  expect(new Date(times[0].getAttribute('datetime')!).getTime()).toBe(Date.parse(f.service!.eventFirstSeen!));
  expect(new Date(times[1].getAttribute('datetime')!).getTime()).toBe(Date.parse(f.service!.eventLastSeen!));
  expect(text(c)).toContain(`count ${String(f.service!.count)}`);
}

describe('SummaryStrip: who / what / where at the top of a finding', () => {
  it('an API call: the IAM principal, the API with its service, the caller IP with its network', async () => {
    const f = first((x) => x.resource?.resourceType === 'AccessKey' && !!action(x)?.awsApiCallAction?.remoteIpDetails?.organization);
    const root = await strip(f.id);
    const call = action(f)!.awsApiCallAction!;
    const key = f.resource!.accessKeyDetails!;
    expectResource(root, f);
    const actor = cell(root, 'IAM principal');
    expect(text(actor)).toContain(key.userName!);
    expect(text(actor)).toContain(key.userType!);
    expect(text(actor)).toContain(key.accessKeyId!);
    const act = cell(root, 'Action');
    expect(text(act)).toContain('API call');
    expect(text(act)).toContain(call.api!);
    expect(text(act)).toContain(call.serviceName!);
    expectRemote(root, call.remoteIpDetails!, 'API call');
    expectSeen(root, f);
    // Copyable, and the key pivots to its findings.
    expect(within(actor).getAllByRole('button', { name: /^Copy/ }).length).toBeGreaterThan(0);
    const pivot = within(actor).getByRole('link', { name: new RegExp(`^${key.accessKeyId}`) });
    expect(new URL(pivot.getAttribute('href')!, 'http://x').searchParams.getAll('accessKey')).toContain(key.accessKeyId);
  });

  it('a network connection: direction, protocol and ports, the remote IP pivots to its filter', async () => {
    const f = structuredClone(first((x) => x.id === SAMPLE_FINDING_ID));
    const root = await strip(f.id);
    const nc = action(f)!.networkConnectionAction!;
    expectResource(root, f);
    const act = cell(root, 'Action');
    expect(text(act)).toContain('Network connection');
    expect(text(act)).toContain(`${nc.connectionDirection} ${nc.protocol}`);
    expect(text(act)).toContain(`local port ${nc.localPortDetails!.port}`);
    expect(text(act)).toContain(`remote port ${nc.remotePortDetails!.port}`);
    expectRemote(root, nc.remoteIpDetails!, 'network connection');
    const ip = within(cell(root, 'Remote IP')).getByRole('link', { name: new RegExp(`^${nc.remoteIpDetails!.ipAddressV4!.replace(/\./g, '\\.')}`) });
    expect(new URL(ip.getAttribute('href')!, 'http://x').searchParams.getAll('anyIp')).toContain(nc.remoteIpDetails!.ipAddressV4);
    expectSeen(root, f);
  });

  it('a port probe: the probed local ports and the prober', async () => {
    const f = first((x) => (action(x)?.portProbeAction?.portProbeDetails?.length ?? 0) > 0);
    const root = await strip(f.id);
    const probes = action(f)!.portProbeAction!.portProbeDetails!;
    expectResource(root, f);
    const act = cell(root, 'Action');
    expect(text(act)).toContain('Port probe');
    expect(text(act)).toContain(String(probes[0].localPortDetails!.port));
    expectRemote(root, probes[0].remoteIpDetails as Record<string, unknown>, 'port probe');
  });

  it('a DNS request: the domain, copyable and pivotable', async () => {
    const f = first((x) => !!action(x)?.dnsRequestAction?.domain);
    const root = await strip(f.id);
    const domain = action(f)!.dnsRequestAction!.domain!;
    expectResource(root, f);
    const act = cell(root, 'Action');
    expect(text(act)).toContain('DNS request');
    const link = within(act).getByRole('link', { name: new RegExp(`^${domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    expect(new URL(link.getAttribute('href')!, 'http://x').searchParams.getAll('domain')).toContain(domain);
    expect(within(act).getByRole('button', { name: /^Copy/ })).toBeInTheDocument();
    expect(text(cell(root, 'Remote IP'))).toContain('Not in this finding');
  });

  it('an RDS login attempt: the database user and the login counts', async () => {
    const f = first((x) => !!rec(action(x)).rdsLoginAttemptAction && !!f_user(x));
    const root = await strip(f.id);
    expectResource(root, f);
    expect(text(cell(root, 'Database user'))).toContain(f_user(f)!);
    expect(text(cell(root, 'Action'))).toMatch(/RDS login attempt.*\d+ failed, \d+ successful/);
  });

  it('an attack sequence: what it touches, its actors, its signals and an endpoint', async () => {
    const f = first((x) => !!rec(rec(x.service?.detection).sequence).actors);
    const root = await strip(f.id);
    const seq = rec(rec(f.service!.detection).sequence);
    const actors = seq.actors as { user?: { name?: string } }[];
    expectResource(root, f);
    const actorCell = cell(root, actors.length === 1 ? 'Actor' : `Actors (${actors.length})`);
    const named = actors.map((a) => a.user?.name).filter(Boolean) as string[];
    if (named.length > 0) expect(text(actorCell)).toContain(named[0]);
    expect(text(cell(root, 'Attack sequence'))).toContain(`${(seq.signals as unknown[]).length} signal`);
    const endpoints = (seq.endpoints ?? []) as { ip?: string }[];
    if (endpoints.some((e) => e.ip)) expect(text(cell(root, 'Remote IP'))).toContain(endpoints.find((e) => e.ip)!.ip!);
  });

  it('a runtime finding without an action: the process as the actor', async () => {
    const f = first((x) => !action(x) && !!rec(rec(x.service?.runtimeDetails).process).name && !x.resource?.accessKeyDetails);
    const root = await strip(f.id);
    const process = rec(rec(f.service!.runtimeDetails).process);
    expectResource(root, f);
    expect(text(cell(root, 'Process'))).toContain(String(process.name));
  });

  it('a minimal finding (only the required members): every cell says what is missing, nothing breaks', async () => {
    const f = {
      accountId: '111122223333',
      arn: 'arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/min-1',
      createdAt: '2026-01-01T00:00:00.000Z',
      id: 'min-1',
      region: 'us-east-1',
      resource: {},
      schemaVersion: '2.0',
      severity: 5,
      type: 'Recon:EC2/Portscan',
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as Finding;
    serveFinding(f);
    const root = await strip(f.id);
    for (const label of ['Resource', 'Actor', 'Action', 'Remote IP']) expect(text(cell(root, label))).toContain('Not in this finding');
    expect(cell(root, 'Seen').querySelectorAll('time')).toHaveLength(0);
    expect(text(cell(root, 'Seen'))).not.toContain('count');
  });

  it('a minimal finding with a resource type only: the type stands for the resource', async () => {
    const f = { accountId: '111122223333', arn: 'arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/min-2', createdAt: '2026-01-01T00:00:00.000Z', id: 'min-2', region: 'us-east-1', resource: { resourceType: 'Lambda' }, schemaVersion: '2.0', severity: 2, type: 'Execution:Lambda/X', updatedAt: '2026-01-01T00:00:00.000Z' } as Finding;
    serveFinding(f);
    const root = await strip(f.id);
    expect(resourceOf(f).text).toBe('Lambda');
    expect(text(cell(root, 'Resource'))).toContain('Lambda');
  });

  it('folds the administrative fields (partition, schema version, ARN, detector ID) into a closed disclosure', async () => {
    const f = first((x) => x.id === SAMPLE_FINDING_ID);
    renderDetail(f.id);
    await findingHeading();
    const admin = document.querySelector<HTMLDetailsElement>('details.admin-fields')!;
    expect(admin).not.toBeNull();
    expect(admin.open).toBe(false);
    expect(within(admin).getByText(/^Administrative fields/, { selector: 'summary' })).toBeInTheDocument();
    for (const [label, value] of [['Partition', f.partition], ['Schema version', f.schemaVersion], ['ARN', f.arn], ['Detector ID', f.service!.detectorId]]) {
      const dt = within(admin).getByText(label!, { selector: 'dt' });
      expect(dt.nextElementSibling!.textContent).toContain(value);
    }
    // Nowhere else on the Details tab's first part: the overview's open list does not repeat them.
    const overview = admin.closest('section')!;
    const open = [...overview.querySelectorAll('dt')].filter((dt) => !admin.contains(dt)).map((dt) => dt.textContent);
    for (const label of ['Partition', 'Schema version', 'ARN', 'Detector ID']) expect(open).not.toContain(label);
  });

  it('renders attacker text through the strip as text', async () => {
    const payload = '<img src=x onerror="alert(1)">';
    const f = structuredClone(first((x) => x.resource?.resourceType === 'AccessKey' && !!action(x)?.awsApiCallAction?.remoteIpDetails));
    f.id = 'attacker-strip';
    f.resource!.accessKeyDetails!.userName = payload;
    f.service!.action!.awsApiCallAction!.api = `${payload}Api`;
    f.service!.action!.awsApiCallAction!.remoteIpDetails!.organization = { org: `<script>alert(2)</script>`, asn: '1', asnOrg: payload };
    serveFinding(f);
    const root = await strip(f.id);
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(text(cell(root, 'Resource'))).toContain(payload);
    expect(text(cell(root, 'IAM principal'))).toContain(payload);
    expect(text(cell(root, 'Action'))).toContain(`${payload}Api`);
    expect(text(cell(root, 'Remote IP'))).toContain('<script>alert(2)</script>');
  });
});

function f_user(f: Finding): string | undefined {
  const u = rec(f.resource?.rdsDbUserDetails).user;
  return typeof u === 'string' ? u : undefined;
}
