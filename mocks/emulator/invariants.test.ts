/**
 * Emulator invariants for attack sequences and today's finding families, on every demo detector:
 * member findings and their sequences point at each other, signals fall inside their sequence's
 * window, every id a signal names is described in the sequence, and the families the dashboard
 * shows (runtime, malware, ECS and containers, EBS, RDS logins) are there in their model shapes.
 * (Required members and wire names: model-validity.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseTimestamp, type Finding } from '../../src/guardduty';
import { SEQUENCE_KINDS } from './dataset/attack-sequences';
import { DEMO_SEQUENCES_PER_KIND, SCALE_SEQUENCES_PER_KIND } from './dataset';
import { DEMO_DETECTOR_ID, DETECTOR_IDS, SCALE_DETECTOR_ID, findingsOf } from './index';
import { jsonCopy } from './json';

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const sequenceOf = (f: Finding): Json | undefined => (f.service?.detection as { sequence?: Json } | undefined)?.sequence;
const isSequence = (f: Finding) => typeof f.type === 'string' && f.type.startsWith('AttackSequence:');
const ms = (v: unknown) => parseTimestamp(v as string)!;
const TACTICS = new Set([
  'Reconnaissance', 'Resource Development', 'Initial Access', 'Execution', 'Persistence', 'Privilege Escalation', 'Defense Evasion',
  'Credential Access', 'Discovery', 'Lateral Movement', 'Collection', 'Command and Control', 'Exfiltration', 'Impact',
]);

/** Everything wrong with the attack sequences of these findings, one line each. */
function sequenceProblems(findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  const byArn = new Map(findings.map((f) => [f.arn, f]));
  for (const f of findings) {
    const arn = f.associatedAttackSequenceArn;
    if (arn === undefined) continue;
    const sequence = byArn.get(arn as string);
    if (!sequence) {
      problems.push(`${f.id}: associatedAttackSequenceArn ${String(arn)} resolves to no finding`);
      continue;
    }
    if (!isSequence(sequence)) problems.push(`${f.id}: associatedAttackSequenceArn names ${sequence.id}, which is no attack sequence`);
    const signal = list(sequenceOf(sequence)?.signals).find((s) => s.uid === f.arn);
    if (!signal) problems.push(`${f.id}: its sequence ${sequence.id} lists no signal for it`);
    else {
      if (signal.type !== 'FINDING' || signal.name !== f.type) problems.push(`${f.id}: its signal is ${String(signal.type)} ${String(signal.name)}, not FINDING ${f.type}`);
      if (ms(f.service?.eventFirstSeen) !== Number(signal.firstSeenAt) * 1000 || ms(f.service?.eventLastSeen) !== Number(signal.lastSeenAt) * 1000) {
        problems.push(`${f.id}: seen ${f.service?.eventFirstSeen}..${f.service?.eventLastSeen}, its signal ${String(signal.firstSeenAt)}..${String(signal.lastSeenAt)}`);
      }
      if (f.service?.count !== signal.count) problems.push(`${f.id}: count ${String(f.service?.count)}, its signal ${String(signal.count)}`);
    }
  }
  for (const f of findings.filter(isSequence)) {
    const sequence = sequenceOf(f);
    if (!sequence) {
      problems.push(`${f.id}: ${f.type} without service.detection.sequence`);
      continue;
    }
    const signals = list(sequence.signals);
    if (signals.length < 3 || signals.length > 15) problems.push(`${f.id}: ${signals.length} signals`);
    const from = ms(f.service?.eventFirstSeen);
    const to = ms(f.service?.eventLastSeen);
    const updated = ms(f.updatedAt);
    if (!(from <= to && to <= updated && ms(f.createdAt) <= updated)) problems.push(`${f.id}: window ${f.service?.eventFirstSeen}..${f.service?.eventLastSeen}, created ${f.createdAt}, updated ${f.updatedAt}`);
    const actors = new Set(list(sequence.actors).map((a) => a.id));
    const endpoints = new Set(list(sequence.endpoints).map((e) => e.id));
    const resources = new Set(list(sequence.resources).map((r) => r.uid));
    for (const [i, s] of signals.entries()) {
      const at = `${f.id} signal ${i}`;
      const [first, last, created, updatedAt] = [s.firstSeenAt, s.lastSeenAt, s.createdAt, s.updatedAt].map((t) => Number(t) * 1000);
      if (!(from <= first && first <= last && last <= to)) problems.push(`${at}: seen ${first}..${last} outside the sequence's ${from}..${to}`);
      if (!(from <= created && created <= updatedAt && updatedAt <= updated)) problems.push(`${at}: created ${created}, updated ${updatedAt} outside ${from}..${updated}`);
      if (s.type === 'FINDING') {
        const member = byArn.get(s.uid as string);
        if (!member) problems.push(`${at}: FINDING ${String(s.uid)} is no finding of the detector`);
        else if (member.associatedAttackSequenceArn !== f.arn) problems.push(`${at}: member ${member.id} points to ${String(member.associatedAttackSequenceArn)}`);
      }
      for (const id of strings(s.actorIds)) if (!actors.has(id)) problems.push(`${at}: actor ${id} not among the sequence's actors`);
      for (const id of strings(s.endpointIds)) if (!endpoints.has(id)) problems.push(`${at}: endpoint ${id} not among the sequence's endpoints`);
      for (const uid of strings(s.resourceUids)) if (!resources.has(uid)) problems.push(`${at}: resource ${uid} not among the sequence's resources`);
      for (const indicator of list(s.signalIndicators)) {
        const all = list(sequence.sequenceIndicators).filter((x) => x.key === indicator.key).flatMap((x) => strings(x.values));
        for (const v of strings(indicator.values)) if (!all.includes(v)) problems.push(`${at}: indicator ${String(indicator.key)}=${v} missing from the sequence's indicators`);
      }
    }
  }
  return problems;
}

describe.each(DETECTOR_IDS)('attack sequences of detector %s', (detectorId) => {
  const findings = findingsOf(detectorId);
  const sequences = findings.filter(isSequence);
  const members = findings.filter((f) => f.associatedAttackSequenceArn !== undefined);

  it('link both ways, with every signal inside its sequence and every id it names described', () => {
    expect(sequences.length).toBeGreaterThan(0);
    expect(members.length).toBeGreaterThan(sequences.length);
    expect(sequenceProblems(findings).slice(0, 30)).toEqual([]);
  });

  it('come in every kind, several of each, each with member findings', () => {
    const perKind = detectorId === SCALE_DETECTOR_ID ? SCALE_SEQUENCES_PER_KIND : DEMO_SEQUENCES_PER_KIND;
    for (const kind of SEQUENCE_KINDS) {
      const ofKind = sequences.filter((f) => f.type === `AttackSequence:${kind}`);
      expect(ofKind.length, kind).toBeGreaterThanOrEqual(perKind);
      for (const f of ofKind) expect(members.some((m) => m.associatedAttackSequenceArn === f.arn), `${f.id} has members`).toBe(true);
    }
  });

  it('tell a story over hours to days: tactics, techniques, actors, endpoints with locations, resources, indicators', () => {
    for (const f of sequences) {
      const sequence = sequenceOf(f)!;
      const span = parseTimestamp(f.service!.eventLastSeen)! - parseTimestamp(f.service!.eventFirstSeen)!;
      expect(span, f.id).toBeGreaterThanOrEqual(60 * 60_000);
      expect(span, f.id).toBeLessThanOrEqual(7 * 24 * 60 * 60_000);
      expect(f.severity).toBeGreaterThanOrEqual(9);
      expect(f.resource?.resourceType).toBe('AttackSequence');
      const signals = list(sequence.signals);
      const times = signals.map((s) => Number(s.firstSeenAt));
      expect(times, `${f.id} signals in time order`).toEqual([...times].sort((x, y) => x - y));
      const keys = new Set(list(sequence.sequenceIndicators).map((i) => i.key));
      for (const key of ['ATTACK_TACTIC', 'ATTACK_TECHNIQUE']) expect(keys, f.id).toContain(key);
      for (const i of list(sequence.sequenceIndicators)) {
        if (i.key === 'ATTACK_TACTIC') for (const v of strings(i.values)) expect(TACTICS, `${f.id} tactic ${v}`).toContain(v);
        if (i.key === 'ATTACK_TECHNIQUE') for (const v of strings(i.values)) expect(v).toMatch(/^T\d{4}(\.\d{3})?$/);
      }
      const ipEndpoints = list(sequence.endpoints).filter((e) => e.ip);
      expect(ipEndpoints.length, f.id).toBeGreaterThanOrEqual(2);
      for (const e of ipEndpoints) expect(e.location, `${f.id} endpoint ${String(e.id)}`).toMatchObject({ city: expect.any(String), country: expect.any(String), lat: expect.any(Number), lon: expect.any(Number) });
      expect(list(sequence.resources).length, f.id).toBeGreaterThan(0);
    }
    const actors = sequences.flatMap((f) => list(sequenceOf(f)!.actors));
    expect(actors.some((a) => a.user && a.session)).toBe(true);
    expect(actors.some((a) => a.process)).toBe(true);
    const signalTypes = new Set(sequences.flatMap((f) => list(sequenceOf(f)!.signals).map((s) => s.type)));
    for (const type of ['FINDING', 'CLOUD_TRAIL', 'S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'RUNTIME_MONITORING']) expect(signalTypes).toContain(type);
    const keys = new Set(sequences.flatMap((f) => list(sequenceOf(f)!.sequenceIndicators).map((i) => i.key)));
    for (const key of ['HIGH_RISK_API', 'MALICIOUS_IP', 'TOR_IP', 'SUSPICIOUS_USER_AGENT', 'SUSPICIOUS_PROCESS']) expect(keys).toContain(key);
  });
});

describe('the invariant check', () => {
  const demo = findingsOf(DEMO_DETECTOR_ID);
  const sequence = demo.find((f) => isSequence(f) && list(sequenceOf(f)?.signals).filter((s) => s.type === 'FINDING').length >= 1)!;
  const broken = (edit: (copy: Finding[]) => void) => {
    const copy = demo.map((f) => jsonCopy(f));
    edit(copy);
    return sequenceProblems(copy);
  };
  const find = (copy: Finding[], id: string) => copy.find((f) => f.id === id)!;
  const memberOf = (copy: Finding[]) => copy.find((f) => f.associatedAttackSequenceArn === sequence.arn)!;

  it('passes on the dataset and fails on a dangling member, a signal outside its window, an unknown actor', () => {
    expect(broken(() => {})).toEqual([]);
    expect(broken((copy) => { memberOf(copy).associatedAttackSequenceArn = `${sequence.arn}0`; }).join('\n')).toMatch(/resolves to no finding/);
    expect(broken((copy) => {
      const signal = list(sequenceOf(find(copy, sequence.id))!.signals)[0];
      signal.lastSeenAt = Number(signal.lastSeenAt) + 30 * 24 * 3600;
    }).join('\n')).toMatch(/outside the sequence's/);
    expect(broken((copy) => { list(sequenceOf(find(copy, sequence.id))!.signals)[0].actorIds = ['nobody']; }).join('\n')).toMatch(/actor nobody not among/);
    expect(broken((copy) => {
      const signals = list(sequenceOf(find(copy, sequence.id))!.signals);
      const i = signals.findIndex((s) => s.type === 'FINDING');
      signals.splice(i, 1);
    }).join('\n')).toMatch(/lists no signal for it/);
  });
});

describe("today's finding families on the demo detector", () => {
  const demo = findingsOf(DEMO_DETECTOR_ID);
  const ofType = (pattern: RegExp) => demo.filter((f) => pattern.test(f.type ?? ''));

  it('runtime findings: a process with executable, SHA-256, user and pid, its lineage linked by parentUuid, and a context', () => {
    const runtime = demo.filter((f) => f.service?.runtimeDetails);
    expect(runtime.length).toBeGreaterThanOrEqual(10);
    for (const f of runtime) {
      const { process, context } = f.service!.runtimeDetails as { process: Json; context: Json };
      expect(f.service?.featureName).toBe('RuntimeMonitoring');
      expect(process).toMatchObject({ name: expect.any(String), executablePath: expect.stringMatching(/^\//), executableSha256: expect.stringMatching(/^[0-9a-f]{64}$/), user: expect.any(String), pid: expect.any(Number) });
      const lineage = list(process.lineage);
      expect(lineage.length).toBeGreaterThanOrEqual(1);
      expect(process.parentUuid).toBe(lineage[0].uuid);
      lineage.slice(0, -1).forEach((ancestor, i) => expect(ancestor.parentUuid).toBe(lineage[i + 1].uuid));
      expect(typeof context.commandLineExample).toBe('string');
    }
    const resources = new Set(runtime.map((f) => f.resource?.resourceType));
    for (const r of ['Instance', 'EKSCluster', 'ECSCluster', 'Container']) expect(resources).toContain(r);
  });

  it('malware findings: EBS volume scans with threats, paths and hashes; S3 object scans; an EBS snapshot scan', () => {
    const ebs = demo.filter((f) => f.service?.ebsVolumeScanDetails);
    expect(ebs.length).toBeGreaterThanOrEqual(3);
    for (const f of ebs) {
      const scan = f.service!.ebsVolumeScanDetails as { scanDetections: { threatDetectedByName: { threatNames: { name: string; filePaths: Json[] }[] } } };
      const names = scan.scanDetections.threatDetectedByName.threatNames;
      expect(names.length).toBeGreaterThan(0);
      for (const p of names.flatMap((n) => n.filePaths)) expect(p).toMatchObject({ filePath: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/), volumeArn: expect.stringMatching(/^arn:aws:ec2:/) });
      const volumes = list((f.resource?.ebsVolumeDetails as Json | undefined)?.scannedVolumeDetails);
      expect(volumes.length).toBeGreaterThan(0);
    }
    const s3 = ofType(/^Object:S3\/MaliciousFile$/);
    expect(s3.length).toBeGreaterThan(0);
    for (const f of s3) {
      expect(f.resource?.resourceType).toBe('S3Object');
      expect(list((f.resource?.s3BucketDetails?.[0] as Json).s3ObjectDetails)[0]).toMatchObject({ key: expect.any(String), hash: expect.any(String) });
      expect(list((f.service?.malwareScanDetails as Json).threats)[0]).toMatchObject({ name: expect.any(String), itemPaths: expect.any(Array) });
    }
    const snapshots = demo.filter((f) => f.resource?.ebsSnapshotDetails);
    expect(snapshots.length).toBeGreaterThan(0);
    for (const f of snapshots) expect((f.resource!.ebsSnapshotDetails as Json).snapshotArn).toMatch(/:snapshot\/snap-/);
  });

  it('ECS findings name the cluster, the task and its containers; container findings the container and its host', () => {
    const ecs = demo.filter((f) => f.resource?.resourceType === 'ECSCluster');
    expect(ecs.length).toBeGreaterThan(0);
    for (const f of ecs) {
      const task = (f.resource!.ecsClusterDetails as { taskDetails: Json }).taskDetails;
      expect(task.arn).toMatch(/^arn:aws:ecs:.*:task\//);
      expect(list(task.containers).length).toBeGreaterThan(0);
      expect(list(task.containers)[0]).toMatchObject({ id: expect.any(String), image: expect.any(String) });
    }
    const containers = demo.filter((f) => f.resource?.resourceType === 'Container');
    expect(containers.length).toBeGreaterThan(0);
    for (const f of containers) expect(f.resource).toMatchObject({ instanceDetails: { instanceId: expect.any(String) }, containerDetails: { image: expect.any(String) } });
  });

  it('RDS login attempts carry LoginAttributes of successful, failed and brute-forced logins', () => {
    const rds = demo.filter((f) => f.service?.action?.actionType === 'RDS_LOGIN_ATTEMPT');
    expect(new Set(rds.map((f) => f.type)).size).toBeGreaterThanOrEqual(4);
    const attributes = rds.flatMap((f) => list((f.service!.action!.rdsLoginAttemptAction as Json).LoginAttributes));
    expect(attributes.length).toBeGreaterThanOrEqual(rds.length);
    expect(attributes.some((a) => Number(a.successfulLoginAttempts) > 0 && Number(a.failedLoginAttempts) >= 80)).toBe(true);
    expect(attributes.some((a) => a.successfulLoginAttempts === 0)).toBe(true);
    for (const f of rds) expect(f.resource).toMatchObject({ rdsDbInstanceDetails: expect.any(Object), rdsDbUserDetails: { user: expect.any(String) } });
  });
});
