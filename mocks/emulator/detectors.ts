/**
 * The detectors the emulator owns, and what GetDetector says about them (GuardDuty's response
 * shape, with the deprecated `dataSources` that real detectors still return beside `features`).
 */
import { noSuchEntity, type GetDetectorResponse } from '../../src/guardduty';
import { DAY, epochSeconds, formatTimestamp } from './dataset/time';

/** The spec's sample detector: the demo dataset, sample finding included. */
export const DEMO_DETECTOR_ID = 'c6b0be64463ff852400d8ae5b2353866';
/** 10,000 findings, for paging and sorting at scale. */
export const SCALE_DETECTOR_ID = '5ca1ab1e5ca1ab1e5ca1ab1e00010000';

/** The regional demo detectors (README, "Demo data"): GuardDuty is regional, one detector per region. */
export const US_WEST_2_DETECTOR_ID = '0ec4a1f2b7d8c9e0a1b2c3d4e5f6a7b8';
export const EU_WEST_1_DETECTOR_ID = '7ab3e9d1c2f4a5b6c7d8e9f0a1b2c3d4';
export const AP_SOUTHEAST_2_DETECTOR_ID = '3f9c2e1d0b8a7c6d5e4f3a2b1c0d9e8f';

/** The demo's default region: it holds DEMO and SCALE, and the global-service (IAM) findings. */
export const DEMO_DEFAULT_REGION = 'us-east-1';
/** An opt-in region the demo account has not enabled: every call there answers UnrecognizedClientException. */
export const DEMO_NOT_ENABLED_REGIONS: readonly string[] = ['ap-east-1'];

/** The GuardDuty administrator account that owns the detectors. */
const ADMIN_ACCOUNT = '123456789012';

interface DetectorProfile {
  readonly id: string;
  readonly name: string;
  readonly ageDays: number;
  readonly region: string;
}

const DETECTORS: readonly DetectorProfile[] = [
  { id: DEMO_DETECTOR_ID, name: 'findings-atlas-demo', ageDays: 412, region: DEMO_DEFAULT_REGION },
  { id: SCALE_DETECTOR_ID, name: 'findings-atlas-scale', ageDays: 37, region: DEMO_DEFAULT_REGION },
  { id: US_WEST_2_DETECTOR_ID, name: 'findings-atlas-us-west-2', ageDays: 388, region: 'us-west-2' },
  { id: EU_WEST_1_DETECTOR_ID, name: 'findings-atlas-eu-west-1', ageDays: 301, region: 'eu-west-1' },
  { id: AP_SOUTHEAST_2_DETECTOR_ID, name: 'findings-atlas-ap-southeast-2', ageDays: 96, region: 'ap-southeast-2' },
];

/** The default region's detectors, in ListDetectors' order (DEMO first). */
export const DETECTOR_IDS: readonly string[] = DETECTORS.filter((d) => d.region === DEMO_DEFAULT_REGION).map((d) => d.id);
/** Every demo detector of every region. */
export const ALL_DETECTOR_IDS: readonly string[] = DETECTORS.map((d) => d.id);
/** The regions with a demo detector, default first. */
export const DEMO_DETECTOR_REGIONS: readonly string[] = [...new Set(DETECTORS.map((d) => d.region))];

/** A region's detectors, in ListDetectors' order (none where the demo has no detector). */
export const detectorIdsIn = (region: string): readonly string[] => DETECTORS.filter((d) => d.region === region).map((d) => d.id);

/** The region a demo detector lives in. */
export const regionOfDetector = (detectorId: string): string | undefined => DETECTORS.find((d) => d.id === detectorId)?.region;

/**
 * The detector, or the NoSuchEntityException GuardDuty answers for one the account does not own
 * (a detector of another region included, when `region` is given: detectors are regional).
 */
export function requireDetector(detectorId: string, region?: string): DetectorProfile {
  const detector = DETECTORS.find((d) => d.id === detectorId && (region === undefined || d.region === region));
  if (!detector) throw noSuchEntity('The request is rejected because the input detectorId is not owned by the current account.');
  return detector;
}

const FEATURES = ['CLOUD_TRAIL', 'DNS_LOGS', 'FLOW_LOGS', 'S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS'];
const RUNTIME_AGENTS = ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'];

export function describeDetector(detectorId: string, now: number, region?: string): GetDetectorResponse {
  const detector = requireDetector(detectorId, region);
  const createdAt = now - detector.ageDays * DAY;
  const updatedAt = now - Math.min(9, detector.ageDays) * DAY;
  const enabled = (name: string) => ({ name, status: 'ENABLED', updatedAt: epochSeconds(updatedAt) });
  const serviceRoles = `arn:aws:iam::${ADMIN_ACCOUNT}:role/aws-service-role`;
  return {
    createdAt: formatTimestamp(createdAt, true),
    findingPublishingFrequency: 'SIX_HOURS',
    serviceRole: `${serviceRoles}/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    status: 'ENABLED',
    updatedAt: formatTimestamp(updatedAt, true),
    dataSources: {
      cloudTrail: { status: 'ENABLED' },
      dnsLogs: { status: 'ENABLED' },
      flowLogs: { status: 'ENABLED' },
      s3Logs: { status: 'ENABLED' },
      kubernetes: { auditLogs: { status: 'ENABLED' } },
      malwareProtection: {
        scanEc2InstanceWithFindings: { ebsVolumes: { status: 'ENABLED' } },
        serviceRole: `${serviceRoles}/malware-protection.guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDutyMalwareProtection`,
      },
    },
    tags: { Name: detector.name, ManagedBy: 'findings-atlas-emulator' },
    features: [
      ...FEATURES.map(enabled),
      { ...enabled('RUNTIME_MONITORING'), additionalConfiguration: RUNTIME_AGENTS.map(enabled) },
    ],
  };
}
