import { describe, expect, it } from 'vitest';
import { parseTimestamp, remoteIpSightings, type Finding } from '../../src/guardduty';

/** The remote IP details of a finding's action (sequence endpoints are checked with the sequences). */
const remoteIps = (f: Finding) => remoteIpSightings(f).filter((s) => s.actionType !== undefined).map((s) => s.details);
import {
  ALL_DETECTOR_IDS, ATTACKER_TEXT_FINDING_IDS, DEMO_DEFAULT_REGION, DEMO_DETECTOR_ID, DEMO_DETECTOR_REGIONS, regionOfDetector, DEMO_GENERATED_COUNT, REFERENCE_NOW, SAMPLE_FINDING_ID, SCALE_DETECTOR_ID,
  SCALE_FINDING_COUNT, createEmulator, demoFindings, findingsOf,
} from './index';
import { DEMO_SEQUENCES_PER_KIND } from './dataset';
import { SEQUENCE_KINDS } from './dataset/attack-sequences';
import { sampleFinding } from './dataset/sample';
import { callApi } from './test-support';

const demo = demoFindings();
const generated = demo.filter((f) => f.id !== SAMPLE_FINDING_ID && !ATTACKER_TEXT_FINDING_IDS.includes(f.id));
const ISO_PLAIN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const timestampsOf = (f: Finding) => [f.createdAt, f.updatedAt, f.service?.eventFirstSeen, f.service?.eventLastSeen];

describe('the spec sample finding', () => {
  it('is answered by GetFindings as the spec prints it, 2018 timestamps included, whatever now is', () => {
    const response = callApi(createEmulator({ now: Date.UTC(2030, 0, 1) }), 'POST', `/detector/${DEMO_DETECTOR_ID}/findings/get`, { findingIds: [SAMPLE_FINDING_ID] });
    expect(response.status).toBe(200);
    const [sample] = (response.json as { findings: Finding[] }).findings;
    expect(sample).toEqual(sampleFinding());
    // What the GetFindings reference's Sample Response shows, field by field.
    expect(sample).toMatchObject({
      schemaVersion: '2.0', accountId: '123456789012', region: 'us-west-2', partition: 'aws', id: '9cb0be64df8ba1df249c45eb8a0bf584',
      arn: `arn:aws:guardduty:us-west-2:123456789012:detector/${DEMO_DETECTOR_ID}/finding/9cb0be64df8ba1df249c45eb8a0bf584`,
      type: 'UnauthorizedAccess:EC2/RDPBruteForce', severity: 2,
      createdAt: '2018-02-09T22:57:31.927Z', updatedAt: '2018-02-09T22:57:31.927Z',
      title: '198.51.100.0 is performing RDP brute force attacks against i-99999999.',
    });
    expect(sample.resource?.instanceDetails).toMatchObject({ instanceId: 'i-99999999', instanceType: 'm3.xlarge', launchTime: '2016-08-02T02:05:06Z', platform: null, imageId: 'ami-99999999' });
    expect(sample.resource?.instanceDetails?.tags).toHaveLength(9);
    expect(sample.service).toMatchObject({
      additionalInfo: { sample: true }, eventFirstSeen: '2018-02-09T22:57:31.927Z', eventLastSeen: '2018-02-09T22:57:31.927Z',
      archived: false, count: 1, userFeedback: 'NOT_USEFUL', resourceRole: 'TARGET',
    });
    expect(sample.service?.action?.networkConnectionAction).toMatchObject({
      connectionDirection: 'INBOUND', remotePortDetails: { port: 1067, portName: 'Unknown' }, localPortDetails: { port: 3389, portName: 'RDP' },
      protocol: 'TCP', blocked: false, remoteIpDetails: { ipAddressV4: '198.51.100.0', geoLocation: { lat: 0, lon: 0 } },
    });
  });
});

describe('the demo regions', () => {
  const byDetector = ALL_DETECTOR_IDS.map((id) => ({ id, region: regionOfDetector(id)!, findings: findingsOf(id) }));

  it('has detectors with findings in 4+ regions', () => {
    expect(new Set(byDetector.filter((d) => d.findings.length > 0).map((d) => d.region)).size).toBeGreaterThanOrEqual(4);
  });

  it.each(byDetector)('every finding of $id names its detector, its region ($region) and its ARN in that region', ({ id, region, findings }) => {
    const others = DEMO_DETECTOR_REGIONS.filter((r) => r !== region).map((r) => `:${r}:`);
    const problems: string[] = [];
    for (const f of findings) {
      if (f.id === SAMPLE_FINDING_ID) continue; // the spec's sample, verbatim (us-west-2)
      if (f.region !== region) problems.push(`${f.id}: region ${f.region}`);
      if (f.arn !== `arn:aws:guardduty:${region}:${f.accountId}:detector/${id}/finding/${f.id}`) problems.push(`${f.id}: arn ${f.arn}`);
      if (f.service?.detectorId !== id) problems.push(`${f.id}: detectorId ${f.service?.detectorId}`);
      // Resource ARNs and zones name the region too, never another one.
      const text = JSON.stringify(f.resource);
      for (const other of others) if (text.includes(other)) problems.push(`${f.id} mentions ${other}`);
    }
    expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('keeps global-service IAM findings in us-east-1', () => {
    const iam = (f: Finding) => String(f.type).includes(':IAMUser/');
    expect(demo.filter(iam).length).toBeGreaterThan(5);
    for (const { region, findings } of byDetector) if (region !== DEMO_DEFAULT_REGION) expect(findings.filter(iam), region).toEqual([]);
  });

  it('answers each region from its own detectors only', () => {
    for (const region of DEMO_DETECTOR_REGIONS) {
      const emulator = createEmulator({ region });
      const ids = emulator.listDetectors({}).detectorIds;
      expect(ids, region).toEqual(byDetector.filter((d) => d.region === region).map((d) => d.id));
      const foreign = byDetector.find((d) => d.region !== region)!;
      expect(() => emulator.getDetector(foreign.id)).toThrow(/not owned/);
    }
    expect(createEmulator({ region: 'sa-east-1' }).listDetectors({}).detectorIds).toEqual([]);
  });
});

describe('the demo dataset', () => {
  it('holds the generated findings, the sample, the attacker-text findings and attack sequences with their members, each id once', () => {
    expect(DEMO_GENERATED_COUNT).toBeGreaterThanOrEqual(330);
    const members = demo.filter((f) => f.associatedAttackSequenceArn !== undefined);
    const sequences = SEQUENCE_KINDS.length * DEMO_SEQUENCES_PER_KIND;
    expect(demo).toHaveLength(DEMO_GENERATED_COUNT + 1 + ATTACKER_TEXT_FINDING_IDS.length + sequences + members.length);
    expect(demo.length).toBeLessThan(600);
    expect(new Set(demo.map((f) => f.id)).size).toBe(demo.length);
    for (const f of demo) {
      expect(f.id).toMatch(/^[0-9a-f]{32}$/);
      expect(f.arn).toBe(`arn:aws:guardduty:${f.region}:${f.accountId}:detector/${DEMO_DETECTOR_ID}/finding/${f.id}`);
      expect(f.service?.detectorId).toBe(DEMO_DETECTOR_ID);
    }
  });

  it('is JSON as the wire carries it', () => {
    expect(JSON.parse(JSON.stringify(demo))).toEqual(demo);
  });

  it('covers 25+ finding types, the four documented action types and several resource types', () => {
    expect(new Set(demo.map((f) => f.type)).size).toBeGreaterThanOrEqual(25);
    const actions = new Set(demo.map((f) => f.service?.action?.actionType));
    for (const action of ['NETWORK_CONNECTION', 'AWS_API_CALL', 'DNS_REQUEST', 'PORT_PROBE']) expect(actions).toContain(action);
    const resources = new Set(demo.map((f) => f.resource?.resourceType));
    for (const resource of ['Instance', 'AccessKey', 'S3Bucket', 'EKSCluster', 'Lambda', 'RDSDBInstance', 'Container', 'ECSCluster', 'S3Object', 'EBSSnapshot', 'AttackSequence']) {
      expect(resources).toContain(resource);
    }
  });

  it('has remote IPs in 40+ countries with real coordinates, and some without a location or at 0,0', () => {
    const ips = demo.flatMap(remoteIps);
    expect(new Set(ips.map((ip) => ip.country?.countryCode).filter(Boolean)).size).toBeGreaterThanOrEqual(40);
    expect(ips.some((ip) => ip.geoLocation === undefined)).toBe(true);
    expect(ips.some((ip) => ip.geoLocation?.lat === 0 && ip.geoLocation?.lon === 0)).toBe(true);
    for (const { geoLocation } of ips) {
      if (!geoLocation) continue;
      expect(Math.abs(geoLocation.lat!)).toBeLessThanOrEqual(90);
      expect(Math.abs(geoLocation.lon!)).toBeLessThanOrEqual(180);
    }
  });

  it('has port probes of 1 to 4 probes, each with its own remote IP', () => {
    const probes = demo.flatMap((f) => (f.service?.action?.portProbeAction ? [f.service.action.portProbeAction.portProbeDetails ?? []] : []));
    expect(probes.length).toBeGreaterThan(0);
    for (const details of probes) {
      expect(details.length).toBeGreaterThanOrEqual(1);
      expect(details.length).toBeLessThanOrEqual(4);
      for (const d of details) expect(d.remoteIpDetails?.ipAddressV4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
    expect(probes.some((d) => d.length > 1)).toBe(true);
  });

  it('has severities in every band, both sides of each band boundary included', () => {
    const severities = new Set(demo.map((f) => f.severity));
    for (const edge of [1.0, 3.9, 4.0, 6.9, 7.0, 8.9, 9.0, 10.0]) expect(severities).toContain(edge);
    for (const s of severities) {
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(10);
    }
  });

  it('mixes both timestamp forms, and every timestamp parses', () => {
    const all = demo.flatMap(timestampsOf);
    expect(all.some((t) => ISO_PLAIN.test(t!))).toBe(true);
    expect(all.some((t) => ISO_MILLIS.test(t!))).toBe(true);
    for (const t of all) expect(parseTimestamp(t)).toBeTypeOf('number');
    for (const f of generated) {
      expect(parseTimestamp(f.service!.eventFirstSeen)!).toBeLessThanOrEqual(parseTimestamp(f.service!.eventLastSeen)! + 999);
    }
  });

  it('spreads over 4+ accounts, with ~10% archived, repeated activity, confidence and feedback', () => {
    expect(new Set(demo.map((f) => f.accountId)).size).toBeGreaterThanOrEqual(4);
    const archived = demo.filter((f) => f.service?.archived).length / demo.length;
    expect(archived).toBeGreaterThan(0.05);
    expect(archived).toBeLessThan(0.15);
    expect(demo.some((f) => Number(f.service?.count) > 1)).toBe(true);
    expect(demo.some((f) => typeof f.confidence === 'number')).toBe(true);
    expect(demo.some((f) => f.confidence === undefined)).toBe(true);
    expect(demo.some((f) => f.service?.userFeedback)).toBe(true);
  });

  it("writes additionalInfo as GuardDuty does: {value: a JSON string, type: 'default'}", () => {
    for (const f of generated) {
      expect(f.service?.additionalInfo?.type).toBe('default');
      expect(() => JSON.parse(f.service!.additionalInfo!.value!)).not.toThrow();
    }
  });

  it('describes instances fully and access keys, in both product code shapes', () => {
    const instances = demo.flatMap((f) => (f.resource?.instanceDetails ? [f.resource.instanceDetails] : []));
    const nic = instances.flatMap((i) => i.networkInterfaces ?? []);
    expect(nic.some((n) => n.publicIp && n.publicDnsName && n.privateIpAddress && n.privateDnsName && n.subnetId && n.vpcId && n.securityGroups?.length)).toBe(true);
    expect(instances.every((i) => i.instanceId && i.imageId && i.iamInstanceProfile?.arn && i.tags?.length)).toBe(true);
    const codes = instances.flatMap((i) => i.productCodes ?? []);
    expect(codes.some((c) => c.productCodeId && c.productCodeType)).toBe(true);
    expect(codes.some((c) => c.code && c.productType)).toBe(true);
    expect(demo.some((f) => f.resource?.accessKeyDetails?.accessKeyId && f.resource.accessKeyDetails.userType)).toBe(true);
  });

  it('carries fields the spec page does not know, to prove they are tolerated', () => {
    expect(demo.some((f) => f.service?.featureName)).toBe(true);
    expect(demo.some((f) => f.service?.detection)).toBe(true);
  });

  it('has attacker-controlled text in every place the brief names', () => {
    const attacker = demo.filter((f) => ATTACKER_TEXT_FINDING_IDS.includes(f.id));
    expect(attacker.map((f) => f.id).sort()).toEqual([...ATTACKER_TEXT_FINDING_IDS].sort());
    const payload = /<img src=x onerror=alert\(1\)>|<script>alert\(1\)<\/script>|javascript:alert\(1\)|"><svg onload=alert\(1\)>/;
    for (const f of attacker) expect(JSON.stringify(f)).toMatch(payload);
    const text = (pick: (f: Finding) => unknown[]) => attacker.flatMap(pick).filter((v) => typeof v === 'string' && payload.test(v));
    expect(text((f) => [f.title])).not.toHaveLength(0);
    expect(text((f) => [f.description])).not.toHaveLength(0);
    expect(text((f) => (f.resource?.instanceDetails?.tags ?? []).map((t) => t.value))).not.toHaveLength(0);
    expect(text((f) => remoteIps(f).flatMap((ip) => [ip.organization?.org, ip.organization?.asnOrg, ip.organization?.isp]))).not.toHaveLength(0);
    expect(text((f) => remoteIps(f).map((ip) => ip.city?.cityName))).not.toHaveLength(0);
    expect(text((f) => [f.service?.action?.dnsRequestAction?.domain])).not.toHaveLength(0);
    expect(text((f) => [f.service?.action?.awsApiCallAction?.userAgent])).not.toHaveLength(0);
    const runtime = (f: Finding) => f.service?.runtimeDetails as { process?: { name?: string; executablePath?: string; lineage?: { name?: string }[] }; context?: { commandLineExample?: string } } | undefined;
    expect(text((f) => [runtime(f)?.process?.name, runtime(f)?.process?.executablePath, ...(runtime(f)?.process?.lineage ?? []).map((p) => p.name)])).not.toHaveLength(0);
    expect(text((f) => [runtime(f)?.context?.commandLineExample])).not.toHaveLength(0);
    type Scan = { scanDetections?: { threatDetectedByName?: { threatNames?: { filePaths?: { filePath?: string }[] }[] } } };
    const scanPaths = (f: Finding) => ((f.service?.ebsVolumeScanDetails as Scan | undefined)?.scanDetections?.threatDetectedByName?.threatNames ?? []).flatMap((n) => (n.filePaths ?? []).map((p) => p.filePath));
    expect(text((f) => scanPaths(f))).not.toHaveLength(0);
    expect(text((f) => (f.resource?.s3BucketDetails ?? []).flatMap((b) => ((b.s3ObjectDetails ?? []) as { key?: string }[]).map((o) => o.key)))).not.toHaveLength(0);
    const sequence = (f: Finding) => (f.service?.detection as { sequence?: { actors?: { user?: { name?: string } }[]; endpoints?: { domain?: string; location?: { city?: string } }[]; sequenceIndicators?: { values?: string[] }[] } } | undefined)?.sequence;
    expect(text((f) => (sequence(f)?.actors ?? []).map((a) => a.user?.name))).not.toHaveLength(0);
    expect(text((f) => (sequence(f)?.endpoints ?? []).flatMap((e) => [e.domain, e.location?.city]))).not.toHaveLength(0);
    expect(text((f) => (sequence(f)?.sequenceIndicators ?? []).flatMap((i) => i.values ?? []))).not.toHaveLength(0);
  });
});

describe('time', () => {
  it('is deterministic for a given now', () => {
    expect(findingsOf(DEMO_DETECTOR_ID, REFERENCE_NOW + 1)).toEqual(findingsOf(DEMO_DETECTOR_ID, REFERENCE_NOW + 1));
  });

  it('shifts with now: the newest finding is minutes old, ids stay, the sample keeps 2018', () => {
    const now = Date.UTC(2031, 4, 6, 7, 8, 9);
    const shifted = findingsOf(DEMO_DETECTOR_ID, now);
    expect(shifted.map((f) => f.id)).toEqual(demo.map((f) => f.id));
    const newest = Math.max(...shifted.map((f) => parseTimestamp(f.updatedAt)!));
    expect(now - newest).toBeGreaterThan(0);
    expect(now - newest).toBeLessThan(15 * 60_000);
    expect(shifted.find((f) => f.id === SAMPLE_FINDING_ID)?.updatedAt).toBe('2018-02-09T22:57:31.927Z');
  });
});

describe('the scale dataset', () => {
  it('holds exactly 10,000 findings with unique ids from the same generators', () => {
    const scale = findingsOf(SCALE_DETECTOR_ID);
    expect(scale).toHaveLength(SCALE_FINDING_COUNT);
    expect(SCALE_FINDING_COUNT).toBe(10_000);
    expect(new Set(scale.map((f) => f.id)).size).toBe(10_000);
    expect(new Set(scale.map((f) => f.type)).size).toBeGreaterThanOrEqual(25);
    expect(scale.every((f) => f.service?.detectorId === SCALE_DETECTOR_ID)).toBe(true);
  });
});
