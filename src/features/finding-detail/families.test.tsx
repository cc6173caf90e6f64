/**
 * The newer finding families in the detail view, on findings written for these tests (a full
 * example and one with only the model's required members each): attack sequences told as a
 * story, runtime process trees, malware scans, ECS and containers, EBS, RDS logins.
 */
import { fireEvent } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../guardduty';
import { formatValue } from './format';
import {
  ebsMalwareFinding,
  ebsSnapshotFinding,
  ecsFinding,
  fullSequenceFinding,
  memberFinding,
  minimalEbsFinding,
  minimalEcsFinding,
  minimalMalwareFinding,
  minimalRdsFinding,
  minimalRuntimeFinding,
  minimalSequenceFinding,
  rdsFinding,
  runtimeFinding,
  s3MalwareFinding,
} from './test-fixtures';
import { detailsView, missingLeaves, renderDetail, screen, serveFindings, within } from './test-utils';

/**
 * The heading of `level` whose text is `name` (exactly, or matching), or null. By selector: a
 * role query for a heading by name over a whole finding page costs most of a second in jsdom.
 */
function heading(root: HTMLElement, name: string | RegExp, level = 2): HTMLElement | null {
  const hits = [...root.querySelectorAll<HTMLElement>(`h${level}`)].filter((h) => {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof name === 'string' ? text === name : name.test(text);
  });
  if (hits.length > 1) throw new Error(`${hits.length} level-${level} headings match ${String(name)}`);
  return hits[0] ?? null;
}

async function show(finding: Finding, others: Finding[] = []) {
  serveFindings([finding, ...others]);
  renderDetail(finding.id);
  return detailsView();
}

describe('attack sequence detail', () => {
  const members = [memberFinding(0), memberFinding(1), memberFinding(2)];

  it('tells the story: signals in time order, tactics in kill-chain order, actors, endpoints, resources, indicators', async () => {
    const finding = fullSequenceFinding();
    const view = await show(finding, members);

    const timeline = view.querySelector<HTMLElement>('ol[aria-label="Signals in time order"]')!;
    const names = within(timeline)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(names).toEqual(['InitialAccess:IAMUser/AnomalousBehavior', 'Discovery:IAMUser/AnomalousBehavior', 'cloudtrail:DeleteTrail', 'Exfiltration:S3/AnomalousBehavior']);
    expect(heading(view, 'Signals (4)')).toBeInTheDocument();
    // The gap between two signals is told.
    expect(within(timeline).getByText('26 h later')).toBeInTheDocument();

    const chain = view.querySelector<HTMLElement>('ol[aria-label="Tactics in kill-chain order"]')!;
    const steps = within(chain).getAllByRole('listitem').filter((li) => li.parentElement === chain);
    expect(steps.map((li) => li.querySelector('.seq-step-name')!.textContent)).toEqual(['Initial Access', 'Defense Evasion', 'Discovery', 'Exfiltration', 'Impact']);
    expect(within(chain).getByRole('list', { name: 'Techniques for Initial Access' })).toHaveTextContent('T1078.004');
    expect(within(chain).getByRole('list', { name: 'Techniques for Defense Evasion' })).toHaveTextContent('T1562.008');

    const actors = heading(view, 'Actors (2)')!.closest('section')!;
    expect(within(actors).getByRole('heading', { level: 3, name: 'ci-deployer' })).toBeInTheDocument();
    expect(within(actors).getByText('DISABLED')).toBeInTheDocument();
    expect(within(actors).getByText('/usr/local/bin/aws')).toBeInTheDocument();

    const endpoints = heading(view, 'Endpoints (2)')!.closest('section')!;
    const rows = within(within(endpoints).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('198.51.100.23');
    expect(rows[0]).toHaveTextContent('Frankfurt am Main, Germany');
    expect(rows[0]).toHaveTextContent('AS64500');
    expect(rows[1]).toHaveTextContent('exfil.example.net');

    const resources = heading(view, 'Affected resources (2)')!.closest('section')!;
    expect(within(resources).getByRole('heading', { level: 3, name: /billing-exports/ })).toHaveTextContent('S3 bucket');
    expect(within(resources).getByRole('table', { name: 'Tags of ci-deployer' })).toHaveTextContent('platform');

    const indicators = heading(view, 'Indicators')!.closest('section')!;
    expect(within(indicators).getByRole('region', { name: 'Tor exit nodes TOR_IP' })).toHaveTextContent('198.51.100.23');
    expect(within(indicators).getByRole('region', { name: 'High-risk APIs HIGH_RISK_API' })).toHaveTextContent('cloudtrail:DeleteTrail');

    // Nothing the sequence says is dropped.
    await screen.findByText('Member findings (3)', { selector: 'h2' });
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('lists its member findings, each opening that finding', async () => {
    const finding = fullSequenceFinding();
    const view = await show(finding, members);
    const card = (await screen.findByText('Member findings (3)', { selector: 'h2' })).closest('section')!;
    const links = within(within(card).getByRole('table')).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(members.map((m) => m.title));
    // A FINDING signal links to its member finding too.
    expect(within(view).getByRole('link', { name: 'Exfiltration:S3/AnomalousBehavior' }).getAttribute('href')).toMatch(/^\/findings\/f1a00000000000000000000000mem003\?/);

    fireEvent.click(links[1]);
    expect(window.location.pathname).toBe(`/findings/${members[1].id}`);
    expect(await screen.findByText(members[1].title!, { selector: 'h1' })).toBeInTheDocument();
  });

  it('a member finding links back to its sequence, which opens', async () => {
    const finding = fullSequenceFinding();
    await show(members[1], [finding, members[0], members[2]]);
    const back = await screen.findByText(finding.title!, { selector: 'a' });
    fireEvent.click(back);
    expect(window.location.pathname).toBe(`/findings/${finding.id}`);
    expect(await screen.findByText(finding.title!, { selector: 'h1' })).toBeInTheDocument();
  });

  it('says so when no member finding is in the detector', async () => {
    await show(fullSequenceFinding());
    expect(await screen.findByText('No finding of this detector names this sequence as its attack sequence.')).toBeInTheDocument();
  });

  it('renders a sequence with only the required members', async () => {
    const finding = minimalSequenceFinding();
    const view = await show(finding);
    expect(heading(view, 'Attack sequence')).toBeInTheDocument();
    expect(heading(view, 'Signals (1)')).toBeInTheDocument();
    expect(heading(view, /Actors/)).toBeNull();
    expect(heading(view, 'MITRE ATT&CK tactics')).toBeNull();
    await screen.findByText('No finding of this detector names this sequence as its attack sequence.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('renders an AttackSequence type without service.detection (older findings)', async () => {
    const finding: Finding = { ...minimalSequenceFinding(), id: 'f1a0000000000000000000000000seq9', service: undefined };
    const view = await show(finding);
    expect(within(view).getByText(/sent this attack sequence without its details/)).toBeInTheDocument();
    expect(heading(view, /Member findings/)).toBeInTheDocument();
  });

  it("shows a member finding's sequence, and says when it is not in the detector", async () => {
    const view = await show(memberFinding(0), [fullSequenceFinding()]);
    const aside = within(view).getByRole('complementary', { name: 'Attack sequence' });
    expect(await within(aside).findByRole('link', { name: fullSequenceFinding().title })).toHaveAttribute('href', expect.stringMatching(/^\/findings\/f1a0000000000000000000000000seq1\?/));
    expect(missingLeaves(view, memberFinding(0), formatValue)).toEqual([]);
  });

  it("says when a member's sequence is not in the detector", async () => {
    const view = await show(memberFinding(1));
    const aside = within(view).getByRole('complementary', { name: 'Attack sequence' });
    expect(await within(aside).findByText('This finding is part of an attack sequence that is not in this detector.')).toBeInTheDocument();
  });
});

describe('runtime section', () => {
  it('shows the process, its parents as a tree (root first), and the command line as text', async () => {
    const finding = runtimeFinding();
    const view = await show(finding);
    const card = heading(view, 'Runtime activity')!.closest('section')!;
    const tree = within(card).getByRole('list', { name: 'Process tree, oldest ancestor first' });
    const order = [...tree.querySelectorAll('.proc-node-name')].map((n) => n.textContent);
    expect(order).toEqual(['containerd-shim', 'php-fpm', 'sh', 'bash']);
    expect(within(tree).getByRole('list', { name: 'Started by sh' })).toHaveTextContent('bash');
    const command = finding.service!.runtimeDetails as { context: { commandLineExample: string } };
    const pre = card.querySelector('.command-line')!;
    expect(pre.textContent).toBe(command.context.commandLineExample);
    expect(within(card).getByRole('button', { name: 'Copy Executable SHA-256' })).toBeInTheDocument();
    expect(within(card).getAllByText('www-data').length).toBeGreaterThan(0);
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('reads the older lineage shape (ancestorName, ancestorPid) in GuardDuty order', async () => {
    const finding = runtimeFinding();
    finding.id = 'f1a000000000000000000000runtime2';
    const rt = finding.service!.runtimeDetails as { process: Record<string, unknown> };
    delete rt.process.parentUuid;
    rt.process.lineage = [{ ancestorName: 'sshd', ancestorPid: 123 }, { ancestorName: 'systemd', ancestorPid: 1 }];
    const view = await show(finding);
    const tree = within(view).getByRole('list', { name: 'Process tree, oldest ancestor first' });
    expect([...tree.querySelectorAll('.proc-node-name')].map((n) => n.textContent)).toEqual(['systemd', 'sshd', 'bash']);
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('renders runtime details with no members', async () => {
    const finding = minimalRuntimeFinding();
    const view = await show(finding);
    expect(within(heading(view, 'Runtime activity')!.closest('section')!).getByText(/sent no process or context/)).toBeInTheDocument();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });
});

describe('malware section', () => {
  it('shows an EBS scan: what was scanned, threats with file paths and hashes, scanned and skipped volumes', async () => {
    const finding = ebsMalwareFinding();
    const view = await show(finding);
    const card = heading(view, 'Malware scan (EBS volumes)')!.closest('section')!;
    expect(within(card).getByText('GUARDDUTY_INITIATED')).toBeInTheDocument();
    expect(within(card).getByRole('heading', { level: 4, name: /Trojan\.Linux\.Miner/ })).toHaveTextContent('Trojan.Linux.MinerHIGHfiles: 2');
    const files = within(card).getByRole('table', { name: 'Files with Trojan.Linux.Miner' });
    expect(within(files).getAllByRole('row')).toHaveLength(3);
    expect(files).toHaveTextContent('/tmp/.x/kworker');
    expect(within(card).getByRole('link', { name: 'f1a00000000000000000000trigger01' })).toHaveAttribute('href', expect.stringMatching(/^\/findings\/f1a00000000000000000000trigger01\?/));
    const volumes = heading(view, 'EBS volumes')!.closest('section')!;
    expect(volumes).toHaveTextContent('1 scanned · 1 skipped');
    expect(within(volumes).getByRole('heading', { level: 3, name: 'Skipped: /dev/sdf · vol-0bb22' })).toBeInTheDocument();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('shows an S3 object scan with its threats, nested paths and items', async () => {
    const finding = s3MalwareFinding();
    const view = await show(finding);
    const card = heading(view, 'Malware scan')!.closest('section')!;
    expect(within(card).getByRole('heading', { level: 4, name: /EICAR-Test-File/ })).toHaveTextContent('EICAR-Test-Filecount: 1');
    expect(within(card).getByRole('table', { name: 'Paths of EICAR-Test-File' })).toHaveTextContent('uploads/archive.zip/eicar.com');
    expect(within(card).getByRole('table', { name: 'Scanned items with EICAR-Test-File' })).toHaveTextContent('arn:aws:s3:::customer-uploads/archive.zip');
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('renders empty scans', async () => {
    const finding = minimalMalwareFinding();
    const view = await show(finding);
    expect(heading(view, 'Malware scan (EBS volumes)')).toBeInTheDocument();
    expect(heading(view, 'Malware scan')).toBeInTheDocument();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });
});

describe('ECS, container, EBS and RDS sections', () => {
  it('shows an ECS cluster, its task and containers, flagging privileged ones', async () => {
    const finding = ecsFinding();
    const view = await show(finding);
    const card = heading(view, 'ECS cluster')!.closest('section')!;
    expect(within(card).getByText('payments')).toBeInTheDocument();
    const api = within(card).getByRole('heading', { level: 3, name: 'Container api' }).closest('section')!;
    expect(within(api).getByText('public.ecr.aws/example/api:2.1')).toBeInTheDocument();
    expect(within(api).getAllByText('Yes')[0].closest('.flag-danger')).not.toBeNull();
    expect(within(api).getByRole('table', { name: 'Volume mounts' })).toHaveTextContent('/host');
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('renders empty ECS and container details', async () => {
    const finding = minimalEcsFinding();
    const view = await show(finding);
    expect(heading(view, 'ECS cluster')).toBeInTheDocument();
    expect(heading(view, 'Container')).toBeInTheDocument();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('shows a container of a runtime finding', async () => {
    const view = await show(runtimeFinding());
    expect(within(heading(view, 'Container')!.closest('section')!).getByText('containerd')).toBeInTheDocument();
  });

  it('shows an EBS snapshot', async () => {
    const finding = ebsSnapshotFinding();
    const view = await show(finding);
    expect(heading(view, 'EBS snapshot')!.closest('section')).toHaveTextContent('snap-0cc33');
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('renders empty EBS volume and snapshot details', async () => {
    const finding = minimalEbsFinding();
    const view = await show(finding);
    expect(heading(view, 'EBS volumes')).toBeInTheDocument();
    expect(heading(view, 'EBS snapshot')).toBeInTheDocument();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('shows RDS login attempts per user and application with failure and success counts', async () => {
    const finding = rdsFinding();
    const view = await show(finding);
    const table = within(view).getByRole('table', { name: 'Login attempts: 269 failed, 1 successful' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['app_rw', 'psql', '212', '1'],
      ['postgres', 'psql', '57', '0'],
    ]);
    expect(heading(view, 'RDS database user')!.closest('section')).toHaveTextContent('PASSWORD');
    expect(heading(view, 'RDS database instance')!.closest('section')).toHaveTextContent('aurora-postgresql');
    expect(heading(view, 'Remote IP')).toBeInTheDocument();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('renders an RDS login attempt with no attributes', async () => {
    const finding = minimalRdsFinding();
    const view = await show(finding);
    expect(within(view).getByText('GuardDuty sent no login attributes for this attempt.')).toBeInTheDocument();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });
});
