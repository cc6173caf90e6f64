/** How the table shows a finding's resource and remote IP (pure, shared by cells and CSV export). */
import { attackSequenceOf, isAttackSequence, primaryRemoteIp, resourceOf, type Finding } from '../../guardduty';

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

export function remoteLabel(f: Finding): RemoteLabel | undefined {
  const details = primaryRemoteIp(f);
  const ip = details?.ipAddressV4 ?? details?.ipAddressV6;
  if (typeof ip !== 'string' || !ip) return undefined;
  const country = details?.country?.countryName;
  const code = details?.country?.countryCode;
  return { ip, country: typeof country === 'string' ? country : undefined, countryCode: typeof code === 'string' ? code : undefined };
}

/** Whether any remote IP of the finding (each action type, each probe, an attack sequence's endpoints) equals `ip`. */
export function hasRemoteIp(f: Finding, ip: string): boolean {
  const endpoints = attackSequenceOf(f)?.endpoints;
  if (Array.isArray(endpoints) && endpoints.some((e) => e && typeof e === 'object' && typeof e.ip === 'string' && e.ip.trim() === ip)) return true;
  const action = f.service?.action;
  if (!action) return false;
  const candidates = [
    action.networkConnectionAction?.remoteIpDetails,
    action.awsApiCallAction?.remoteIpDetails,
    ...(action.portProbeAction?.portProbeDetails ?? []).map((d) => d.remoteIpDetails),
  ];
  return candidates.some((d) => d && (d.ipAddressV4 === ip || d.ipAddressV6 === ip));
}

/** The action type whose field holds `ip` in this finding (for a server-side IP filter). */
export function actionTypeHoldingIp(f: Finding, ip: string): string | undefined {
  const action = f.service?.action;
  if (!action) return undefined;
  const is = (d: { ipAddressV4?: string; ipAddressV6?: string } | undefined) => !!d && (d.ipAddressV4 === ip || d.ipAddressV6 === ip);
  if (is(action.networkConnectionAction?.remoteIpDetails)) return 'NETWORK_CONNECTION';
  if (is(action.awsApiCallAction?.remoteIpDetails)) return 'AWS_API_CALL';
  if ((action.portProbeAction?.portProbeDetails ?? []).some((d) => is(d.remoteIpDetails))) return 'PORT_PROBE';
  return undefined;
}
