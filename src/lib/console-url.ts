/** Links into the AWS GuardDuty console. */

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Console host per partition; regions of other partitions have no console link we can vouch for. */
const CONSOLE_HOST: Record<string, (region: string) => string> = {
  aws: (region) => `${region}.console.aws.amazon.com`,
  'aws-cn': () => 'console.amazonaws.cn',
  'aws-us-gov': () => 'console.amazonaws-us-gov.com',
};

/**
 * The GuardDuty console page of one finding, in its own region, or undefined when the region or
 * partition is not one we recognise (finding values never reach an href unchecked).
 */
export function guardDutyConsoleUrl(region: unknown, findingId: string, partition: unknown = 'aws'): string | undefined {
  if (typeof region !== 'string' || !REGION.test(region)) return undefined;
  const host = CONSOLE_HOST[typeof partition === 'string' && partition ? partition : 'aws'];
  if (!host || !findingId) return undefined;
  return `https://${host(region)}/guardduty/home?region=${region}#/findings?macros=current&fId=${encodeURIComponent(findingId)}`;
}
