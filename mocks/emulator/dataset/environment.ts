/**
 * The imaginary organisation the findings come from: an admin account aggregating member
 * accounts over several regions, and the names its people and workloads use.
 */

export interface Account {
  readonly id: string;
  /** Used in resource names so that a finding's account is recognisable at a glance. */
  readonly alias: string;
}

export const ACCOUNTS: readonly Account[] = [
  { id: '123456789012', alias: 'security' },
  { id: '210987654321', alias: 'prod' },
  { id: '444455556666', alias: 'staging' },
  { id: '777788889999', alias: 'data' },
  { id: '135792468024', alias: 'sandbox' },
];

export interface Region {
  readonly name: string;
  /** Public address prefixes EC2 hands out in the region (first two octets). */
  readonly publicPrefixes: readonly (readonly [number, number])[];
  /** A second, third, … site (VPC) of one region: keeps names that must be unique (buckets) apart. */
  readonly site?: number;
}

export const regionNamed = (name: string): Region => REGIONS.find((r) => r.name === name) ?? { name, publicPrefixes: [[3, 0]] };

export const REGIONS: readonly Region[] = [
  { name: 'us-east-1', publicPrefixes: [[3, 91], [54, 160], [44, 201]] },
  { name: 'us-west-2', publicPrefixes: [[34, 210], [52, 12], [35, 160]] },
  { name: 'eu-west-1', publicPrefixes: [[34, 240], [52, 48], [54, 74]] },
  { name: 'eu-central-1', publicPrefixes: [[3, 120], [18, 184], [52, 57]] },
  { name: 'ap-southeast-2', publicPrefixes: [[13, 54], [3, 104], [54, 252]] },
  { name: 'ap-northeast-1', publicPrefixes: [[18, 176], [54, 64], [52, 193]] },
  { name: 'sa-east-1', publicPrefixes: [[18, 228], [54, 94], [15, 228]] },
];

export const INSTANCE_NAMES = [
  'web-frontend', 'api-gateway', 'bastion', 'jenkins-ci', 'payments-worker', 'kafka-broker', 'grafana',
  'windows-ad-dc', 'legacy-ftp', 'ml-training-gpu', 'nginx-edge', 'redis-cache', 'wordpress', 'vpn-gateway',
  'etl-runner', 'minecraft-test', 'build-agent', 'mail-relay', 'elasticsearch-data', 'jump-host',
] as const;

export const TEAMS = ['platform', 'payments', 'data-eng', 'growth', 'secops', 'ml-research'] as const;
export const ENVIRONMENTS = ['production', 'staging', 'development'] as const;

export const INSTANCE_TYPES = [
  't3.micro', 't3.medium', 't3a.large', 'm5.large', 'm6i.xlarge', 'c5.2xlarge', 'c6g.large', 'r6g.large', 'g5.xlarge', 't4g.small',
] as const;

export interface MachineImage {
  readonly description: string;
  readonly platform: string | null;
}

export const IMAGES: readonly MachineImage[] = [
  { description: 'Amazon Linux 2023 AMI 2023.6.20241121.0 x86_64 HVM kernel-6.1', platform: null },
  { description: 'Amazon Linux 2 Kernel 5.10 AMI 2.0.20241113.1 x86_64 HVM gp2', platform: null },
  { description: 'Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2024-11-15', platform: null },
  { description: 'Canonical, Ubuntu, 24.04 LTS, amd64 noble image', platform: null },
  { description: 'Debian 12 (20241110-1927)', platform: null },
  { description: 'Red Hat Enterprise Linux 9.4 (HVM), SSD Volume Type', platform: null },
  { description: 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon', platform: 'windows' },
  { description: 'Microsoft Windows Server 2019 with SQL Server 2019 Standard', platform: 'windows' },
];

export const IAM_USERS = [
  'alice.nguyen', 'bob.martins', 'j.okafor', 'deploy-bot', 'ci-pipeline', 'terraform', 'data-export', 'backup-operator', 'm.kowalski', 'svc-reporting',
] as const;

export const ROLES = [
  'OrganizationAccountAccessRole', 'AWSReservedSSO_AdministratorAccess_4f1c2a7d9e0b3c6a', 'github-actions-deploy', 'lambda-exec', 'ReadOnlyAuditor',
] as const;

export const BUCKET_PURPOSES = ['customer-exports', 'cloudtrail-logs', 'ml-datasets', 'static-assets', 'db-backups', 'invoices'] as const;
export const CLUSTER_NAMES = ['payments-eks', 'platform-prod', 'batch-jobs', 'analytics'] as const;
export const FUNCTION_NAMES = ['thumbnail-resizer', 'invoice-mailer', 'webhook-relay', 'etl-trigger', 'slack-notifier'] as const;
export const DATABASE_NAMES = ['orders-db', 'identity-db', 'ledger', 'analytics-warehouse'] as const;

export const USER_AGENTS = [
  'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1.115-126.197.amzn2023.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe',
  'Boto3/1.35.66 md/Botocore#1.35.66 ua/2.0 os/linux#5.15.0-1071-aws md/arch#x86_64 lang/python#3.11.4 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.66',
  'aws-sdk-js/3.699.0 ua/2.1 os/darwin#24.1.0 lang/js md/nodejs#20.18.0 api/s3#3.699.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.78.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.5',
  'python-requests/2.32.3',
] as const;

export const ECS_CLUSTER_NAMES = ['payments-ecs', 'web-fargate', 'batch-workers', 'ingest'] as const;

/** Services the organisation runs in containers, with the image repository each is built into. */
export const CONTAINER_SERVICES = [
  { name: 'payments-api', repository: 'payments/api', tags: ['2.14.1', '2.15.0'] },
  { name: 'web-frontend', repository: 'web/frontend', tags: ['2024.11.18', '2024.11.21'] },
  { name: 'invoice-worker', repository: 'billing/invoice-worker', tags: ['1.8.3'] },
  { name: 'ingest-consumer', repository: 'data/ingest-consumer', tags: ['0.31.0', '0.32.2'] },
  { name: 'nginx', repository: 'mirror/nginx', tags: ['1.27.2-alpine'] },
  { name: 'redis', repository: 'mirror/redis', tags: ['7.4.1'] },
] as const;
