/**
 * GuardDuty's regions, from the SDKs' own endpoint data (botocore's endpoints.json, generated into
 * vendor/guardduty-regions.ts by scripts/generate-model.mjs): which regions a partition has, the
 * endpoint host of each, and the check every `/api/regions/{region}` path and `regions` list goes
 * through. Pure: shared by the server, the emulator and MSW.
 */
import { invalidInput, unsupportedOperation, type ApiError } from './errors';
import type { PartitionData } from './regions-data';
import { GUARDDUTY_PARTITIONS } from './vendor/guardduty-regions';

export type { PartitionData } from './regions-data';

/** Letters, digits and dashes, as every region name is written (`us-east-1`, `us-gov-west-1`, `eusc-de-east-1`). */
const REGION_NAME = /^[a-z]{2,4}(-[a-z0-9]+)+-\d{1,2}$/;

export const isRegionName = (value: string) => value.length <= 32 && REGION_NAME.test(value);

/** The partition whose region pattern the name matches (`aws` for `eu-west-1`), or undefined. */
export function partitionOf(region: string): PartitionData | undefined {
  if (!isRegionName(region)) return undefined;
  // The aws pattern also matches us-gov-*/us-iso-* names: the specific partitions are tried first.
  const specific = GUARDDUTY_PARTITIONS.filter((p) => p.partition !== 'aws').find((p) => new RegExp(p.regionRegex).test(region));
  return specific ?? GUARDDUTY_PARTITIONS.find((p) => p.partition === 'aws' && new RegExp(p.regionRegex).test(region));
}

/** Every region where GuardDuty has an endpoint in the default region's partition (what `all` means). */
export function guardDutyRegions(defaultRegion: string): readonly string[] {
  return partitionOf(defaultRegion)?.regions ?? [defaultRegion];
}

/** `https://guardduty.{region}.{dnsSuffix}`, the partition's suffix (amazonaws.com, amazonaws.com.cn, …). */
export function guardDutyEndpoint(region: string): string {
  const suffix = partitionOf(region)?.dnsSuffix ?? 'amazonaws.com';
  return `https://guardduty.${region}.${suffix}`;
}

/** The default region first, then the others alphabetically; each once. */
export function orderRegions(defaultRegion: string, regions: Iterable<string>): string[] {
  const rest = [...new Set(regions)].filter((r) => r !== defaultRegion).sort();
  return [defaultRegion, ...rest];
}

/** The documented refusal of a region name: malformed, or not one this server covers. */
export function invalidRegion(region: string, covered: readonly string[]): ApiError {
  const shown = JSON.stringify(region.slice(0, 40));
  if (!isRegionName(region)) return invalidInput(`The request is rejected: region: ${shown} is not a region name (like us-east-1).`);
  return invalidInput(`The request is rejected: region: ${shown} is not a region this server covers (${covered.length} covered; see GET /api/regions and FINDINGS_ATLAS_REGIONS).`);
}

/** The region itself when it is well formed and covered; otherwise throws the documented InvalidInputException. */
export function checkRegion(region: string, covered: readonly string[]): string {
  if (!isRegionName(region) || !covered.includes(region)) throw invalidRegion(region, covered);
  return region;
}

/** Where a path under /api goes: GuardDuty in the default region, in a named region, the region list, or an all-regions query. */
export type ApiTarget =
  | { kind: 'default'; path: string }
  | { kind: 'region'; region: string; path: string }
  | { kind: 'regions' }
  | { kind: 'all-regions'; operation: 'findings' | 'statistics' };

/**
 * `/regions` → the region list; `/regions/{region}/…` → that region's GuardDuty (the rest of the
 * path as under /api); `/all-regions/findings[/statistics]` → the merged queries; anything else →
 * the default region. The region is checked (well formed, covered) by the caller; a segment that
 * is not valid percent-encoding is refused here.
 */
export function apiTarget(path: string): ApiTarget {
  if (path === '/regions' || path === '/regions/') return { kind: 'regions' };
  const regional = /^\/regions\/([^/]*)(\/.*)?$/.exec(path);
  if (regional) {
    let region: string;
    try {
      region = decodeURIComponent(regional[1]);
    } catch {
      throw invalidInput('The request is rejected: region: is not valid percent-encoding.');
    }
    return { kind: 'region', region, path: regional[2] || '/' };
  }
  if (path === '/all-regions/findings' || path === '/all-regions/findings/') return { kind: 'all-regions', operation: 'findings' };
  if (path === '/all-regions/findings/statistics' || path === '/all-regions/findings/statistics/') return { kind: 'all-regions', operation: 'statistics' };
  if (path === '/all-regions' || path.startsWith('/all-regions/')) {
    throw unsupportedOperation(`No operation at ${path.slice(0, 200)}: across regions the dashboard offers POST /all-regions/findings and POST /all-regions/findings/statistics.`, 404);
  }
  return { kind: 'default', path };
}
