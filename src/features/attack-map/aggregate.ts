/**
 * Per-IP aggregation of the remote IPs of loaded findings: the contract's remoteIpSightings that
 * isMappedRemoteIp keeps (network-connection, AWS-API-call and each port-probe remote IP, which the
 * Remote IP filter can follow, and an attack sequence's endpoints). Pure, so it is unit-tested and
 * cheap to re-run whenever the findings cache grows.
 */
import { parseTimestamp, remoteIpSightings, type Finding } from '../../guardduty';
import { isMappedRemoteIp } from '../../view/filters';
import { checkLocation, type LocationProblem } from '../../lib/geo';
import { severityBand, type SeverityBand } from '../../lib/severity';

export interface IpOrganization {
  org?: string;
  asn?: string;
  asnOrg?: string;
  isp?: string;
}

export interface IpAggregate {
  /** The address (IPv4, else IPv6) as the findings give it. */
  ip: string;
  /** Where it is drawn; undefined when no finding gives a usable location. */
  location?: { lat: number; lon: number };
  /** Why it is not drawn (the first finding's problem), when `location` is undefined. */
  problem?: LocationProblem;
  /** Findings naming this IP, in list order (see findingsBySeverity for display). */
  findings: Finding[];
  /** Highest severity among them (undefined when none has a severity). */
  maxSeverity?: number;
  bandCounts: Record<SeverityBand, number>;
  /** [type, count] pairs in order of first appearance (see topTypes). */
  typeCounts: [string, number][];
  /** Distinct country names (or codes), in order of first appearance. */
  countries: string[];
  cities: string[];
  organizations: IpOrganization[];
  /** Epoch ms; from service.eventFirstSeen / eventLastSeen, else createdAt / updatedAt. */
  firstSeen?: number;
  lastSeen?: number;
  /** The finding seen last, so a finding naming the IP twice counts once. */
  lastFindingId?: string;
}

export interface MapData {
  /** IPs with a usable location. */
  located: IpAggregate[];
  /** IPs whose location is missing, 0,0 or out of range: counted, not drawn. */
  unknown: IpAggregate[];
  byIp: Map<string, IpAggregate>;
  /** Distinct findings looked at, and how many of them name at least one remote IP. */
  findingCount: number;
  findingsWithIp: number;
}

/** What one remote IP entry of a finding says. */
interface Sighting {
  ip: string;
  location?: { lat: number; lon: number };
  problem?: LocationProblem;
  country?: string;
  city?: string;
  org?: IpOrganization;
}

/** What aggregation needs from one finding, parsed once per finding object. */
interface Observation {
  first?: number;
  last?: number;
  type: string;
  severity?: number;
  band?: SeverityBand;
  sightings: Sighting[];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

// Findings in the query cache are immutable objects: what is parsed from one stays true, so a
// cache that grows page by page ("Map all matching") re-parses nothing it has seen.
const observations = new WeakMap<Finding, Observation>();

function observe(finding: Finding): Observation {
  let obs = observations.get(finding);
  if (obs) return obs;
  const sightings: Sighting[] = [];
  for (const { ip, details } of remoteIpSightings(finding).filter(isMappedRemoteIp)) {
    if (!ip) continue;
    const o = details.organization;
    const asn = text(o?.asn) ?? (typeof o?.asn === 'number' ? String(o.asn) : undefined);
    const org = o ? { org: text(o.org), asn, asnOrg: text(o.asnOrg), isp: text(o.isp) } : undefined;
    const check = checkLocation(details.geoLocation);
    sightings.push({
      ip,
      location: check.ok ? { lat: check.lat, lon: check.lon } : undefined,
      problem: check.ok ? undefined : check.problem,
      country: text(details.country?.countryName) ?? text(details.country?.countryCode),
      city: text(details.city?.cityName),
      org: org && (org.org || org.asn || org.asnOrg || org.isp) ? org : undefined,
    });
  }
  const severity = typeof finding.severity === 'number' && Number.isFinite(finding.severity) ? finding.severity : undefined;
  obs = {
    first: parseTimestamp(finding.service?.eventFirstSeen ?? finding.createdAt),
    last: parseTimestamp(finding.service?.eventLastSeen ?? finding.updatedAt),
    type: text(finding.type) ?? '(no type)',
    severity,
    band: severityBand(severity)?.band,
    sightings,
  };
  observations.set(finding, obs);
  return obs;
}

/**
 * Parses findings ahead of aggregation (e.g. each page as "Map all matching" fetches it), so
 * the aggregation that follows an append has only to merge.
 */
export function prepareFindings(findings: readonly Finding[]): void {
  for (const f of findings) if (f) observe(f);
}

const sameOrg = (a: IpOrganization, b: IpOrganization) => a.org === b.org && a.asn === b.asn && a.asnOrg === b.asnOrg && a.isp === b.isp;

/**
 * Aggregates the remote IPs of findings per IP (`located` and `unknown` come most severe first,
 * see compareIps). Findings repeated across pages count once; a finding naming the same IP twice
 * (two probes) counts once for it. One pass, one object per IP.
 */
export function aggregateFindings(findings: Iterable<Finding>): MapData {
  const acc = newAccumulation();
  accumulate(acc, [Array.isArray(findings) ? findings : [...findings]]);
  return finish(acc);
}

interface Accumulation {
  byIp: Map<string, IpAggregate>;
  seen: Set<string>;
  findingCount: number;
  findingsWithIp: number;
}

const newAccumulation = (): Accumulation => ({ byIp: new Map(), seen: new Set(), findingCount: 0, findingsWithIp: 0 });

function accumulate(acc: Accumulation, lists: readonly (readonly Finding[])[]): void {
  const { byIp, seen } = acc;
  for (const list of lists) {
    for (const finding of list) {
      if (!finding || seen.has(finding.id)) continue;
      seen.add(finding.id);
      acc.findingCount++;
      const obs = observe(finding);
      if (obs.sightings.length > 0) acc.findingsWithIp++;
      for (const sighting of obs.sightings) {
        let a = byIp.get(sighting.ip);
        if (!a) {
          a = { ip: sighting.ip, findings: [], bandCounts: { low: 0, medium: 0, high: 0, critical: 0 }, typeCounts: [], countries: [], cities: [], organizations: [] };
          byIp.set(sighting.ip, a);
        }
        if (!a.location) {
          if (sighting.location) {
            a.location = sighting.location;
            a.problem = undefined;
          } else a.problem ??= sighting.problem;
        }
        if (sighting.country && !a.countries.includes(sighting.country)) a.countries.push(sighting.country);
        if (sighting.city && !a.cities.includes(sighting.city)) a.cities.push(sighting.city);
        const org = sighting.org;
        if (org && !a.organizations.some((x) => sameOrg(x, org))) a.organizations.push(org);
        if (a.lastFindingId === finding.id) continue;
        a.lastFindingId = finding.id;
        a.findings.push(finding);
        if (obs.band) a.bandCounts[obs.band]++;
        if (obs.severity !== undefined && (a.maxSeverity === undefined || obs.severity > a.maxSeverity)) a.maxSeverity = obs.severity;
        const t = a.typeCounts.find((x) => x[0] === obs.type);
        if (t) t[1]++;
        else a.typeCounts.push([obs.type, 1]);
        if (obs.first !== undefined && (a.firstSeen === undefined || obs.first < a.firstSeen)) a.firstSeen = obs.first;
        if (obs.last !== undefined && (a.lastSeen === undefined || obs.last > a.lastSeen)) a.lastSeen = obs.last;
      }
    }
  }
}

function finish(acc: Accumulation): MapData {
  const located: IpAggregate[] = [];
  const unknown: IpAggregate[] = [];
  for (const a of acc.byIp.values()) (a.location ? located : unknown).push(a);
  // In list order once, so every IP list (in view, unknown, a cluster's) is a filter, not a sort.
  located.sort(compareIps);
  unknown.sort(compareIps);
  return { located, unknown, byIp: acc.byIp, findingCount: acc.findingCount, findingsWithIp: acc.findingsWithIp };
}

type Pages = readonly { findings: Finding[] }[];
const aggregates = new WeakMap<Pages, MapData>();
/** The last pages aggregated, and their running totals: a cache entry that grows by appended pages
 * ("Map all matching", "load more") is aggregated by its new pages only. */
let growing: { pages: Pages; acc: Accumulation } | undefined;

/**
 * The aggregation of the findings of query-cache pages, memoised per pages array (reopening the
 * map on an unchanged cache entry costs nothing) and incremental when pages were appended.
 */
export function aggregatePages(pages: Pages | undefined): MapData {
  const key = pages ?? EMPTY;
  const cached = aggregates.get(key);
  if (cached) return cached;
  let acc: Accumulation;
  const prev = growing;
  if (prev && prev.pages.length > 0 && key.length >= prev.pages.length && prev.pages.every((page, i) => key[i] === page)) {
    acc = prev.acc;
    accumulate(acc, key.slice(prev.pages.length).map((page) => page.findings));
    // Its per-IP objects move on with the new pages: it must not be served again.
    aggregates.delete(prev.pages);
  } else {
    acc = newAccumulation();
    accumulate(acc, key.map((page) => page.findings));
  }
  growing = { pages: key, acc };
  const data = finish(acc);
  aggregates.set(key, data);
  return data;
}
const EMPTY: Pages = [];

/** The findings of an IP for display: highest severity first, then most recently seen. */
export function findingsBySeverity(ip: IpAggregate): Finding[] {
  return [...ip.findings].sort((a, b) => {
    const x = observe(a);
    const y = observe(b);
    return (y.severity ?? -1) - (x.severity ?? -1) || (y.last ?? 0) - (x.last ?? 0);
  });
}

/** The most frequent finding types of an IP. */
export function topTypes(ip: IpAggregate, n = 3): { type: string; count: number }[] {
  return [...ip.typeCounts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, n)
    .map(([type, count]) => ({ type, count }));
}

/** Highest severity first, then most findings, then address: the order of every IP list. */
export function compareIps(a: IpAggregate, b: IpAggregate): number {
  return (b.maxSeverity ?? -1) - (a.maxSeverity ?? -1) || b.findings.length - a.findings.length || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
}

/** The IP a finding is drawn at: its primary remote IP when located, else its first located one. */
export function locatedIpOfFinding(finding: Finding | undefined | null, data: MapData): IpAggregate | undefined {
  if (!finding) return undefined;
  let fallback: IpAggregate | undefined;
  for (const { ip } of remoteIpSightings(finding).filter(isMappedRemoteIp)) {
    const hit = ip ? data.byIp.get(ip) : undefined;
    if (hit?.location) return hit;
    fallback ??= hit;
  }
  return fallback;
}
