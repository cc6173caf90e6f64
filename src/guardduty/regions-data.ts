/** The shape of the generated region data (vendor/guardduty-regions.ts). */
export interface PartitionData {
  /** aws, aws-cn, aws-us-gov, … */
  readonly partition: string;
  /** The endpoint host suffix: guardduty.{region}.{dnsSuffix}. */
  readonly dnsSuffix: string;
  /** Which region names belong to the partition (a regular expression, as the SDKs' data writes it). */
  readonly regionRegex: string;
  /** The regions where GuardDuty has an endpoint, sorted. */
  readonly regions: readonly string[];
}
