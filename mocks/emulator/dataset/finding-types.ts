/**
 * The GuardDuty finding types the emulator produces, with the action and resource each one
 * involves and titles and descriptions written the way GuardDuty writes them.
 */

export type ResourceKind =
  | 'Instance' | 'AccessKey' | 'S3Bucket' | 'EKSCluster' | 'Lambda' | 'RDSDBInstance'
  /** A container on an EC2 instance (resourceType `Container`: instanceDetails and containerDetails). */
  | 'Container'
  /** An ECS cluster with the task and containers involved (resourceType `ECSCluster`). */
  | 'ECSCluster'
  /** An object in a bucket protected by Malware Protection for S3 (resourceType `S3Object`). */
  | 'S3Object'
  /** An EBS snapshot scanned for malware (resourceType `EBSSnapshot`). */
  | 'EBSSnapshot';

export interface Port {
  readonly port: number;
  readonly portName: string;
}

export type ActionSpec =
  | { readonly kind: 'NETWORK_CONNECTION'; readonly direction: 'INBOUND' | 'OUTBOUND'; readonly ports: readonly Port[]; readonly protocol?: 'TCP' | 'UDP' }
  | { readonly kind: 'PORT_PROBE'; readonly ports: readonly Port[] }
  | { readonly kind: 'DNS_REQUEST'; readonly domains: readonly string[] }
  | { readonly kind: 'AWS_API_CALL'; readonly calls: readonly (readonly [api: string, serviceName: string])[]; readonly userAgent?: string }
  | { readonly kind: 'KUBERNETES_API_CALL'; readonly requests: readonly (readonly [verb: string, requestUri: string])[] }
  | { readonly kind: 'RDS_LOGIN_ATTEMPT'; readonly outcome: 'success' | 'failure' | 'brute-force' }
  /** Runtime and malware findings without a network or API action: `service.action` is absent. */
  | { readonly kind: 'NONE' };

/** What a title or description talks about. */
export interface Subject {
  /** The instance id, user name, bucket, cluster, function or database the finding is about. */
  readonly name: string;
  readonly ip: string;
  readonly port?: number;
  readonly domain?: string;
  readonly api?: string;
  readonly accountId: string;
  /** Runtime findings: the process's name and executable. */
  readonly process?: string;
  readonly executable?: string;
  /** Malware findings: the threat found and the file it was found in. */
  readonly threat?: string;
  readonly file?: string;
}

type Text = (s: Subject) => string;

export type RuntimeBehaviour =
  | 'new-binary' | 'reverse-shell' | 'miner-dns' | 'c2-dns' | 'docker-socket' | 'ptrace' | 'miner' | 'suspicious-command'
  | 'suspicious-tool' | 'fileless';
/** EBS volumes of an instance or container host (GuardDuty-initiated scan), an S3 object on upload, or an EBS snapshot (AWS Backup). */
export type MalwareScan = 'ebs' | 's3' | 'snapshot';

export interface FindingType {
  readonly type: string;
  readonly resource: ResourceKind;
  readonly action: ActionSpec;
  /** The severity GuardDuty usually gives the type; the dataset varies it within its band. */
  readonly severity: number;
  /** Relative frequency in the dataset. */
  readonly weight: number;
  /** The data source GuardDuty names in `service.featureName`. */
  readonly feature: string;
  /** Threat-intelligence detections carry the list name in additionalInfo and evidence. */
  readonly threatList?: string;
  /** For AccessKey findings: whose credentials (default: an IAM user or an assumed role). */
  readonly principal?: 'root' | 'instance-role';
  /** Runtime Monitoring findings: what the process did (see runtime.ts), giving `service.runtimeDetails`. */
  readonly runtime?: RuntimeBehaviour;
  /** Malware Protection findings: what was scanned (see malware.ts). */
  readonly malware?: MalwareScan;
  readonly title: Text;
  readonly description: Text;
}

const SSH: Port = { port: 22, portName: 'SSH' };
const RDP: Port = { port: 3389, portName: 'RDP' };
const HTTP: Port = { port: 80, portName: 'HTTP' };
const HTTPS: Port = { port: 443, portName: 'HTTPS' };
const SMTP: Port = { port: 25, portName: 'SMTP' };
const TOR: Port = { port: 9001, portName: 'Unknown' };
const PROBED: readonly Port[] = [
  SSH, RDP, HTTP, HTTPS, { port: 23, portName: 'Telnet' }, { port: 445, portName: 'SMB' }, { port: 3306, portName: 'MYSQL' },
  { port: 5432, portName: 'POSTGRESQL' }, { port: 6379, portName: 'Unknown' }, { port: 8080, portName: 'HTTP' }, { port: 9200, portName: 'Unknown' },
];
const EMR_PORTS: readonly Port[] = [{ port: 8088, portName: 'Unknown' }, { port: 8890, portName: 'Unknown' }, { port: 18080, portName: 'Unknown' }];

const C2_DOMAINS = ['guarddutyc2activityb.com', 'update-check.cdn-sync.example', 'telemetry.win-upd.example', 'api.c2-panel.example'];
const MINING_DOMAINS = ['pool.supportxmr.com', 'xmr-eu1.nanopool.org', 'pool.minexmr.example', 'stratum.coinhive-mirror.example'];
const EXFIL_DOMAINS = ['a3f9c0e1b2d4.exfil-relay.example', 'bG9naW5zLmNzdg.dnsq.example', '7f0e2c91ab.tunnel-ns.example'];
const DROP_DOMAINS = ['drop.pastebin-cdn.example', 'uploads.anonfiles-mirror.example'];
const PHISHING_DOMAINS = ['login-microsoftonline.example', 'secure-aws-signin.example', 'paypal-account-verify.example'];
const REBIND_DOMAINS = ['169.254.169.254.nip.io', 'a9fea9fe.rbndr.us'];

const RECON_APIS = [['DescribeInstances', 'ec2.amazonaws.com'], ['ListUsers', 'iam.amazonaws.com'], ['GetAccountAuthorizationDetails', 'iam.amazonaws.com'], ['ListRoles', 'iam.amazonaws.com'], ['DescribeSecurityGroups', 'ec2.amazonaws.com']] as const;
const S3_DISCOVERY = [['ListObjects', 's3.amazonaws.com'], ['GetBucketAcl', 's3.amazonaws.com'], ['ListBuckets', 's3.amazonaws.com'], ['GetBucketPolicy', 's3.amazonaws.com']] as const;
const S3_IMPACT = [['DeleteObject', 's3.amazonaws.com'], ['PutBucketPolicy', 's3.amazonaws.com'], ['DeleteObjects', 's3.amazonaws.com']] as const;
const ANY_APIS = [...RECON_APIS, ['GetCallerIdentity', 'sts.amazonaws.com'], ['CreateAccessKey', 'iam.amazonaws.com'], ['RunInstances', 'ec2.amazonaws.com']] as const;

const KALI_UA = '[aws-cli/2.13.25 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off command/s3.ls]';
const PARROT_UA = '[aws-cli/2.13.25 Python/3.11.2 Linux/6.5.0-13parrot1-amd64 source/x86_64.parrot.6 prompt/off command/iam.list-users]';

const bruteForce = (proto: string): Text => (s) =>
  `${s.ip} is performing ${proto} brute force attacks against ${s.name}. Brute force attacks are used to gain unauthorized access to your instance by guessing the ${proto} password.`;

export const FINDING_TYPES: readonly FindingType[] = [
  // EC2, network connections
  {
    type: 'UnauthorizedAccess:EC2/SSHBruteForce', resource: 'Instance', severity: 2, weight: 6, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'INBOUND', ports: [SSH] },
    title: (s) => `${s.ip} is performing SSH brute force attacks against ${s.name}.`,
    description: bruteForce('SSH'),
  },
  {
    type: 'UnauthorizedAccess:EC2/RDPBruteForce', resource: 'Instance', severity: 2, weight: 4, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'INBOUND', ports: [RDP] },
    title: (s) => `${s.ip} is performing RDP brute force attacks against ${s.name}.`,
    description: bruteForce('RDP'),
  },
  {
    type: 'Impact:EC2/WinRMBruteForce', resource: 'Instance', severity: 8, weight: 1, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [{ port: 5985, portName: 'Unknown' }] },
    title: (s) => `EC2 instance ${s.name} is performing outbound Windows Remote Management brute force attacks.`,
    description: (s) => `EC2 instance ${s.name} is performing outbound Windows Remote Management (WinRM) brute force attacks against ${s.ip}. This may indicate that the instance is compromised.`,
  },
  {
    type: 'Recon:EC2/Portscan', resource: 'Instance', severity: 5, weight: 2, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: PROBED },
    title: (s) => `EC2 instance ${s.name} is performing outbound port scans against remote host ${s.ip}.`,
    description: (s) => `EC2 instance ${s.name} is performing outbound port scans against remote host ${s.ip}. This may indicate that the instance is compromised and is being used to scan for vulnerable hosts.`,
  },
  {
    type: 'Impact:EC2/PortSweep', resource: 'Instance', severity: 8, weight: 1, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: PROBED },
    title: (s) => `EC2 instance ${s.name} is performing a port sweep on port ${s.port}.`,
    description: (s) => `EC2 instance ${s.name} is probing port ${s.port} on a large number of IP addresses, including ${s.ip}. This may indicate that the instance is compromised and is looking for vulnerable hosts.`,
  },
  {
    type: 'Backdoor:EC2/C&CActivity.B', resource: 'Instance', severity: 8, weight: 2, feature: 'FlowLogs', threatList: 'ProofPoint',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [HTTPS, HTTP, { port: 4444, portName: 'Unknown' }] },
    title: (s) => `EC2 instance ${s.name} is communicating with a known Command & Control server.`,
    description: (s) => `EC2 instance ${s.name} is communicating with IP address ${s.ip}, which is associated with a known Command & Control server. This may indicate that the instance is compromised.`,
  },
  {
    type: 'Backdoor:EC2/DenialOfService.Tcp', resource: 'Instance', severity: 8, weight: 1, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [HTTP, HTTPS], protocol: 'TCP' },
    title: (s) => `EC2 instance ${s.name} is behaving in a manner that may indicate it is being used to perform a Denial of Service (DoS) attack using the TCP protocol.`,
    description: (s) => `EC2 instance ${s.name} is behaving in a manner that may indicate it is being used to perform a Denial of Service (DoS) attack against ${s.ip} using the TCP protocol.`,
  },
  {
    type: 'Backdoor:EC2/DenialOfService.Udp', resource: 'Instance', severity: 8, weight: 1, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [{ port: 53, portName: 'DNS' }, { port: 123, portName: 'NTP' }], protocol: 'UDP' },
    title: (s) => `EC2 instance ${s.name} is behaving in a manner that may indicate it is being used to perform a Denial of Service (DoS) attack using the UDP protocol.`,
    description: (s) => `EC2 instance ${s.name} is behaving in a manner that may indicate it is being used to perform a Denial of Service (DoS) attack against ${s.ip} using the UDP protocol.`,
  },
  {
    type: 'Backdoor:EC2/Spambot', resource: 'Instance', severity: 5, weight: 1, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [SMTP] },
    title: (s) => `EC2 instance ${s.name} is communicating with remote host ${s.ip} on port 25.`,
    description: (s) => `EC2 instance ${s.name} is communicating with remote host ${s.ip} on port 25. This traffic is unusual and may indicate that the instance is compromised and sending spam.`,
  },
  {
    type: 'CryptoCurrency:EC2/BitcoinTool.B', resource: 'Instance', severity: 8, weight: 2, feature: 'FlowLogs', threatList: 'Amazon',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [{ port: 3333, portName: 'Unknown' }, { port: 8333, portName: 'Unknown' }, { port: 14444, portName: 'Unknown' }] },
    title: (s) => `EC2 instance ${s.name} is communicating with a Bitcoin-related IP address.`,
    description: (s) => `EC2 instance ${s.name} is communicating with Bitcoin-related IP address ${s.ip}. Unless you use this instance to mine or manage cryptocurrency, it may be compromised.`,
  },
  {
    type: 'Trojan:EC2/BlackholeTraffic', resource: 'Instance', severity: 5, weight: 1, feature: 'FlowLogs', threatList: 'Amazon',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [HTTP, HTTPS] },
    title: (s) => `EC2 instance ${s.name} is attempting to communicate with a black hole IP address.`,
    description: (s) => `EC2 instance ${s.name} is attempting to communicate with the black hole IP address ${s.ip}.`,
  },
  {
    type: 'UnauthorizedAccess:EC2/TorClient', resource: 'Instance', severity: 8, weight: 1, feature: 'FlowLogs', threatList: 'TorGuardNodes',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [TOR, HTTPS] },
    title: (s) => `EC2 instance ${s.name} is making connections to a Tor Guard or an Authority node.`,
    description: (s) => `EC2 instance ${s.name} is making connections to ${s.ip}, a Tor Guard or an Authority node. This may indicate unauthorized access to your AWS resources.`,
  },
  {
    type: 'UnauthorizedAccess:EC2/TorRelay', resource: 'Instance', severity: 8, weight: 1, feature: 'FlowLogs', threatList: 'TorRelays',
    action: { kind: 'NETWORK_CONNECTION', direction: 'INBOUND', ports: [TOR] },
    title: (s) => `EC2 instance ${s.name} is making connections to the Tor network as a relay.`,
    description: (s) => `EC2 instance ${s.name} is making connections to the Tor network, including ${s.ip}, in a manner that suggests it is acting as a Tor relay.`,
  },
  {
    type: 'UnauthorizedAccess:EC2/MaliciousIPCaller.Custom', resource: 'Instance', severity: 5, weight: 1, feature: 'FlowLogs', threatList: 'CustomerThreatList',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [HTTPS, SSH] },
    title: (s) => `EC2 instance ${s.name} is communicating outbound with an IP address on a custom threat list.`,
    description: (s) => `EC2 instance ${s.name} is communicating outbound with ${s.ip}, an IP address on your custom threat list.`,
  },
  {
    type: 'Behavior:EC2/NetworkPortUnusual', resource: 'Instance', severity: 5, weight: 1, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [{ port: 6667, portName: 'IRC' }, { port: 31337, portName: 'Unknown' }, { port: 1337, portName: 'Unknown' }] },
    title: (s) => `EC2 instance ${s.name} is communicating on an unusual server port ${s.port}.`,
    description: (s) => `EC2 instance ${s.name} is communicating with remote host ${s.ip} on server port ${s.port}, which it has not used before.`,
  },
  {
    type: 'Behavior:EC2/TrafficVolumeUnusual', resource: 'Instance', severity: 5, weight: 1, feature: 'FlowLogs',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [HTTPS] },
    title: (s) => `EC2 instance ${s.name} is generating unusually large volumes of network traffic.`,
    description: (s) => `EC2 instance ${s.name} is generating unusually large volumes of network traffic to remote host ${s.ip}.`,
  },
  // EC2, port probes
  {
    type: 'Recon:EC2/PortProbeUnprotectedPort', resource: 'Instance', severity: 2, weight: 6, feature: 'FlowLogs', threatList: 'ProofPoint',
    action: { kind: 'PORT_PROBE', ports: PROBED },
    title: (s) => `Unprotected port on EC2 instance ${s.name} is being probed.`,
    description: (s) => `EC2 instance ${s.name} has an unprotected port which is being probed by a known malicious host.`,
  },
  {
    type: 'Recon:EC2/PortProbeEMRUnprotectedPort', resource: 'Instance', severity: 8, weight: 1, feature: 'FlowLogs', threatList: 'ProofPoint',
    action: { kind: 'PORT_PROBE', ports: EMR_PORTS },
    title: (s) => `Unprotected EMR-related port on EC2 instance ${s.name} is being probed.`,
    description: (s) => `EC2 instance ${s.name} has an unprotected EMR-related port which is being probed by a known malicious host.`,
  },
  // EC2, DNS
  {
    type: 'Backdoor:EC2/C&CActivity.B!DNS', resource: 'Instance', severity: 8, weight: 2, feature: 'DnsLogs', threatList: 'ProofPoint',
    action: { kind: 'DNS_REQUEST', domains: C2_DOMAINS },
    title: (s) => `Command and Control server domain name queried by EC2 instance ${s.name}.`,
    description: (s) => `EC2 instance ${s.name} is querying ${s.domain}, a domain name associated with a known Command & Control server. This may indicate that the instance is compromised.`,
  },
  {
    type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS', resource: 'Instance', severity: 8, weight: 2, feature: 'DnsLogs', threatList: 'Amazon',
    action: { kind: 'DNS_REQUEST', domains: MINING_DOMAINS },
    title: (s) => `Bitcoin-related domain name queried by EC2 instance ${s.name}.`,
    description: (s) => `EC2 instance ${s.name} is querying ${s.domain}, a domain name that is associated with Bitcoin-related activity. Unless you use this instance to mine or manage cryptocurrency, it may be compromised.`,
  },
  {
    type: 'Trojan:EC2/DNSDataExfiltration', resource: 'Instance', severity: 8, weight: 1, feature: 'DnsLogs',
    action: { kind: 'DNS_REQUEST', domains: EXFIL_DOMAINS },
    title: (s) => `Data exfiltration through DNS queries from EC2 instance ${s.name}.`,
    description: (s) => `EC2 instance ${s.name} is exfiltrating data through DNS queries to ${s.domain}. This may indicate that the instance is compromised.`,
  },
  {
    type: 'Trojan:EC2/DropPoint!DNS', resource: 'Instance', severity: 5, weight: 1, feature: 'DnsLogs', threatList: 'ProofPoint',
    action: { kind: 'DNS_REQUEST', domains: DROP_DOMAINS },
    title: (s) => `EC2 instance ${s.name} is querying a domain name associated with a known drop point.`,
    description: (s) => `EC2 instance ${s.name} is querying ${s.domain}, a domain name associated with a known drop point used to hold credentials and other stolen data.`,
  },
  {
    type: 'Trojan:EC2/PhishingDomainRequest!DNS', resource: 'Instance', severity: 5, weight: 1, feature: 'DnsLogs', threatList: 'ProofPoint',
    action: { kind: 'DNS_REQUEST', domains: PHISHING_DOMAINS },
    title: (s) => `Phishing domain name queried by EC2 instance ${s.name}.`,
    description: (s) => `EC2 instance ${s.name} is querying ${s.domain}, a domain name associated with phishing attacks.`,
  },
  {
    type: 'Impact:EC2/MaliciousDomainRequest.Reputation', resource: 'Instance', severity: 8, weight: 1, feature: 'DnsLogs',
    action: { kind: 'DNS_REQUEST', domains: [...C2_DOMAINS, ...DROP_DOMAINS] },
    title: (s) => `EC2 instance ${s.name} is querying a domain name with a low reputation score.`,
    description: (s) => `EC2 instance ${s.name} is querying ${s.domain}, a domain name that is known to be malicious based on its reputation score.`,
  },
  {
    type: 'UnauthorizedAccess:EC2/MetadataDNSRebind', resource: 'Instance', severity: 8, weight: 1, feature: 'DnsLogs',
    action: { kind: 'DNS_REQUEST', domains: REBIND_DOMAINS },
    title: (s) => `EC2 instance ${s.name} is performing DNS lookups that resolve to the instance metadata service.`,
    description: (s) => `EC2 instance ${s.name} is querying ${s.domain}, which resolves to the EC2 metadata IP address. An attacker may be attempting to steal the instance's credentials through DNS rebinding.`,
  },
  // IAM, API calls
  {
    type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', resource: 'AccessKey', principal: 'instance-role', severity: 8, weight: 2, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: RECON_APIS },
    title: (s) => `Credentials for the EC2 instance role ${s.name} were used from an external IP address.`,
    description: (s) => `Credentials that were created exclusively for an EC2 instance through the instance launch role ${s.name} are being used from external IP address ${s.ip}.`,
  },
  {
    type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS', resource: 'AccessKey', principal: 'instance-role', severity: 8, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: RECON_APIS },
    title: (s) => `Credentials for the EC2 instance role ${s.name} were used from a different AWS account.`,
    description: (s) => `Credentials that were created exclusively for an EC2 instance through the instance launch role ${s.name} are being used from an EC2 instance in a different AWS account, with IP address ${s.ip}.`,
  },
  {
    type: 'UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B', resource: 'AccessKey', severity: 5, weight: 2, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['ConsoleLogin', 'signin.amazonaws.com']] },
    title: (s) => `Unusual console login was seen for principal ${s.name}.`,
    description: (s) => `Principal ${s.name} successfully logged in to the AWS Management Console from ${s.ip}, which is unusual for this principal.`,
  },
  {
    type: 'UnauthorizedAccess:IAMUser/TorIPCaller', resource: 'AccessKey', severity: 5, weight: 1, feature: 'CloudTrail', threatList: 'TorExitNodes',
    action: { kind: 'AWS_API_CALL', calls: ANY_APIS },
    title: (s) => `API ${s.api} was invoked from a Tor exit node IP address.`,
    description: (s) => `API ${s.api} was invoked by ${s.name} from Tor exit node IP address ${s.ip}. This may indicate unauthorized access to your AWS resources.`,
  },
  {
    type: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom', resource: 'AccessKey', severity: 5, weight: 1, feature: 'CloudTrail', threatList: 'CustomerThreatList',
    action: { kind: 'AWS_API_CALL', calls: ANY_APIS },
    title: (s) => `API ${s.api} was invoked from an IP address on a custom threat list.`,
    description: (s) => `API ${s.api} was invoked by ${s.name} from ${s.ip}, an IP address on your custom threat list.`,
  },
  {
    type: 'Recon:IAMUser/MaliciousIPCaller', resource: 'AccessKey', severity: 5, weight: 2, feature: 'CloudTrail', threatList: 'ProofPoint',
    action: { kind: 'AWS_API_CALL', calls: RECON_APIS },
    title: (s) => `Reconnaissance API ${s.api} was invoked from a known malicious IP address.`,
    description: (s) => `API ${s.api}, commonly used in reconnaissance attacks, was invoked by ${s.name} from known malicious IP address ${s.ip}.`,
  },
  {
    type: 'Recon:IAMUser/TorIPCaller', resource: 'AccessKey', severity: 2, weight: 1, feature: 'CloudTrail', threatList: 'TorExitNodes',
    action: { kind: 'AWS_API_CALL', calls: RECON_APIS },
    title: (s) => `Reconnaissance API ${s.api} was invoked from a Tor exit node IP address.`,
    description: (s) => `API ${s.api}, commonly used in reconnaissance attacks, was invoked by ${s.name} from Tor exit node IP address ${s.ip}.`,
  },
  {
    type: 'Policy:IAMUser/RootCredentialUsage', resource: 'AccessKey', principal: 'root', severity: 2, weight: 2, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['GetAccountSummary', 'iam.amazonaws.com'], ['DescribeRegions', 'ec2.amazonaws.com'], ['ListBuckets', 's3.amazonaws.com']] },
    title: (s) => `API ${s.api} was invoked using root credentials.`,
    description: (s) => `API ${s.api} was invoked using root credentials from IP address ${s.ip} in account ${s.accountId}. AWS recommends not using root credentials for everyday tasks.`,
  },
  {
    type: 'Stealth:IAMUser/CloudTrailLoggingDisabled', resource: 'AccessKey', severity: 2, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['StopLogging', 'cloudtrail.amazonaws.com'], ['DeleteTrail', 'cloudtrail.amazonaws.com']] },
    title: () => `AWS CloudTrail trail organization-trail was disabled.`,
    description: (s) => `AWS CloudTrail trail organization-trail was disabled by ${s.name} calling ${s.api} from ${s.ip}. Attackers disable logging to cover their tracks.`,
  },
  {
    type: 'Stealth:IAMUser/PasswordPolicyChange', resource: 'AccessKey', severity: 2, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['UpdateAccountPasswordPolicy', 'iam.amazonaws.com'], ['DeleteAccountPasswordPolicy', 'iam.amazonaws.com']] },
    title: (s) => `The password policy of account ${s.accountId} was weakened.`,
    description: (s) => `The account password policy was weakened by ${s.name} calling ${s.api}. Weaker password policies make brute force attacks easier.`,
  },
  {
    type: 'PenTest:IAMUser/KaliLinux', resource: 'AccessKey', severity: 5, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: ANY_APIS, userAgent: KALI_UA },
    title: (s) => `API ${s.api} was invoked from a Kali Linux computer.`,
    description: (s) => `API ${s.api} was invoked by ${s.name} from a computer running Kali Linux, a penetration testing distribution, with IP address ${s.ip}.`,
  },
  {
    type: 'PenTest:IAMUser/ParrotLinux', resource: 'AccessKey', severity: 5, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: ANY_APIS, userAgent: PARROT_UA },
    title: (s) => `API ${s.api} was invoked from a Parrot Security Linux computer.`,
    description: (s) => `API ${s.api} was invoked by ${s.name} from a computer running Parrot Security Linux, a penetration testing distribution, with IP address ${s.ip}.`,
  },
  {
    type: 'CredentialAccess:IAMUser/AnomalousBehavior', resource: 'AccessKey', severity: 5, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['GetSecretValue', 'secretsmanager.amazonaws.com'], ['GetPasswordData', 'ec2.amazonaws.com'], ['GetParameters', 'ssm.amazonaws.com']] },
    title: (s) => `An API commonly used to gain access to credentials was invoked by ${s.name} in an unusual way.`,
    description: (s) => `API ${s.api} was invoked by ${s.name} from ${s.ip}. This API is commonly used to gain access to secrets, and the way it was called is unusual for this principal.`,
  },
  {
    type: 'Persistence:IAMUser/AnomalousBehavior', resource: 'AccessKey', severity: 5, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['CreateAccessKey', 'iam.amazonaws.com'], ['CreateUser', 'iam.amazonaws.com'], ['ImportKeyPair', 'ec2.amazonaws.com']] },
    title: (s) => `An API commonly used to maintain access was invoked by ${s.name} in an unusual way.`,
    description: (s) => `API ${s.api} was invoked by ${s.name} from ${s.ip}. This API is commonly used to keep unauthorized access to an environment, and the way it was called is unusual.`,
  },
  {
    type: 'PrivilegeEscalation:IAMUser/AnomalousBehavior', resource: 'AccessKey', severity: 5, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['AttachUserPolicy', 'iam.amazonaws.com'], ['PutRolePolicy', 'iam.amazonaws.com'], ['AddUserToGroup', 'iam.amazonaws.com']] },
    title: (s) => `An API commonly used to obtain elevated permissions was invoked by ${s.name} in an unusual way.`,
    description: (s) => `API ${s.api} was invoked by ${s.name} from ${s.ip}. This API is commonly used to obtain higher-level permissions, and the way it was called is unusual.`,
  },
  // S3
  {
    type: 'Discovery:S3/MaliciousIPCaller', resource: 'S3Bucket', severity: 8, weight: 1, feature: 'S3DataEvents', threatList: 'ProofPoint',
    action: { kind: 'AWS_API_CALL', calls: S3_DISCOVERY },
    title: (s) => `S3 API ${s.api} was invoked on bucket ${s.name} from a known malicious IP address.`,
    description: (s) => `The S3 API ${s.api}, commonly used to discover resources, was invoked on bucket ${s.name} from known malicious IP address ${s.ip}.`,
  },
  {
    type: 'Discovery:S3/TorIPCaller', resource: 'S3Bucket', severity: 5, weight: 1, feature: 'S3DataEvents', threatList: 'TorExitNodes',
    action: { kind: 'AWS_API_CALL', calls: S3_DISCOVERY },
    title: (s) => `S3 API ${s.api} was invoked on bucket ${s.name} from a Tor exit node IP address.`,
    description: (s) => `The S3 API ${s.api}, commonly used to discover resources, was invoked on bucket ${s.name} from Tor exit node IP address ${s.ip}.`,
  },
  {
    type: 'Impact:S3/MaliciousIPCaller', resource: 'S3Bucket', severity: 8, weight: 1, feature: 'S3DataEvents', threatList: 'ProofPoint',
    action: { kind: 'AWS_API_CALL', calls: S3_IMPACT },
    title: (s) => `S3 API ${s.api} was invoked on bucket ${s.name} from a known malicious IP address.`,
    description: (s) => `The S3 API ${s.api}, commonly used to tamper with data, was invoked on bucket ${s.name} from known malicious IP address ${s.ip}.`,
  },
  {
    type: 'Exfiltration:S3/AnomalousBehavior', resource: 'S3Bucket', severity: 8, weight: 1, feature: 'S3DataEvents',
    action: { kind: 'AWS_API_CALL', calls: [['GetObject', 's3.amazonaws.com'], ['CopyObject', 's3.amazonaws.com']] },
    title: (s) => `Anomalous S3 API ${s.api} calls on bucket ${s.name}.`,
    description: (s) => `An unusually large number of ${s.api} calls were made on bucket ${s.name} from ${s.ip}, which may indicate data exfiltration.`,
  },
  {
    type: 'Policy:S3/BucketBlockPublicAccessDisabled', resource: 'S3Bucket', severity: 2, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['PutBucketPublicAccessBlock', 's3.amazonaws.com'], ['DeleteBucketPublicAccessBlock', 's3.amazonaws.com']] },
    title: (s) => `Amazon S3 Block Public Access was disabled for bucket ${s.name}.`,
    description: (s) => `Amazon S3 Block Public Access was disabled for bucket ${s.name} by calling ${s.api} from ${s.ip}. The bucket may become publicly accessible.`,
  },
  {
    type: 'Policy:S3/BucketAnonymousAccessGranted', resource: 'S3Bucket', severity: 8, weight: 1, feature: 'CloudTrail',
    action: { kind: 'AWS_API_CALL', calls: [['PutBucketAcl', 's3.amazonaws.com'], ['PutBucketPolicy', 's3.amazonaws.com']] },
    title: (s) => `Bucket ${s.name} was made publicly accessible to anonymous users.`,
    description: (s) => `The permissions of bucket ${s.name} were changed by calling ${s.api} from ${s.ip} so that anyone on the internet can access it.`,
  },
  // EKS, Lambda, RDS
  {
    type: 'Discovery:Kubernetes/MaliciousIPCaller', resource: 'EKSCluster', severity: 5, weight: 1, feature: 'EksAuditLogs', threatList: 'ProofPoint',
    action: { kind: 'KUBERNETES_API_CALL', requests: [['list', '/api/v1/secrets'], ['get', '/api/v1/namespaces/kube-system/pods'], ['list', '/apis/rbac.authorization.k8s.io/v1/clusterroles']] },
    title: (s) => `Kubernetes API commonly used in discovery was invoked on cluster ${s.name} from a known malicious IP address.`,
    description: (s) => `A Kubernetes API commonly used to discover resources in a cluster was invoked on EKS cluster ${s.name} from known malicious IP address ${s.ip}.`,
  },
  {
    type: 'Execution:Kubernetes/ExecInKubeSystemPod', resource: 'EKSCluster', severity: 5, weight: 1, feature: 'EksAuditLogs',
    action: { kind: 'KUBERNETES_API_CALL', requests: [['create', '/api/v1/namespaces/kube-system/pods/aws-node-7xk2p/exec?command=sh']] },
    title: (s) => `A command was executed inside a pod in the kube-system namespace of cluster ${s.name}.`,
    description: (s) => `A command was executed inside a pod in the kube-system namespace on EKS cluster ${s.name}, from ${s.ip}.`,
  },
  {
    type: 'Backdoor:Lambda/C&CActivity.B', resource: 'Lambda', severity: 8, weight: 1, feature: 'LambdaNetworkLogs', threatList: 'ProofPoint',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [HTTPS, HTTP] },
    title: (s) => `Lambda function ${s.name} is communicating with a known Command & Control server.`,
    description: (s) => `Lambda function ${s.name} is communicating with IP address ${s.ip}, which is associated with a known Command & Control server.`,
  },
  {
    type: 'CryptoCurrency:Lambda/BitcoinTool.B', resource: 'Lambda', severity: 8, weight: 1, feature: 'LambdaNetworkLogs', threatList: 'Amazon',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [{ port: 3333, portName: 'Unknown' }] },
    title: (s) => `Lambda function ${s.name} is communicating with a Bitcoin-related IP address.`,
    description: (s) => `Lambda function ${s.name} is communicating with Bitcoin-related IP address ${s.ip}.`,
  },
  {
    type: 'CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin', resource: 'RDSDBInstance', severity: 5, weight: 1, feature: 'RdsLoginEvents',
    action: { kind: 'RDS_LOGIN_ATTEMPT', outcome: 'success' },
    title: (s) => `Anomalous successful login to database ${s.name}.`,
    description: (s) => `A user successfully logged in to RDS database ${s.name} from ${s.ip} in a way that is unusual for this database.`,
  },
  {
    type: 'CredentialAccess:RDS/AnomalousBehavior.FailedLogin', resource: 'RDSDBInstance', severity: 2, weight: 1, feature: 'RdsLoginEvents',
    action: { kind: 'RDS_LOGIN_ATTEMPT', outcome: 'failure' },
    title: (s) => `Unusual failed login attempts on database ${s.name}.`,
    description: (s) => `One or more unusual failed login attempts were observed on RDS database ${s.name} from ${s.ip}.`,
  },
  {
    type: 'CredentialAccess:RDS/AnomalousBehavior.SuccessfulBruteForce', resource: 'RDSDBInstance', severity: 8, weight: 1, feature: 'RdsLoginEvents',
    action: { kind: 'RDS_LOGIN_ATTEMPT', outcome: 'brute-force' },
    title: (s) => `A successful login to database ${s.name} followed a series of failed logins.`,
    description: (s) => `A user successfully logged in to RDS database ${s.name} from ${s.ip} after an unusually high number of failed login attempts: a brute force attack may have succeeded.`,
  },
  {
    type: 'CredentialAccess:RDS/MaliciousIPCaller.FailedLogin', resource: 'RDSDBInstance', severity: 5, weight: 1, feature: 'RdsLoginEvents', threatList: 'ProofPoint',
    action: { kind: 'RDS_LOGIN_ATTEMPT', outcome: 'failure' },
    title: (s) => `A known malicious IP address failed to log in to database ${s.name}.`,
    description: (s) => `Known malicious IP address ${s.ip} made unsuccessful login attempts to RDS database ${s.name}.`,
  },
  {
    type: 'CredentialAccess:RDS/TorIPCaller.SuccessfulLogin', resource: 'RDSDBInstance', severity: 8, weight: 0.7, feature: 'RdsLoginEvents', threatList: 'TorExitNodes',
    action: { kind: 'RDS_LOGIN_ATTEMPT', outcome: 'success' },
    title: (s) => `A Tor exit node logged in to database ${s.name}.`,
    description: (s) => `Tor exit node IP address ${s.ip} successfully logged in to RDS database ${s.name}. This may indicate unauthorized access to your data.`,
  },
  {
    type: 'PrivilegeEscalation:Kubernetes/PrivilegedContainer', resource: 'EKSCluster', severity: 5, weight: 0.7, feature: 'EksAuditLogs',
    action: { kind: 'KUBERNETES_API_CALL', requests: [['create', '/api/v1/namespaces/default/pods'], ['create', '/apis/apps/v1/namespaces/kube-system/daemonsets']] },
    title: (s) => `A privileged container with root level access was launched on cluster ${s.name}.`,
    description: (s) => `A privileged container with root level access to the node was launched on EKS cluster ${s.name}, requested from ${s.ip}.`,
  },
  {
    type: 'Impact:S3/AnomalousBehavior.Delete', resource: 'S3Bucket', severity: 8, weight: 0.7, feature: 'S3DataEvents',
    action: { kind: 'AWS_API_CALL', calls: S3_IMPACT },
    title: (s) => `Objects in bucket ${s.name} were deleted in an unusual way.`,
    description: (s) => `API ${s.api} was invoked on bucket ${s.name} from ${s.ip} in a way that is unusual for this bucket: an attempt to destroy data may be under way.`,
  },
  // Runtime Monitoring: the process, its lineage and what it did, on EC2, ECS, EKS and containers.
  {
    type: 'Execution:Runtime/NewBinaryExecuted', resource: 'EKSCluster', severity: 5, weight: 1, feature: 'RuntimeMonitoring', runtime: 'new-binary',
    action: { kind: 'NONE' },
    title: (s) => `A newly created or recently modified binary file ${s.executable} was executed in a container of cluster ${s.name}.`,
    description: (s) => `A newly created or recently modified binary file ${s.executable} was executed by process ${s.process} in a container of EKS cluster ${s.name}.`,
  },
  {
    type: 'Execution:Runtime/ReverseShell', resource: 'Instance', severity: 8, weight: 1, feature: 'RuntimeMonitoring', runtime: 'reverse-shell',
    action: { kind: 'NETWORK_CONNECTION', direction: 'OUTBOUND', ports: [{ port: 4444, portName: 'Unknown' }, HTTPS, { port: 1337, portName: 'Unknown' }] },
    title: (s) => `A process on EC2 instance ${s.name} opened a reverse shell to ${s.ip}.`,
    description: (s) => `Process ${s.process} on EC2 instance ${s.name} is running a reverse shell connected to remote host ${s.ip}: an attacker may control the instance.`,
  },
  {
    type: 'CryptoCurrency:Runtime/BitcoinTool.B!DNS', resource: 'ECSCluster', severity: 8, weight: 1, feature: 'RuntimeMonitoring', threatList: 'Amazon', runtime: 'miner-dns',
    action: { kind: 'DNS_REQUEST', domains: MINING_DOMAINS },
    title: (s) => `An ECS task in cluster ${s.name} is querying a Bitcoin-related domain name.`,
    description: (s) => `Process ${s.process} in an ECS task of cluster ${s.name} is querying ${s.domain}, a domain name associated with cryptocurrency mining.`,
  },
  {
    type: 'Backdoor:Runtime/C&CActivity.B!DNS', resource: 'EKSCluster', severity: 8, weight: 1, feature: 'RuntimeMonitoring', threatList: 'ProofPoint', runtime: 'c2-dns',
    action: { kind: 'DNS_REQUEST', domains: C2_DOMAINS },
    title: (s) => `A container in cluster ${s.name} is querying a Command & Control domain name.`,
    description: (s) => `Process ${s.process} in a container of EKS cluster ${s.name} is querying ${s.domain}, a domain name associated with a known Command & Control server.`,
  },
  {
    type: 'PrivilegeEscalation:Runtime/DockerSocketAccessed', resource: 'Container', severity: 5, weight: 1, feature: 'RuntimeMonitoring', runtime: 'docker-socket',
    action: { kind: 'NONE' },
    title: () => `A container is communicating with the Docker socket.`,
    description: (s) => `Process ${s.process} in a container on ${s.name} is communicating with the Docker daemon socket, which gives it control of the host.`,
  },
  {
    type: 'DefenseEvasion:Runtime/ProcessInjection.Ptrace', resource: 'Instance', severity: 8, weight: 0.7, feature: 'RuntimeMonitoring', runtime: 'ptrace',
    action: { kind: 'NONE' },
    title: (s) => `A process on EC2 instance ${s.name} injected code into another process with ptrace.`,
    description: (s) => `Process ${s.process} on EC2 instance ${s.name} used the ptrace system call to inject code into another process.`,
  },
  {
    type: 'Impact:Runtime/CryptoMinerExecuted', resource: 'ECSCluster', severity: 8, weight: 1, feature: 'RuntimeMonitoring', runtime: 'miner',
    action: { kind: 'NONE' },
    title: (s) => `A cryptocurrency miner was executed in an ECS task of cluster ${s.name}.`,
    description: (s) => `Process ${s.process} (${s.executable}) in an ECS task of cluster ${s.name} is associated with cryptocurrency mining.`,
  },
  {
    type: 'Execution:Runtime/SuspiciousCommand', resource: 'Container', severity: 8, weight: 0.7, feature: 'RuntimeMonitoring', runtime: 'suspicious-command',
    action: { kind: 'NONE' },
    title: (s) => `A suspicious command was executed in a container on ${s.name}.`,
    description: (s) => `Process ${s.process} executed a suspicious command in a container on ${s.name}; see the command line in the runtime details.`,
  },
  {
    type: 'Execution:Runtime/SuspiciousTool', resource: 'EKSCluster', severity: 8, weight: 0.7, feature: 'RuntimeMonitoring', runtime: 'suspicious-tool',
    action: { kind: 'NONE' },
    title: (s) => `A suspicious tool was executed in a container of cluster ${s.name}.`,
    description: (s) => `Process ${s.process} in a container of EKS cluster ${s.name} is a tool commonly used in offensive security work.`,
  },
  {
    type: 'DefenseEvasion:Runtime/FilelessExecution', resource: 'Instance', severity: 5, weight: 0.7, feature: 'RuntimeMonitoring', runtime: 'fileless',
    action: { kind: 'NONE' },
    title: (s) => `A process on EC2 instance ${s.name} is running code from memory.`,
    description: (s) => `Process ${s.process} on EC2 instance ${s.name} is executing code from a memory file descriptor, without a file on disk.`,
  },
  // Malware Protection: EBS volumes (instances, containers, ECS), S3 objects, EBS snapshots.
  {
    type: 'Execution:EC2/MaliciousFile', resource: 'Instance', severity: 8, weight: 1, feature: 'EbsMalwareProtection', malware: 'ebs',
    action: { kind: 'NONE' },
    title: (s) => `Malicious file ${s.threat} found on EC2 instance ${s.name}.`,
    description: (s) => `A malware scan of the EBS volumes of EC2 instance ${s.name} found ${s.threat} in ${s.file}.`,
  },
  {
    type: 'Execution:ECS/MaliciousFile', resource: 'ECSCluster', severity: 8, weight: 0.7, feature: 'EbsMalwareProtection', malware: 'ebs',
    action: { kind: 'NONE' },
    title: (s) => `Malicious file ${s.threat} found in ECS cluster ${s.name}.`,
    description: (s) => `A malware scan of the EBS volumes behind ECS cluster ${s.name} found ${s.threat} in ${s.file}.`,
  },
  {
    type: 'Execution:Container/MaliciousFile', resource: 'Container', severity: 8, weight: 0.7, feature: 'EbsMalwareProtection', malware: 'ebs',
    action: { kind: 'NONE' },
    title: (s) => `Malicious file ${s.threat} found in a container on ${s.name}.`,
    description: (s) => `A malware scan of the EBS volumes of ${s.name} found ${s.threat} in ${s.file}, inside a container image layer.`,
  },
  {
    type: 'Execution:EC2/MaliciousFile!Snapshot', resource: 'EBSSnapshot', severity: 8, weight: 0.7, feature: 'EbsMalwareProtection', malware: 'snapshot',
    action: { kind: 'NONE' },
    title: (s) => `Malicious file ${s.threat} found in EBS snapshot ${s.name}.`,
    description: (s) => `A malware scan of EBS snapshot ${s.name}, started by AWS Backup, found ${s.threat} in ${s.file}.`,
  },
  {
    type: 'Object:S3/MaliciousFile', resource: 'S3Object', severity: 8, weight: 1, feature: 'S3MalwareProtection', malware: 's3',
    action: { kind: 'NONE' },
    title: (s) => `Malicious file ${s.threat} uploaded to bucket ${s.name}.`,
    description: (s) => `Malware Protection for S3 scanned object ${s.file} on upload to bucket ${s.name} and found ${s.threat}.`,
  },
];
