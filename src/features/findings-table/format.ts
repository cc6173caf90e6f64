/** How the table shows a finding's resource and remote IP (pure, shared by cells and CSV export). */
import { isAttackSequence, primaryRemoteIp, remoteIpSightings, resourceOf, type Finding } from '../../guardduty';
import { isFilterableRemoteIp, isMappedRemoteIp } from '../../view/filters';

export interface ResourceLabel {
  /** The resource as the console names it (resourceOf), or its type. */
  text: string;
  /** The resource type, when known. */
  type?: string;
  /** An attack sequence: `text` summarises its resources and actors ("billing · 2 actors"). */
  sequence?: boolean;
}

export function resourceLabel(f: Finding): ResourceLabel | undefined {
  const { text, type } = resourceOf(f);
  return text ? { text, type, sequence: isAttackSequence(f) } : undefined;
}

export interface RemoteLabel {
  ip: string;
  country?: string;
  countryCode?: string;
}

/** The finding's primary remote IP among those the list can be filtered on (see isFilterableRemoteIp). */
export function remoteLabel(f: Finding): RemoteLabel | undefined {
  const sighting = primaryRemoteIp(f, isFilterableRemoteIp);
  if (!sighting?.ip) return undefined;
  const country = sighting.details.country?.countryName;
  const code = sighting.details.country?.countryCode;
  return { ip: sighting.ip, country: typeof country === 'string' ? country : undefined, countryCode: typeof code === 'string' ? code : undefined };
}

/** Whether any remote IP the map plots for the finding (each filterable action type, each probe, an attack sequence's endpoints) equals `ip`. */
export function hasRemoteIp(f: Finding, ip: string): boolean {
  return remoteIpSightings(f).some((s) => s.ip === ip && isMappedRemoteIp(s));
}

/** The action type whose field holds `ip` in this finding, among those with a per-action IP filter (for a server-side IP filter). */
export function actionTypeHoldingIp(f: Finding, ip: string): string | undefined {
  return remoteIpSightings(f).find((s) => s.ip === ip && isFilterableRemoteIp(s))?.actionType;
}
