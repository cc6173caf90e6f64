/**
 * The GuardDuty Finding as it travels on the wire (rest-json, camelCase), after the spec's
 * GetFindings response syntax and sample, with the wire names real findings use.
 *
 * Every field is optional: AWS adds fields over time and older findings lack newer ones, so the
 * UI must cope with any subset. Unknown fields are kept (index signatures) and reach the raw view.
 */

export interface IamInstanceProfile { arn?: string; id?: string }
export interface SecurityGroup { groupName?: string; groupId?: string }
export interface PrivateIpAddress { privateDnsName?: string; privateIpAddress?: string }

export interface NetworkInterface {
  networkInterfaceId?: string;
  publicDnsName?: string;
  publicIp?: string;
  securityGroups?: SecurityGroup[];
  /** Wire name; the 2018 spec page writes `Ipv6Addresses`. */
  ipv6Addresses?: string[];
  privateDnsName?: string;
  privateIpAddress?: string;
  privateIpAddresses?: PrivateIpAddress[];
  subnetId?: string;
  vpcId?: string;
  [extra: string]: unknown;
}

/** Real findings send productCodeId/productCodeType; the spec page shows code/productType. */
export interface ProductCode { productCodeId?: string; productCodeType?: string; code?: string; productType?: string }
export interface Tag { key?: string; value?: string }

export interface InstanceDetails {
  availabilityZone?: string;
  iamInstanceProfile?: IamInstanceProfile;
  imageDescription?: string;
  imageId?: string;
  instanceId?: string;
  instanceState?: string;
  instanceType?: string;
  outpostArn?: string;
  launchTime?: string;
  networkInterfaces?: NetworkInterface[];
  platform?: string | null;
  productCodes?: ProductCode[];
  tags?: Tag[];
  [extra: string]: unknown;
}

export interface AccessKeyDetails {
  accessKeyId?: string;
  principalId?: string;
  userName?: string;
  userType?: string;
  [extra: string]: unknown;
}

export interface Resource {
  /** Wire name; the spec page writes `type`. */
  resourceType?: string;
  type?: string;
  instanceDetails?: InstanceDetails;
  accessKeyDetails?: AccessKeyDetails;
  /** Newer resource kinds (S3, EKS, ECS, Lambda, RDS, containers, EBS volumes, …) are kept as-is. */
  s3BucketDetails?: Record<string, unknown>[];
  eksClusterDetails?: Record<string, unknown>;
  kubernetesDetails?: Record<string, unknown>;
  ecsClusterDetails?: Record<string, unknown>;
  containerDetails?: Record<string, unknown>;
  lambdaDetails?: Record<string, unknown>;
  rdsDbInstanceDetails?: Record<string, unknown>;
  rdsDbUserDetails?: Record<string, unknown>;
  ebsVolumeDetails?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface Organization { asn?: string; asnOrg?: string; isp?: string; org?: string }
export interface Country { countryCode?: string; countryName?: string }
export interface City { cityName?: string }
export interface GeoLocation { lat?: number; lon?: number }

export interface RemoteIpDetails {
  ipAddressV4?: string;
  ipAddressV6?: string;
  organization?: Organization;
  country?: Country;
  city?: City;
  geoLocation?: GeoLocation;
  [extra: string]: unknown;
}

export interface PortDetails { port?: number; portName?: string }
export interface LocalIpDetails { ipAddressV4?: string; ipAddressV6?: string }

export interface NetworkConnectionAction {
  connectionDirection?: string;
  remoteIpDetails?: RemoteIpDetails;
  remotePortDetails?: PortDetails;
  localPortDetails?: PortDetails;
  localIpDetails?: LocalIpDetails;
  protocol?: string;
  blocked?: boolean;
  [extra: string]: unknown;
}

export interface AwsApiCallAction {
  api?: string;
  serviceName?: string;
  callerType?: string;
  errorCode?: string;
  userAgent?: string;
  remoteIpDetails?: RemoteIpDetails;
  domainDetails?: { domain?: string };
  [extra: string]: unknown;
}

export interface DnsRequestAction {
  domain?: string;
  domainWithSuffix?: string;
  protocol?: string;
  blocked?: boolean;
  [extra: string]: unknown;
}

export interface PortProbeDetail {
  localPortDetails?: PortDetails;
  localIpDetails?: LocalIpDetails;
  remoteIpDetails?: RemoteIpDetails;
}

export interface PortProbeAction {
  blocked?: boolean;
  portProbeDetails?: PortProbeDetail[];
  [extra: string]: unknown;
}

/** Documented action types; others (KUBERNETES_API_CALL, RDS_LOGIN_ATTEMPT, …) occur and are shown generically. */
export type KnownActionType = 'NETWORK_CONNECTION' | 'AWS_API_CALL' | 'DNS_REQUEST' | 'PORT_PROBE';

export interface Action {
  actionType?: KnownActionType | (string & {});
  networkConnectionAction?: NetworkConnectionAction;
  awsApiCallAction?: AwsApiCallAction;
  dnsRequestAction?: DnsRequestAction;
  portProbeAction?: PortProbeAction;
  [extra: string]: unknown;
}

export interface Service {
  serviceName?: string;
  detectorId?: string;
  action?: Action;
  resourceRole?: string;
  /** Real findings send `{value, type}` (value is a JSON string); the spec sample shows `{"sample": true}`. */
  additionalInfo?: { value?: string; type?: string; [extra: string]: unknown };
  eventFirstSeen?: string;
  eventLastSeen?: string;
  userFeedback?: string;
  archived?: boolean;
  /** The spec says string, the wire and the sample send a number. */
  count?: number | string;
  featureName?: string;
  [extra: string]: unknown;
}

export interface Finding {
  schemaVersion?: string;
  accountId?: string;
  region?: string;
  partition?: string;
  id: string;
  arn?: string;
  type?: string;
  resource?: Resource;
  service?: Service;
  title?: string;
  description?: string;
  severity?: number;
  confidence?: number;
  createdAt?: string;
  updatedAt?: string;
  [extra: string]: unknown;
}

export function resourceTypeOf(finding: Finding): string | undefined {
  return finding.resource?.resourceType ?? finding.resource?.type;
}

// ---------------------------------------------------------------------------------------------
// Extended Threat Detection: attack sequences (`service.detection.sequence`) and the
// `associatedAttackSequenceArn` of their member findings. Wire names from the service model's
// `Detection`, `Sequence`, `Signal`, `Actor`, `NetworkEndpoint`, `ResourceV2` and `Indicator`.
// Timestamps here are epoch seconds (numbers). Every field optional, unknown fields kept.
// Added for issue 14 (the UI of attack sequences); additive only.
// ---------------------------------------------------------------------------------------------

export interface SequenceIndicator { key?: string; values?: string[]; title?: string; [extra: string]: unknown }

export interface SequenceSignal {
  uid?: string;
  /** FINDING, CLOUD_TRAIL, S3_DATA_EVENTS, EKS_AUDIT_LOGS, FLOW_LOGS, DNS_LOGS, RUNTIME_MONITORING. */
  type?: string;
  description?: string;
  name?: string;
  createdAt?: number;
  updatedAt?: number;
  firstSeenAt?: number;
  lastSeenAt?: number;
  severity?: number;
  count?: number;
  resourceUids?: string[];
  actorIds?: string[];
  endpointIds?: string[];
  signalIndicators?: SequenceIndicator[];
  [extra: string]: unknown;
}

export interface SequenceActor {
  id?: string;
  user?: { name?: string; uid?: string; type?: string; credentialUid?: string; account?: { uid?: string; account?: string }; [extra: string]: unknown };
  session?: { uid?: string; mfaStatus?: string; createdTime?: number; issuer?: string; [extra: string]: unknown };
  process?: { name?: string; path?: string; sha256?: string; [extra: string]: unknown };
  [extra: string]: unknown;
}

export interface SequenceEndpoint {
  id?: string;
  ip?: string;
  domain?: string;
  port?: number;
  location?: { city?: string; country?: string; lat?: number; lon?: number; [extra: string]: unknown };
  autonomousSystem?: { name?: string; number?: number; [extra: string]: unknown };
  connection?: { direction?: string; [extra: string]: unknown };
  [extra: string]: unknown;
}

export interface SequenceResource {
  uid?: string;
  name?: string;
  accountId?: string;
  resourceType?: string;
  region?: string;
  service?: string;
  cloudPartition?: string;
  tags?: Tag[];
  data?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface AttackSequence {
  uid?: string;
  description?: string;
  actors?: SequenceActor[];
  resources?: SequenceResource[];
  endpoints?: SequenceEndpoint[];
  signals?: SequenceSignal[];
  sequenceIndicators?: SequenceIndicator[];
  additionalSequenceTypes?: string[];
  [extra: string]: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The attack sequence a finding carries (`service.detection.sequence`), if any. */
export function attackSequenceOf(finding: Finding): AttackSequence | undefined {
  const detection = finding.service?.detection;
  const sequence = isRecord(detection) ? detection.sequence : undefined;
  return isRecord(sequence) ? (sequence as AttackSequence) : undefined;
}

/** An Extended Threat Detection finding: its type says so, or it carries a sequence. */
export function isAttackSequence(finding: Finding): boolean {
  return (typeof finding.type === 'string' && finding.type.startsWith('AttackSequence:')) || attackSequenceOf(finding) !== undefined;
}

/** The ARN of the attack sequence a member finding belongs to. */
export function associatedSequenceArn(finding: Finding): string | undefined {
  const arn = finding.associatedAttackSequenceArn;
  return typeof arn === 'string' && arn !== '' ? arn : undefined;
}
