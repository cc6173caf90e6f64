/**
 * Who / what / where of one finding, for the summary strip at the top of its page: the resource
 * (resourceOf, the one function the table, the CSV and the map use), the actor, the action, the
 * remote party and when. Pure: every value is taken from the finding as it is (attacker text
 * included) and rendered as text by the strip.
 */
import { attackSequenceOf, remoteIpSightings, resourceOf, type Action, type Finding, type ResourceRef } from '../../guardduty';
import { resourceIdFilter } from '../../view/filters';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj).filter((o): o is Obj => o !== undefined) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

/** One fact: its text, and optionally a quieter qualifier, a value to copy and a list filter to pivot on. */
export interface Fact {
  /** A quieter word before the value ("caller"). */
  lead?: string;
  text: string;
  note?: string;
  copy?: string;
  /** A list-filter URL parameter and value (pivots.ts decides whether it is a filter). */
  pivot?: { param: string; value: string };
  mono?: boolean;
}

export interface Summary {
  resource: ResourceRef;
  /** A list-filter parameter for the resource's name, when GuardDuty can filter on it. */
  resourcePivot?: string;
  actor: { label: string; facts: Fact[] } | undefined;
  action: { label: string; facts: Fact[] } | undefined;
  remote: { ip?: string; ipParam?: string; facts: Fact[]; from?: string; more: number } | undefined;
  firstSeen?: string;
  lastSeen?: string;
  count?: string;
}

/**
 * The resource kinds whose name, as resourceOf gives it, is the id their filter takes (an access
 * key is named by its user, a container and a Kubernetes workload by their names, not their ids).
 */
const NAMED_BY_ID = new Set(['Instance', 'S3Bucket', 'S3Object', 'EKSCluster', 'ECSCluster', 'Lambda', 'RDSDBInstance']);

/** The remote IP filters of the three action types that keep one: Remote IP and Country of any action (filters.ts). */
const ANY_REMOTE = { ip: 'anyIp', country: 'anyCountry' };
const REMOTE_PARAMS: Record<string, { ip: string; country: string }> = {
  NETWORK_CONNECTION: ANY_REMOTE,
  AWS_API_CALL: ANY_REMOTE,
  PORT_PROBE: ANY_REMOTE,
};

const ACTION_KEYS: [key: string, type: string, label: string][] = [
  ['awsApiCallAction', 'AWS_API_CALL', 'API call'],
  ['networkConnectionAction', 'NETWORK_CONNECTION', 'Network connection'],
  ['portProbeAction', 'PORT_PROBE', 'Port probe'],
  ['dnsRequestAction', 'DNS_REQUEST', 'DNS request'],
  ['kubernetesApiCallAction', 'KUBERNETES_API_CALL', 'Kubernetes API call'],
  ['rdsLoginAttemptAction', 'RDS_LOGIN_ATTEMPT', 'RDS login attempt'],
];

const port = (p: unknown): string | undefined => {
  const o = obj(p);
  const n = str(o?.port);
  if (!n) return undefined;
  const name = str(o?.portName);
  return name && name !== 'Unknown' ? `${n} ${name}` : n;
};

/** The action part that is present: the declared type's first, else the first one found. */
function actionPart(action: Action | undefined): { key: string; type: string; label: string; part: Obj } | undefined {
  if (!action) return undefined;
  const declared = ACTION_KEYS.find(([, type]) => type === action.actionType);
  for (const [key, type, label] of declared ? [declared, ...ACTION_KEYS] : ACTION_KEYS) {
    const part = obj(action[key]);
    if (part) return { key, type, label, part };
  }
  return undefined;
}

function actionOf(finding: Finding): Summary['action'] {
  const action = finding.service?.action;
  const found = actionPart(action);
  if (!found) {
    const seq = attackSequenceOf(finding);
    const signals = list(seq?.signals);
    if (seq) return { label: 'Attack sequence', facts: [{ text: `${signals.length} signal${signals.length === 1 ? '' : 's'}` }] };
    const type = str(action?.actionType);
    return type ? { label: 'Action', facts: [{ text: type }] } : undefined;
  }
  const { type, label, part } = found;
  const facts: Fact[] = [];
  const typeFact = { text: label, note: type, pivot: { param: 'action', value: type } };
  switch (type) {
    case 'AWS_API_CALL': {
      const api = str(part.api);
      if (api) facts.push({ text: api, mono: true, copy: api, note: str(part.serviceName) });
      else if (str(part.serviceName)) facts.push({ text: str(part.serviceName)! });
      const caller = str(part.callerType);
      if (caller) facts.push({ lead: 'caller', text: caller });
      const err = str(part.errorCode);
      if (err) facts.push({ lead: 'error', text: err, mono: true });
      break;
    }
    case 'NETWORK_CONNECTION': {
      const dir = str(part.connectionDirection);
      const proto = str(part.protocol);
      const remote = port(part.remotePortDetails);
      const local = port(part.localPortDetails);
      const ports = [remote && `remote port ${remote}`, local && `local port ${local}`].filter(Boolean).join(', ');
      facts.push({ text: [dir, proto].filter(Boolean).join(' ') || 'Connection', note: ports || undefined });
      if (part.blocked === true) facts.push({ text: 'Blocked' });
      break;
    }
    case 'PORT_PROBE': {
      const ports = [...new Set(list(part.portProbeDetails).map((p) => port(p.localPortDetails)).filter((p): p is string => !!p))];
      if (ports.length > 0) facts.push({ text: ports.slice(0, 3).join(', '), note: `local port${ports.length === 1 ? '' : 's'} probed${ports.length > 3 ? ` (+${ports.length - 3})` : ''}`, mono: false });
      if (part.blocked === true) facts.push({ text: 'Blocked' });
      break;
    }
    case 'DNS_REQUEST': {
      const domain = str(part.domain);
      if (domain) facts.push({ text: domain, mono: true, copy: domain, pivot: { param: 'domain', value: domain }, note: str(part.protocol) });
      if (part.blocked === true) facts.push({ text: 'Blocked' });
      break;
    }
    case 'KUBERNETES_API_CALL': {
      const verb = str(part.verb);
      const uri = str(part.requestUri);
      if (verb || uri) facts.push({ text: [verb, uri].filter(Boolean).join(' '), mono: true, copy: uri, note: str(part.statusCode) && `status ${str(part.statusCode)}` });
      break;
    }
    case 'RDS_LOGIN_ATTEMPT': {
      const raw = part.LoginAttributes ?? part.loginAttributes;
      const attempts = Array.isArray(raw) ? list(raw) : obj(raw) ? [obj(raw)!] : [];
      const failed = attempts.reduce((n, a) => n + (Number(a.failedLoginAttempts) || 0), 0);
      const ok = attempts.reduce((n, a) => n + (Number(a.successfulLoginAttempts) || 0), 0);
      if (attempts.length > 0) facts.push({ text: `${failed} failed, ${ok} successful`, note: 'logins' });
      break;
    }
  }
  return { label: 'Action', facts: [typeFact, ...facts] };
}

function actorOf(finding: Finding): Summary['actor'] {
  const resource = obj(finding.resource);
  const key = obj(resource?.accessKeyDetails);
  if (key && (str(key.userName) || str(key.accessKeyId))) {
    const facts: Fact[] = [];
    const user = str(key.userName);
    if (user) facts.push({ text: user, note: str(key.userType), copy: user, mono: true });
    const id = str(key.accessKeyId);
    if (id) facts.push({ text: id, note: 'access key', copy: id, mono: true, pivot: { param: 'accessKey', value: id } });
    return { label: 'IAM principal', facts };
  }
  const seq = attackSequenceOf(finding);
  const actors = list(seq?.actors);
  if (actors.length > 0) {
    const facts = actors.slice(0, 3).map((a): Fact => {
      const user = obj(a.user);
      const process = obj(a.process);
      const name = str(user?.name) ?? str(process?.name) ?? str(a.id) ?? 'unnamed actor';
      return { text: name, note: str(user?.type) ?? (process ? 'process' : undefined), copy: name, mono: true };
    });
    if (actors.length > 3) facts.push({ text: `+${actors.length - 3} more` });
    return { label: actors.length === 1 ? 'Actor' : `Actors (${actors.length})`, facts };
  }
  const process = obj(obj(finding.service?.runtimeDetails)?.process);
  if (process) {
    const name = str(process.name) ?? str(process.executablePath);
    const facts: Fact[] = [];
    if (name) facts.push({ text: name, note: [str(process.user) && `user ${str(process.user)}`, str(process.pid) && `PID ${str(process.pid)}`].filter(Boolean).join(', ') || undefined, copy: name, mono: true });
    const path = str(process.executablePath);
    if (path && path !== name) facts.push({ text: path, copy: path, mono: true });
    if (facts.length > 0) return { label: 'Process', facts };
  }
  const k8s = obj(obj(resource?.kubernetesDetails)?.kubernetesUserDetails);
  const k8sUser = str(k8s?.username);
  if (k8sUser) return { label: 'Kubernetes user', facts: [{ text: k8sUser, copy: k8sUser, mono: true }] };
  const db = obj(resource?.rdsDbUserDetails);
  const dbUser = str(db?.user);
  if (dbUser) return { label: 'Database user', facts: [{ text: dbUser, note: str(db?.application), copy: dbUser, mono: true }] };
  return undefined;
}

/** The action's remote IPs (the contract's sightings, distinct by address), the sequence's endpoints otherwise: the first is shown. */
function remoteOf(finding: Finding): Summary['remote'] {
  const all = remoteIpSightings(finding).filter((s) => s.ip !== undefined);
  const fromAction = all.filter((s) => s.actionType !== undefined);
  const entries = fromAction.length > 0 ? fromAction : all;
  const distinct = new Set(entries.map((s) => s.ip)).size;
  const first = entries[0];
  if (!first) return undefined;
  const { details } = first;
  const org = obj(details.organization);
  const country = str(obj(details.country)?.countryName);
  const city = str(obj(details.city)?.cityName);
  const facts: Fact[] = [];
  const more = distinct - 1;
  if (first.actionType === undefined) {
    // A sequence endpoint: its autonomous system and place, no filter (GuardDuty cannot filter on endpoints).
    if (str(org?.asnOrg)) facts.push({ text: str(org?.asnOrg)! });
    if (str(org?.asn)) facts.push({ text: `AS${str(org?.asn)}`, mono: true });
    const place = [city, country].filter(Boolean).join(', ');
    if (place) facts.push({ text: place });
    return { ip: first.ip, facts, from: 'sequence endpoint', more };
  }
  const label = ACTION_KEYS.find(([, type]) => type === first.actionType)?.[2] ?? first.actionType;
  const params = REMOTE_PARAMS[first.actionType];
  const orgName = str(org?.org) ?? str(org?.isp) ?? str(org?.asnOrg);
  if (orgName) facts.push({ text: orgName });
  const asn = str(org?.asn);
  if (asn) facts.push({ text: `AS${asn.replace(/^AS/i, '')}`, note: str(org?.asnOrg) !== orgName ? str(org?.asnOrg) : undefined, mono: true });
  if (country) facts.push({ text: [city, country].filter(Boolean).join(', '), pivot: params && { param: params.country, value: country } });
  return { ip: first.ip, ipParam: params?.ip, facts, from: /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label, more };
}

export function summaryOf(finding: Finding): Summary {
  const resource = resourceOf(finding);
  const service = finding.service;
  return {
    resource,
    resourcePivot: resource.name && resource.type && NAMED_BY_ID.has(resource.type) ? resourceIdFilter(resource.type) : undefined,
    actor: actorOf(finding),
    action: actionOf(finding),
    remote: remoteOf(finding),
    firstSeen: str(service?.eventFirstSeen),
    lastSeen: str(service?.eventLastSeen),
    count: str(service?.count),
  };
}
