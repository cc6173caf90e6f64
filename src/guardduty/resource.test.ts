import { describe, expect, it } from 'vitest';
import { demoFindings } from '../../mocks/emulator';
import { resourceOf } from './resource';
import type { Finding } from './finding';

const demo = demoFindings();
const ofType = (type: string) => demo.filter((f) => f.resource?.resourceType === type);

describe('resourceOf on every resource kind of the demo', () => {
  it('names the bucket(s) of S3 findings, never the IAM user who touched them', () => {
    const s3 = ofType('S3Bucket');
    expect(s3.length).toBeGreaterThan(0);
    for (const f of s3) {
      const buckets = (f.resource?.s3BucketDetails ?? []).map((b) => b.name as string);
      const ref = resourceOf(f);
      expect(ref.name).toBe(buckets[0]);
      expect(ref.more).toBe(buckets.length - 1);
      const user = f.resource?.accessKeyDetails?.userName;
      if (user && !buckets.includes(user)) expect(ref.text).not.toContain(user);
    }
  });

  it.each([
    ['Instance', (f: Finding) => f.resource?.instanceDetails?.instanceId],
    ['AccessKey', (f: Finding) => f.resource?.accessKeyDetails?.userName ?? f.resource?.accessKeyDetails?.accessKeyId],
    ['Lambda', (f: Finding) => f.resource?.lambdaDetails?.functionName],
    ['EKSCluster', (f: Finding) => f.resource?.eksClusterDetails?.name],
    ['ECSCluster', (f: Finding) => f.resource?.ecsClusterDetails?.name],
    ['Container', (f: Finding) => f.resource?.containerDetails?.name ?? f.resource?.containerDetails?.id],
    ['RDSDBInstance', (f: Finding) => f.resource?.rdsDbInstanceDetails?.dbInstanceIdentifier],
    ['EBSSnapshot', (f: Finding) => String((f.resource?.ebsSnapshotDetails as { snapshotArn?: string } | undefined)?.snapshotArn ?? '').split('/').pop()],
  ])('names a %s by its own id', (type, expected) => {
    const findings = ofType(type);
    expect(findings.length, type).toBeGreaterThan(0);
    for (const f of findings) expect(resourceOf(f).name, f.id).toBe(expected(f));
  });

  it('names the scanned volume of an EBS malware finding', () => {
    for (const f of ofType('EBSVolume')) {
      const arn = (f.resource?.ebsVolumeDetails as { scannedVolumeDetails?: { volumeArn?: string }[] } | undefined)?.scannedVolumeDetails?.[0]?.volumeArn;
      expect(resourceOf(f).name).toBe(arn ? arn.split('/').pop() : f.resource?.instanceDetails?.instanceId);
    }
  });

  it('summarises an attack sequence by what it touches', () => {
    const sequences = ofType('AttackSequence');
    expect(sequences.length).toBeGreaterThan(0);
    for (const f of sequences) expect(resourceOf(f).text).not.toBe('AttackSequence');
    const seq = (sequence: object): Finding => ({ id: 'x', type: 'AttackSequence:S3/CompromisedData', service: { detection: { sequence } } });
    expect(resourceOf(seq({ resources: [{ name: 'billing' }], actors: [{}, {}] })).text).toBe('billing · 2 actors');
    expect(resourceOf(seq({ resources: [{}, {}, {}], actors: [{}] })).text).toBe('3 resources · 1 actor');
    expect(resourceOf(seq({ signals: [{}] })).text).toBe('1 signal');
  });

  it('gives every demo finding a non-empty line', () => {
    for (const f of demo) expect(resourceOf(f).text, f.id).not.toBe('');
  });
});

describe('resourceOf on minimal findings', () => {
  it('names an ECS task definition as family:revision, not its bare revision number', () => {
    const withTask = demo.filter((f) => (f.resource?.ecsClusterDetails as { taskDetails?: { definitionArn?: string } } | undefined)?.taskDetails?.definitionArn);
    expect(withTask.length).toBeGreaterThan(0);
    for (const f of withTask) {
      const arn = (f.resource!.ecsClusterDetails as { taskDetails: { definitionArn: string } }).taskDetails.definitionArn;
      expect(resourceOf(f).detail, f.id).toBe(arn.slice(arn.indexOf(':task-definition/') + ':task-definition/'.length));
      expect(resourceOf(f).detail, f.id).toMatch(/^[^:/]+:\d+$/);
    }
  });

  it('falls back to the type, then to nothing, and never throws on odd shapes', () => {
    expect(resourceOf({ id: 'a' })).toEqual({ type: undefined, name: undefined, more: 0, detail: undefined, text: '' });
    expect(resourceOf({ id: 'b', resource: { resourceType: 'S3Bucket' } }).text).toBe('S3Bucket');
    expect(resourceOf({ id: 'c', resource: { resourceType: 'S3Bucket', s3BucketDetails: [null, 'x', { name: 'a' }] as never } }).name).toBe('a');
    expect(resourceOf({ id: 'd', resource: { resourceType: 'FutureThing', instanceDetails: { instanceId: 'i-1' } } }).name).toBe('i-1');
  });
});
