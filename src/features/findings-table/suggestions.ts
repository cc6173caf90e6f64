/**
 * Suggestions for the free-text filter values. Where GetFindingsStatistics has a `groupBy` for the
 * field (finding type, account, resource ids) the values come from it (useSuggestions.ts: every
 * matching finding, not the loaded page); otherwise values seen in the loaded findings, then known
 * GuardDuty values (and, for countries, GuardDuty's country names). Suggestions only: any value can
 * be typed.
 */
import { valuesAtPath, type Finding } from '../../guardduty';
import { ANY_ATTRIBUTES } from '../../api/any-criteria';
import { COUNTRY_NAMES } from '../../view/countries';
import { LIST_FILTERS } from '../../view/filters';

const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1', 'ap-south-2', 'ap-southeast-1',
  'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1',
  'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'sa-east-1', 'us-gov-east-1', 'us-gov-west-1',
];

const RESOURCE_TYPES = [
  'Instance', 'AccessKey', 'S3Bucket', 'S3Object', 'EKSCluster', 'ECSCluster', 'Container', 'Lambda', 'RDSDBInstance',
  'RDSLimitlessDB', 'EC2Image', 'EBSSnapshot', 'EBSVolume', 'RecoveryPoint',
];

const ACTION_TYPES = [
  'NETWORK_CONNECTION', 'AWS_API_CALL', 'DNS_REQUEST', 'PORT_PROBE', 'KUBERNETES_API_CALL', 'RDS_LOGIN_ATTEMPT',
  'KUBERNETES_PERMISSION_CHECKED', 'KUBERNETES_ROLE_BINDING', 'KUBERNETES_ROLE',
];

const FINDING_TYPES = [
  'Backdoor:EC2/C&CActivity.B', 'Backdoor:EC2/C&CActivity.B!DNS', 'Backdoor:EC2/DenialOfService.Dns', 'Backdoor:EC2/DenialOfService.Tcp',
  'Backdoor:EC2/DenialOfService.Udp', 'Backdoor:EC2/Spambot', 'Behavior:EC2/NetworkPortUnusual', 'Behavior:EC2/TrafficVolumeUnusual',
  'CryptoCurrency:EC2/BitcoinTool.B', 'CryptoCurrency:EC2/BitcoinTool.B!DNS', 'Discovery:S3/AnomalousBehavior',
  'Discovery:IAMUser/AnomalousBehavior', 'Exfiltration:S3/AnomalousBehavior', 'Impact:EC2/PortSweep', 'Impact:EC2/WinRMBruteForce',
  'InitialAccess:IAMUser/AnomalousBehavior', 'Policy:IAMUser/RootCredentialUsage', 'Policy:S3/BucketBlockPublicAccessDisabled',
  'PrivilegeEscalation:IAMUser/AnomalousBehavior', 'Recon:EC2/PortProbeEMRUnprotectedPort', 'Recon:EC2/PortProbeUnprotectedPort',
  'Recon:EC2/Portscan', 'Recon:IAMUser/MaliciousIPCaller', 'Stealth:IAMUser/CloudTrailLoggingDisabled',
  'Trojan:EC2/BlackholeTraffic', 'Trojan:EC2/DNSDataExfiltration', 'Trojan:EC2/DropPoint', 'UnauthorizedAccess:EC2/MaliciousIPCaller.Custom',
  'UnauthorizedAccess:EC2/RDPBruteForce', 'UnauthorizedAccess:EC2/SSHBruteForce', 'UnauthorizedAccess:EC2/TorClient',
  'UnauthorizedAccess:EC2/TorRelay', 'UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B',
  'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', 'UnauthorizedAccess:IAMUser/MaliciousIPCaller',
  'UnauthorizedAccess:IAMUser/TorIPCaller', 'Execution:Runtime/NewBinaryExecuted', 'Execution:EC2/MaliciousFile',
  'PrivilegeEscalation:Kubernetes/PrivilegedContainer', 'Policy:Kubernetes/AnonymousAccessGranted',
];

const KNOWN: Record<string, readonly string[]> = {
  type: FINDING_TYPES,
  resource: RESOURCE_TYPES,
  inRegion: REGIONS,
  action: ACTION_TYPES,
};

/** At most `limit` suggestions for a list-filter parameter, loaded values first. */
export function suggestionsFor(param: string, findings: readonly Finding[], limit = 200): string[] {
  const field = LIST_FILTERS.find((f) => f.param === param);
  if (!field) return [];
  const seen = new Set<string>();
  const attributes = ANY_ATTRIBUTES[field.attribute] ?? [field.attribute];
  for (const f of findings) {
    for (const attribute of attributes) {
      for (const v of valuesAtPath(f, attribute)) {
        if (typeof v === 'string' && v) seen.add(v);
        if (seen.size >= limit) break;
      }
    }
    if (seen.size >= limit) break;
  }
  const loaded = [...seen].sort();
  const known = (field.country ? COUNTRY_NAMES : (KNOWN[param] ?? [])).filter((v) => !seen.has(v));
  return [...loaded, ...known].slice(0, limit);
}
