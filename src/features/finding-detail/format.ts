/**
 * How the detail view writes a finding's values as text. The UI and the tests (which walk a
 * finding's JSON leaves and look for each on the page) use these same functions.
 */
import { parseTimestamp } from '../../guardduty/values';
import { formatSeverity } from '../../lib/severity';
import { formatRelative } from '../../lib/time';

/** Shown for null (GuardDuty said "no value"), e.g. the spec sample's `platform`. */
export const EMPTY = '—';

/** Keys whose values are timestamps (ISO strings or epoch numbers). */
const TIME_KEY = /(At|Time|Seen)$/;

export const isTimeKey = (key: string | undefined): boolean => key !== undefined && TIME_KEY.test(key);

/** "2018-02-09 22:57:31.927 UTC": exact, in UTC, milliseconds only when the value has them. */
export function formatExactUtc(value: unknown): string | undefined {
  const t = parseTimestamp(value);
  if (t === undefined) return undefined;
  const iso = new Date(t).toISOString();
  const ms = iso.slice(19, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === '.000' ? '' : ms} UTC`;
}

export { formatRelative };

/** The text of one leaf value; `key` is its JSON property name, which decides timestamps and severities. */
export function formatValue(value: unknown, key?: string): string {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (key === 'severity' && typeof value === 'number') return formatSeverity(value);
  if (isTimeKey(key) && (typeof value === 'string' || typeof value === 'number')) {
    const exact = formatExactUtc(value);
    if (exact) return exact;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const ACRONYMS: Record<string, string> = {
  acl: 'ACL', acls: 'ACLs', ami: 'AMI', api: 'API', arn: 'ARN', asn: 'ASN', aws: 'AWS', db: 'DB', dns: 'DNS', ebs: 'EBS',
  ec2: 'EC2', ecs: 'ECS', eks: 'EKS', euid: 'EUID', gb: 'GB', iam: 'IAM', iana: 'IANA', id: 'ID', ids: 'IDs', ip: 'IP',
  ips: 'IPs', ipv4: 'IPv4', ipv6: 'IPv6', isp: 'ISP', kms: 'KMS', mfa: 'MFA', pid: 'PID', rds: 'RDS', s3: 'S3',
  sha256: 'SHA-256', sse: 'SSE', uid: 'UID', uids: 'UIDs', uri: 'URI', url: 'URL', vpc: 'VPC', v4: 'v4', v6: 'v6',
};

/** "eksClusterDetails" → "EKS cluster details": a label for a property this version has no name for. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z]{2,})/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? (/^[A-Z][A-Z0-9]+$/.test(w) ? w : w.toLowerCase()));
  if (words.length === 0 || words[0] === '') return key;
  // Merge "ip address v4" style tails: "IP address v4" reads fine, keep it.
  const first = words[0];
  words[0] = first === first.toLowerCase() ? first.charAt(0).toUpperCase() + first.slice(1) : first;
  return words.join(' ');
}

/** Values worth a copy button: identifiers, addresses, ARNs and hashes. */
export function isCopyable(key: string | undefined, value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  if (value.startsWith('arn:')) return true;
  return key !== undefined && /(^id$|Id$|Ids$|^uid$|Uid$|arn$|Arn$|^ip$|Ip$|IpAddress$|ipAddressV[46]$|Sha256$|^hash$|Hash$|Ips$|IPs$|ipv6Addresses$)/.test(key);
}
