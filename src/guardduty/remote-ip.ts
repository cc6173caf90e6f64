/**
 * The remote IPs of a finding: the one reader the map, the detail view, the table and its CSV use.
 *
 * GuardDuty keeps a remote IP (RemoteIpDetails) in one field per action type. Walking the service
 * model (src/guardduty/vendor/guardduty-model.ts) from `Finding`, RemoteIpDetails is reachable in
 * exactly five places, and all five count:
 *
 *   service.action.networkConnectionAction.remoteIpDetails          (with ports, protocol, direction)
 *   service.action.awsApiCallAction.remoteIpDetails
 *   service.action.portProbeAction.portProbeDetails[].remoteIpDetails (each probe, with its local port)
 *   service.action.kubernetesApiCallAction.remoteIpDetails
 *   service.action.rdsLoginAttemptAction.remoteIpDetails
 *
 * Other IP-bearing fields are deliberately not the finding's remote IPs:
 * - `localIpDetails` and the resource's `publicIp` / private addresses are the finding's own side;
 * - `kubernetesApiCallAction.sourceIPs` are bare strings GuardDuty also enriches into that action's
 *   `remoteIpDetails` (reading both would count the caller twice);
 * - the sequence's `resources[].data.ec2NetworkInterface.publicIp` is a resource, not a party.
 *
 * An attack sequence's endpoints (`service.detection.sequence.endpoints[]`, a NetworkEndpoint with
 * `ip`, `location`, `autonomousSystem`) are the remote parties of an Extended Threat Detection
 * finding: they are sightings too (`source: 'SEQUENCE_ENDPOINT'`, no action type), read as
 * RemoteIpDetails so that every consumer handles one shape.
 *
 * Newer action shapes: any other object under `service.action` that holds a `remoteIpDetails` (or
 * `portProbeDetails[].remoteIpDetails`) is read the same way, its action type derived from the key
 * (`fooBarAction` → `FOO_BAR`, the rule every documented key follows), or the declared
 * `actionType` when that is one no documented key stands for.
 *
 * Pure and total: any field may be missing, null or of the wrong type; nothing throws.
 */
import { attackSequenceOf, type Finding, type PortDetails, type RemoteIpDetails } from './finding';

export type RemoteIpSource =
  | 'NETWORK_CONNECTION'
  | 'AWS_API_CALL'
  | 'PORT_PROBE'
  | 'KUBERNETES_API_CALL'
  | 'RDS_LOGIN_ATTEMPT'
  | 'SEQUENCE_ENDPOINT'
  | (string & {});

/** One place a finding names a remote IP. */
export interface RemoteIpSighting {
  /** The address (IPv4, else IPv6), trimmed; undefined when the details carry neither. */
  ip?: string;
  details: RemoteIpDetails;
  /** The action type whose field holds it; undefined for an attack sequence's endpoint. */
  actionType?: string;
  /** The action type, or SEQUENCE_ENDPOINT. */
  source: RemoteIpSource;
  /** Where it was read, e.g. `service.action.portProbeAction.portProbeDetails[1].remoteIpDetails`. */
  path: string;
  /** Network connections: the remote party's port. */
  remotePort?: PortDetails;
  /** Network connections and port probes: the port on the resource's side. */
  localPort?: PortDetails;
  /** Network connections: TCP / UDP; sequence endpoints never say. */
  protocol?: string;
  /** Network connections: INBOUND / OUTBOUND; sequence endpoints: their connection direction. */
  direction?: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The address of remote IP details (IPv4, else IPv6), trimmed; undefined when it has none. */
export function remoteIpAddress(details: unknown): string | undefined {
  const d = obj(details);
  return (str(d?.ipAddressV4) ?? str(d?.ipAddressV6))?.trim();
}

/**
 * The attribute path of each action type's remote IP details, as GuardDuty's filter and sort
 * attributes name it (a probe list is not indexed): `${…}.ipAddressV4`, `${…}.country.countryName`.
 */
export const REMOTE_IP_ATTRIBUTES = {
  NETWORK_CONNECTION: 'service.action.networkConnectionAction.remoteIpDetails',
  AWS_API_CALL: 'service.action.awsApiCallAction.remoteIpDetails',
  PORT_PROBE: 'service.action.portProbeAction.portProbeDetails.remoteIpDetails',
  KUBERNETES_API_CALL: 'service.action.kubernetesApiCallAction.remoteIpDetails',
  RDS_LOGIN_ATTEMPT: 'service.action.rdsLoginAttemptAction.remoteIpDetails',
} as const;

/** The documented action keys, in the order sightings are listed (after the declared action type's). */
const ACTION_KEYS = ['networkConnectionAction', 'awsApiCallAction', 'portProbeAction', 'kubernetesApiCallAction', 'rdsLoginAttemptAction'];

/** `kubernetesApiCallAction` → `KUBERNETES_API_CALL`. */
export const actionTypeOfKey = (key: string): string =>
  key
    .replace(/Action$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase();

const port = (v: unknown): PortDetails | undefined => {
  const p = obj(v);
  return p && (p.port !== undefined || p.portName !== undefined) ? (p as PortDetails) : undefined;
};

function actionSightings(action: Obj): RemoteIpSighting[] {
  const declared = str(action.actionType);
  const others = Object.keys(action).filter((k) => k !== 'actionType' && !ACTION_KEYS.includes(k) && obj(action[k]));
  const keys = [...ACTION_KEYS, ...others];
  // The declared action type's field first: it is what the finding is about.
  const first = keys.findIndex((k) => actionTypeOfKey(k) === declared);
  if (first > 0) keys.unshift(...keys.splice(first, 1));
  const out: RemoteIpSighting[] = [];
  // An unknown part takes the declared action type when no documented part claims it.
  const declaredIsNew = declared !== undefined && !ACTION_KEYS.some((k) => actionTypeOfKey(k) === declared);
  for (const key of keys) {
    const part = obj(action[key]);
    if (!part) continue;
    const actionType = ACTION_KEYS.includes(key) || !declaredIsNew ? actionTypeOfKey(key) : declared;
    const base = `service.action.${key}`;
    const details = obj(part.remoteIpDetails);
    if (details) {
      out.push({
        ip: remoteIpAddress(details),
        details: details as RemoteIpDetails,
        actionType,
        source: actionType,
        path: `${base}.remoteIpDetails`,
        remotePort: port(part.remotePortDetails),
        localPort: port(part.localPortDetails),
        protocol: str(part.protocol),
        direction: str(part.connectionDirection),
      });
    }
    if (!Array.isArray(part.portProbeDetails)) continue;
    part.portProbeDetails.forEach((p: unknown, i) => {
      const probe = obj(p);
      const d = obj(probe?.remoteIpDetails);
      if (!d) return;
      out.push({
        ip: remoteIpAddress(d),
        details: d as RemoteIpDetails,
        actionType,
        source: actionType,
        path: `${base}.portProbeDetails[${i}].remoteIpDetails`,
        localPort: port(probe?.localPortDetails),
      });
    });
  }
  return out;
}

function endpointSightings(finding: Finding): RemoteIpSighting[] {
  const endpoints = attackSequenceOf(finding)?.endpoints;
  if (!Array.isArray(endpoints)) return [];
  const out: RemoteIpSighting[] = [];
  endpoints.forEach((raw: unknown, i) => {
    const e = obj(raw);
    const ip = str(e?.ip)?.trim();
    if (!e || !ip) return;
    const loc = obj(e.location);
    const as = obj(e.autonomousSystem);
    const asn = as?.number;
    const details: RemoteIpDetails = {
      ...(ip.includes(':') ? { ipAddressV6: ip } : { ipAddressV4: ip }),
      ...(loc ? { geoLocation: { lat: loc.lat as number, lon: loc.lon as number } } : {}),
      ...(str(loc?.country) ? { country: { countryName: str(loc?.country) } } : {}),
      ...(str(loc?.city) ? { city: { cityName: str(loc?.city) } } : {}),
      ...(as ? { organization: { asn: asn !== undefined && asn !== null ? String(asn) : undefined, asnOrg: str(as.name) } } : {}),
    };
    const p = typeof e.port === 'number' ? { port: e.port } : undefined;
    out.push({ ip, details, source: 'SEQUENCE_ENDPOINT', path: `service.detection.sequence.endpoints[${i}]`, remotePort: p, direction: str(obj(e.connection)?.direction) });
  });
  return out;
}

/**
 * Every place the finding names a remote IP, in order: the action's fields (the declared action
 * type's first, each port probe in turn), then the attack sequence's endpoints. Not de-duplicated:
 * an IP that probed three ports is three sightings (with their ports). Sightings whose details
 * carry no address are kept (`ip` undefined) so the detail view can still show what GuardDuty said.
 */
export function remoteIpSightings(finding: Finding | undefined): RemoteIpSighting[] {
  if (!finding) return [];
  const action = obj(obj(finding.service)?.action);
  return [...(action ? actionSightings(action) : []), ...endpointSightings(finding)];
}

/**
 * The first sighting with an address (among those `accept` takes): the finding's remote IP where
 * one value is shown (the table, the CSV).
 */
export function primaryRemoteIp(finding: Finding, accept: (s: RemoteIpSighting) => boolean = () => true): RemoteIpSighting | undefined {
  return remoteIpSightings(finding).find((s) => s.ip !== undefined && accept(s));
}
