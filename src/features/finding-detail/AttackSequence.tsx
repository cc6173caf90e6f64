/**
 * An attack sequence (Extended Threat Detection) told as a story: what GuardDuty concluded, the
 * ATT&CK tactics in kill-chain order, its signals on a timeline, who acted (actors), from where
 * (endpoints, on a small map), against what (resources), the indicators, and its member findings.
 * Every string here comes from the finding and is attacker-influenced: React text only.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useFindingRef } from '../../view/scope';
import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Time } from '../../components/Time';
import {
  associatedSequenceArn,
  attackSequenceOf,
  isAttackSequence,
  type AttackSequence,
  type Finding,
  type SequenceActor,
  type SequenceEndpoint,
  type SequenceIndicator,
  type SequenceResource,
  type SequenceSignal,
} from '../../guardduty';
import { parseTimestamp } from '../../guardduty/values';
import { findingIdFromArn, signalsInTimeOrder, signalTactics, tacticChain, TACTICS, techniqueIds } from '../../lib/attack-sequence';
import { checkLocation } from '../../lib/geo';
import { severityBand } from '../../lib/severity';
import { Field, Value } from './Field';
import { GenericFields, GenericValue, TagTable } from './Generic';
import { humanize } from './format';
import { spaClick } from './links';
import { MapBoundary } from './MapBoundary';
import { detailHref } from './navigation';
import { Section, SubSection } from './Section';
import { findingByArnQuery, MAX_MEMBERS, sequenceMembersQuery } from './sequence-queries';
import type { EndpointPoint } from './SequenceMap';
import './sequence.css';
import { isObject, str } from './json';

// Leaflet loads only when a sequence has an endpoint with a known location.
const SequenceMap = lazy(() => import('./SequenceMap'));

const nf = new Intl.NumberFormat('en');
const arr = <T,>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined) : []);
const plural = (n: number, one: string, many = `${one}s`) => `${nf.format(n)} ${n === 1 ? one : many}`;

/** Readable names for GuardDuty's indicator keys (the key itself is shown beside them). */
export const INDICATOR_LABELS: Record<string, string> = {
  ATTACK_TACTIC: 'MITRE ATT&CK tactics',
  ATTACK_TECHNIQUE: 'MITRE ATT&CK techniques',
  HIGH_RISK_API: 'High-risk APIs',
  MALICIOUS_IP: 'Malicious IPs',
  TOR_IP: 'Tor exit nodes',
  SUSPICIOUS_USER_AGENT: 'Suspicious user agents',
  SUSPICIOUS_NETWORK: 'Suspicious networks',
  UNUSUAL_API_FOR_ACCOUNT: 'APIs unusual for the account',
  UNUSUAL_ASN_FOR_ACCOUNT: 'Networks (ASNs) unusual for the account',
  UNUSUAL_ASN_FOR_USER: 'Networks (ASNs) unusual for the user',
  SUSPICIOUS_PROCESS: 'Suspicious processes',
  MALICIOUS_DOMAIN: 'Malicious domains',
  MALICIOUS_PROCESS: 'Malicious processes',
  CRYPTOMINING_IP: 'Cryptomining IPs',
  CRYPTOMINING_DOMAIN: 'Cryptomining domains',
  CRYPTOMINING_PROCESS: 'Cryptomining processes',
  MALICIOUS_FILE: 'Malicious files',
  VULNERABILITY: 'Vulnerabilities',
  MALICIOUS_PACKAGE: 'Malicious packages',
  MISCONFIGURATION: 'Misconfigurations',
  REACHABILITY: 'Reachability',
  SENSITIVE_DATA: 'Sensitive data',
};

/** "2 h 10 min", "3 d 4 h": how long between two times, for the timeline's gaps and spans. */
export function formatDuration(ms: number): string {
  const min = Math.round(Math.abs(ms) / 60_000);
  if (min < 1) return 'under a minute';
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** A link to another finding of this detector (member, sequence): a plain left click stays in the app. */
function FindingLink({ findingId, children, className }: { findingId: string; children: ReactNode; className?: string }) {
  const href = detailHref(findingId);
  return (
    <a href={href} onClick={spaClick(href)} className={className}>
      {children}
    </a>
  );
}

/** Indicators grouped by key, values as a list under a readable name. */
function IndicatorGroups({ indicators, level = 3 }: { indicators: SequenceIndicator[]; level?: 3 | 4 }) {
  const id = useId();
  const groups = new Map<string, SequenceIndicator[]>();
  for (const i of indicators) {
    const key = typeof i.key === 'string' ? i.key : '';
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <div className="seq-indicators">
      {[...groups.entries()].map(([key, items], n) => (
        // Named by its heading, key included: the tactics indicator and the tactics card are distinct landmarks.
        <section key={key} className="seq-indicator" aria-labelledby={`${id}-${n}`}>
          <H className="seq-indicator-head" id={`${id}-${n}`}>
            <span>{INDICATOR_LABELS[key] ?? (key ? humanize(key.toLowerCase()) : 'Indicator')}</span> <code className="seq-key">{key || '—'}</code>
          </H>
          {items.map((item, i) => (
            <div key={i} className="seq-indicator-item">
              {str(item.title) && <p className="seq-indicator-title">{item.title}</p>}
              {arr(item.values).length > 0 ? (
                <ul className="seq-chips">
                  {arr(item.values).map((v, j) => (
                    <li key={j} className="seq-chip">
                      <Value value={v} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted seq-none">No values</p>
              )}
              <GenericFieldsBlock value={item} skip={['key', 'values', 'title']} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

/** Unknown fields of an object, as a nested list (nothing a finding says is dropped). */
function GenericFieldsBlock({ value, skip }: { value: unknown; skip: readonly string[] }) {
  if (!isObject(value)) return null;
  const rest = Object.keys(value).filter((k) => value[k] !== undefined && !skip.includes(k));
  if (rest.length === 0) return null;
  return (
    <KeyValueList className="kv-nested">
      <GenericFields value={value} skip={skip} />
    </KeyValueList>
  );
}

// --- Summary and tactics ------------------------------------------------------------------------

function sequenceSpan(signals: SequenceSignal[]): { first?: number; last?: number } {
  let first: number | undefined;
  let last: number | undefined;
  for (const s of signals) {
    const f = parseTimestamp(s.firstSeenAt) ?? parseTimestamp(s.createdAt);
    const l = parseTimestamp(s.lastSeenAt) ?? f;
    if (f !== undefined && (first === undefined || f < first)) first = f;
    if (l !== undefined && (last === undefined || l > last)) last = l;
  }
  return { first, last };
}

function SequenceSummary({ sequence }: { sequence: AttackSequence }) {
  const signals = arr(sequence.signals);
  const span = sequenceSpan(signals);
  return (
    <Section title="Attack sequence" className="seq-summary">
      {str(sequence.description) && <p className="seq-description">{sequence.description}</p>}
      <ul className="seq-counts" aria-label="What the sequence involves">
        <li>
          <strong>{plural(signals.length, 'signal')}</strong>
        </li>
        <li>{plural(arr(sequence.actors).length, 'actor')}</li>
        <li>{plural(arr(sequence.endpoints).length, 'endpoint')}</li>
        <li>{plural(arr(sequence.resources).length, 'resource')}</li>
        {span.first !== undefined && span.last !== undefined && (
          <li>
            over {formatDuration(span.last - span.first)}, from <Time value={span.first} /> to <Time value={span.last} />
          </li>
        )}
      </ul>
      <KeyValueList>
        <Field label="Sequence ID" value={sequence.uid} name="uid" copy />
        {sequence.additionalSequenceTypes !== undefined && (
          <KeyValue label="Also matches">
            <GenericValue value={sequence.additionalSequenceTypes} name="additionalSequenceTypes" />
          </KeyValue>
        )}
        <GenericFields value={sequence} skip={['uid', 'description', 'actors', 'resources', 'endpoints', 'signals', 'sequenceIndicators', 'additionalSequenceTypes']} />
      </KeyValueList>
    </Section>
  );
}

function TacticsSection({ sequence }: { sequence: AttackSequence }) {
  const chain = tacticChain(sequence);
  if (chain.steps.length === 0 && chain.otherTechniques.length === 0 && chain.unknownTactics.length === 0) return null;
  return (
    <Section
      title="MITRE ATT&CK tactics"
      className="seq-tactics"
      actions={<span className="muted seq-note">{chain.steps.length} of {TACTICS.length} tactics, in kill-chain order</span>}
    >
      {chain.steps.length > 0 && (
        <ol className="seq-chain" aria-label="Tactics in kill-chain order">
          {chain.steps.map((step) => (
            <li key={step.tactic.id} className="seq-step">
              <span className="seq-step-name">{step.tactic.name}</span>
              <span className="seq-step-id mono">{step.tactic.id}</span>
              {step.techniques.length > 0 && (
                <ul className="seq-techniques" aria-label={`Techniques for ${step.tactic.name}`}>
                  {step.techniques.map((t) => (
                    <li key={t} className="mono">{t}</li>
                  ))}
                </ul>
              )}
              {step.signalCount > 0 && (
                <span className="seq-step-meta muted">
                  {plural(step.signalCount, 'signal')}
                  {step.firstSeen !== undefined && (
                    <>
                      {' · from '}
                      <Time value={step.firstSeen} />
                    </>
                  )}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {chain.otherTechniques.length > 0 && (
        <p className="seq-other">
          <span className="muted">Techniques named by the sequence: </span>
          {chain.otherTechniques.map((t, i) => (
            <span key={t}>
              {i > 0 && ', '}
              <span className="mono">{t}</span>
            </span>
          ))}
        </p>
      )}
      {chain.unknownTactics.length > 0 && (
        <p className="seq-other">
          <span className="muted">Other tactic values: </span>
          {chain.unknownTactics.join(', ')}
        </p>
      )}
    </Section>
  );
}

// --- Timeline -----------------------------------------------------------------------------------

/** Names for the ids a signal refers to (actors, endpoints, resources), for its details. */
interface Names {
  actors: Map<string, string>;
  endpoints: Map<string, string>;
  resources: Map<string, string>;
}

function namesOf(sequence: AttackSequence): Names {
  const actors = new Map<string, string>();
  for (const a of arr(sequence.actors)) {
    const name = str(a.user?.name) ?? str(a.process?.name);
    if (str(a.id) && name) actors.set(a.id!, name);
  }
  const endpoints = new Map<string, string>();
  for (const e of arr(sequence.endpoints)) {
    const name = str(e.domain) ?? str(e.ip);
    if (str(e.id) && name) endpoints.set(e.id!, name);
  }
  const resources = new Map<string, string>();
  for (const r of arr(sequence.resources)) if (str(r.uid) && str(r.name)) resources.set(r.uid!, r.name!);
  return { actors, endpoints, resources };
}

function IdList({ ids, names, name }: { ids: unknown; names: Map<string, string>; name: string }) {
  if (!Array.isArray(ids)) return <GenericValue value={ids} name={name} />;
  if (ids.length === 0) return <Value value={null} />;
  return (
    <ul className="value-list">
      {ids.map((id, i) => (
        <li key={i}>
          <Value value={id} name={name} mono />
          {typeof id === 'string' && names.has(id) && <span className="muted"> ({names.get(id)})</span>}
        </li>
      ))}
    </ul>
  );
}

const SIGNAL_TYPE_LABELS: Record<string, string> = {
  FINDING: 'Finding',
  CLOUD_TRAIL: 'CloudTrail event',
  S3_DATA_EVENTS: 'S3 data event',
  EKS_AUDIT_LOGS: 'EKS audit log',
  FLOW_LOGS: 'VPC flow log',
  DNS_LOGS: 'DNS log',
  RUNTIME_MONITORING: 'Runtime event',
};

const SIGNAL_SHOWN = ['uid', 'type', 'description', 'name', 'createdAt', 'updatedAt', 'firstSeenAt', 'lastSeenAt', 'severity', 'count', 'resourceUids', 'actorIds', 'endpointIds', 'signalIndicators'];

function Signal({ signal, names, gap }: { signal: SequenceSignal; names: Names; gap?: number }) {
  const band = severityBand(typeof signal.severity === 'number' ? signal.severity : undefined)?.band ?? 'none';
  const memberId = signal.type === 'FINDING' || signal.type === undefined ? findingIdFromArn(signal.uid) : undefined;
  const tactics = signalTactics(signal);
  const techniques = arr(signal.signalIndicators)
    .filter((i) => i.key === 'ATTACK_TECHNIQUE')
    .flatMap((i) => arr(i.values).flatMap(techniqueIds));
  const typeLabel = typeof signal.type === 'string' ? (SIGNAL_TYPE_LABELS[signal.type] ?? signal.type) : undefined;
  return (
    <li className={`seq-signal seq-sev-${band}`}>
      {gap !== undefined && gap > 0 && <p className="seq-gap">{formatDuration(gap)} later</p>}
      <span className="seq-dot" aria-hidden="true" />
      <div className="seq-signal-when">
        <Value value={signal.firstSeenAt} name="firstSeenAt" />
      </div>
      <div className="seq-signal-body">
        <h3 className="seq-signal-name">
          {memberId ? <FindingLink findingId={memberId}>{str(signal.name) ?? signal.uid}</FindingLink> : (str(signal.name) ?? <span className="muted">Unnamed signal</span>)}
        </h3>
        <p className="seq-signal-meta">
          {signal.severity !== undefined && <SeverityBadge severity={typeof signal.severity === 'number' ? signal.severity : undefined} />}
          {typeLabel && (
            <span className="seq-tag" title={typeof signal.type === 'string' ? signal.type : undefined}>
              {typeLabel}
            </span>
          )}
          {signal.count !== undefined && (
            <span className="seq-count">
              <span className="muted">count </span>
              <Value value={signal.count} name="count" />
            </span>
          )}
          {tactics.map((t) => (
            <span key={t.id} className="seq-tag seq-tag-tactic">
              {t.name}
            </span>
          ))}
          {techniques.map((t, i) => (
            <span key={`${t}-${i}`} className="seq-tag mono">
              {t}
            </span>
          ))}
        </p>
        {str(signal.description) && <p className="seq-signal-description">{signal.description}</p>}
        <dl className="seq-signal-times">
          <div>
            <dt>First seen</dt>
            <dd>
              <Value value={signal.firstSeenAt} name="firstSeenAt" />
            </dd>
          </div>
          <div>
            <dt>Last seen</dt>
            <dd>
              <Value value={signal.lastSeenAt} name="lastSeenAt" />
            </dd>
          </div>
        </dl>
        <details className="seq-signal-details">
          <summary>Signal details</summary>
          <KeyValueList>
            <Field label="Signal UID" value={signal.uid} name="uid" copy />
            <Field label="Signal type" value={signal.type} name="type" mono />
            <Field label="Severity" value={signal.severity} name="severity" />
            <Field label="Created" value={signal.createdAt} name="createdAt" />
            <Field label="Updated" value={signal.updatedAt} name="updatedAt" />
            {signal.resourceUids !== undefined && (
              <KeyValue label="Resources">
                <IdList ids={signal.resourceUids} names={names.resources} name="resourceUids" />
              </KeyValue>
            )}
            {signal.actorIds !== undefined && (
              <KeyValue label="Actors">
                <IdList ids={signal.actorIds} names={names.actors} name="actorIds" />
              </KeyValue>
            )}
            {signal.endpointIds !== undefined && (
              <KeyValue label="Endpoints">
                <IdList ids={signal.endpointIds} names={names.endpoints} name="endpointIds" />
              </KeyValue>
            )}
            <GenericFields value={signal} skip={SIGNAL_SHOWN} />
          </KeyValueList>
          {arr(signal.signalIndicators).length > 0 && <IndicatorGroups indicators={arr(signal.signalIndicators)} level={4} />}
        </details>
      </div>
    </li>
  );
}

function TimelineSection({ sequence }: { sequence: AttackSequence }) {
  const signals = signalsInTimeOrder(sequence);
  const names = namesOf(sequence);
  return (
    <Section title={`Signals (${signals.length})`} className="seq-timeline-card" actions={<span className="muted seq-note">in the order they were first seen</span>}>
      {signals.length === 0 ? (
        <p className="muted">The sequence lists no signals.</p>
      ) : (
        <ol className="seq-timeline" aria-label="Signals in time order">
          {signals.map((s, i) => {
            const prev = i > 0 ? parseTimestamp(signals[i - 1].firstSeenAt) : undefined;
            const here = parseTimestamp(s.firstSeenAt);
            return <Signal key={i} signal={s} names={names} gap={prev !== undefined && here !== undefined ? here - prev : undefined} />;
          })}
        </ol>
      )}
    </Section>
  );
}

// --- Actors, endpoints, resources -----------------------------------------------------------------

function Actor({ actor }: { actor: SequenceActor }) {
  const user = isObject(actor.user) ? actor.user : undefined;
  const session = isObject(actor.session) ? actor.session : undefined;
  const process = isObject(actor.process) ? actor.process : undefined;
  const title = str(user?.name) ?? str(process?.name) ?? str(actor.id) ?? 'Actor';
  return (
    <SubSection title={title}>
      <KeyValueList>
        <Field label="Actor ID" value={actor.id} name="id" mono />
        {user && (
          <>
            <Field label="User name" value={user.name} name="name" />
            <Field label="User type" value={user.type} name="type" />
            <Field label="User UID" value={user.uid} name="uid" copy />
            <Field label="Credential" value={user.credentialUid} name="credentialUid" copy />
            <Field label="Account ID" value={isObject(user.account) ? user.account.uid : undefined} name="uid" copy />
            <Field label="Account name" value={isObject(user.account) ? user.account.account : undefined} name="account" />
            {isObject(user.account) && <GenericFields value={user.account} skip={['uid', 'account']} />}
            <GenericFields value={user} skip={['name', 'type', 'uid', 'credentialUid', 'account']} />
          </>
        )}
        {session && (
          <>
            <Field label="MFA" value={session.mfaStatus} name="mfaStatus" />
            <Field label="Session issuer" value={session.issuer} name="issuer" copy={typeof session.issuer === 'string' && session.issuer.startsWith('arn:')} />
            <Field label="Session created" value={session.createdTime} name="createdTime" />
            <Field label="Session UID" value={session.uid} name="uid" copy />
            <GenericFields value={session} skip={['mfaStatus', 'issuer', 'createdTime', 'uid']} />
          </>
        )}
        {process && (
          <>
            <Field label="Process" value={process.name} name="name" />
            <Field label="Process path" value={process.path} name="path" mono />
            <Field label="Process SHA-256" value={process.sha256} name="sha256" copy mono />
            <GenericFields value={process} skip={['name', 'path', 'sha256']} />
          </>
        )}
        <GenericFields value={actor} skip={['id', 'user', 'session', 'process']} />
      </KeyValueList>
    </SubSection>
  );
}

function ActorsSection({ actors }: { actors: SequenceActor[] }) {
  if (actors.length === 0) return null;
  return (
    <Section title={`Actors (${actors.length})`}>
      {actors.map((a, i) => (
        <Actor key={i} actor={a} />
      ))}
    </Section>
  );
}

function endpointPoints(endpoints: SequenceEndpoint[]): EndpointPoint[] {
  const out: EndpointPoint[] = [];
  endpoints.forEach((e, i) => {
    const check = checkLocation(e.location);
    if (!check.ok) return;
    out.push({
      key: `${i}`,
      lat: check.lat,
      lon: check.lon,
      label: str(e.domain) ?? str(e.ip) ?? str(e.id) ?? `Endpoint ${i + 1}`,
      ip: str(e.ip),
      place: [str(e.location?.city), str(e.location?.country)].filter(Boolean).join(', ') || undefined,
      network: isObject(e.autonomousSystem) ? [e.autonomousSystem.number !== undefined ? `AS${e.autonomousSystem.number}` : undefined, str(e.autonomousSystem.name)].filter(Boolean).join(' ') || undefined : undefined,
    });
  });
  return out;
}

const ENDPOINT_SHOWN = ['id', 'ip', 'domain', 'port', 'location', 'autonomousSystem', 'connection'];

function EndpointRow({ endpoint }: { endpoint: SequenceEndpoint }) {
  const loc = isObject(endpoint.location) ? endpoint.location : undefined;
  const as = isObject(endpoint.autonomousSystem) ? endpoint.autonomousSystem : undefined;
  const conn = isObject(endpoint.connection) ? endpoint.connection : undefined;
  const check = checkLocation(loc);
  const extra = Object.keys(endpoint).some((k) => !ENDPOINT_SHOWN.includes(k) && endpoint[k] !== undefined);
  return (
    <tr>
      <td>
        <span className="seq-endpoint-main">
          {endpoint.ip !== undefined && <Value value={endpoint.ip} name="ip" mono />}
          {endpoint.port !== undefined && (
            <>
              <span className="muted"> port </span>
              <Value value={endpoint.port} name="port" />
            </>
          )}
        </span>
        {endpoint.domain !== undefined && (
          <span className="seq-endpoint-sub">
            <Value value={endpoint.domain} name="domain" />
          </span>
        )}
        {endpoint.id !== undefined && (
          <span className="seq-endpoint-sub muted">
            <span>ID </span>
            <Value value={endpoint.id} name="id" />
          </span>
        )}
        {extra && <GenericFieldsBlock value={endpoint} skip={ENDPOINT_SHOWN} />}
      </td>
      <td>
        {loc ? (
          <>
            <span className="seq-endpoint-main">
              {loc.city !== undefined && <Value value={loc.city} name="city" />}
              {loc.city !== undefined && loc.country !== undefined && ', '}
              {loc.country !== undefined && <Value value={loc.country} name="country" />}
            </span>
            {(loc.lat !== undefined || loc.lon !== undefined) && (
              <span className="seq-endpoint-sub muted">
                <Value value={loc.lat} name="lat" />
                {', '}
                <Value value={loc.lon} name="lon" />
                {!check.ok && ' · not on the map'}
              </span>
            )}
            <GenericFieldsBlock value={loc} skip={['city', 'country', 'lat', 'lon']} />
          </>
        ) : (
          <span className="muted">Unknown</span>
        )}
      </td>
      <td>
        {as ? (
          <>
            {as.number !== undefined && (
              <span className="seq-endpoint-main">
                <span className="muted">AS</span>
                <Value value={as.number} name="number" />
              </span>
            )}
            {as.name !== undefined && (
              <span className="seq-endpoint-sub">
                <Value value={as.name} name="name" />
              </span>
            )}
            <GenericFieldsBlock value={as} skip={['name', 'number']} />
          </>
        ) : (
          <span className="muted">Unknown</span>
        )}
      </td>
      <td>
        {conn ? (
          <>
            <Value value={conn.direction} name="direction" />
            <GenericFieldsBlock value={conn} skip={['direction']} />
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

function EndpointsSection({ endpoints }: { endpoints: SequenceEndpoint[] }) {
  if (endpoints.length === 0) return null;
  const points = endpointPoints(endpoints);
  return (
    <Section title={`Endpoints (${endpoints.length})`} className="seq-endpoints">
      {points.length > 0 && (
        <MapBoundary>
          <Suspense fallback={<div className="seq-map seq-map-loading">Loading map…</div>}>
            <SequenceMap points={points} />
          </Suspense>
        </MapBoundary>
      )}
      <div className="table-scroll">
        <table className="detail-table seq-endpoint-table">
          <caption className="visually-hidden">Endpoints of the sequence</caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Location</th>
              <th scope="col">Network</th>
              <th scope="col">Direction</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e, i) => (
              <EndpointRow key={i} endpoint={e} />
            ))}
          </tbody>
        </table>
      </div>
      {points.length < endpoints.length && (
        <p className="muted seq-note">
          {plural(endpoints.length - points.length, 'endpoint')} without a usable location {endpoints.length - points.length === 1 ? 'is' : 'are'} not on the map.
        </p>
      )}
    </Section>
  );
}

const RESOURCE_TYPE_LABELS: Record<string, string> = {
  EC2_INSTANCE: 'EC2 instance',
  EC2_NETWORK_INTERFACE: 'EC2 network interface',
  S3_BUCKET: 'S3 bucket',
  S3_OBJECT: 'S3 object',
  ACCESS_KEY: 'Access key',
  EKS_CLUSTER: 'EKS cluster',
  KUBERNETES_WORKLOAD: 'Kubernetes workload',
  CONTAINER: 'Container',
  ECS_CLUSTER: 'ECS cluster',
  ECS_TASK: 'ECS task',
  AUTOSCALING_AUTO_SCALING_GROUP: 'Auto Scaling group',
  IAM_INSTANCE_PROFILE: 'IAM instance profile',
  CLOUDFORMATION_STACK: 'CloudFormation stack',
  EC2_LAUNCH_TEMPLATE: 'EC2 launch template',
  EC2_VPC: 'VPC',
  EC2_IMAGE: 'EC2 image',
};

function Resource({ resource }: { resource: SequenceResource }) {
  const type = str(resource.resourceType);
  const title = str(resource.name) ?? str(resource.uid) ?? 'Resource';
  return (
    <SubSection
      title={
        <>
          {title}
          {type && <span className="seq-tag seq-resource-type">{RESOURCE_TYPE_LABELS[type] ?? humanize(type.toLowerCase())}</span>}
        </>
      }
    >
      <KeyValueList>
        <Field label="Resource type" value={resource.resourceType} name="resourceType" mono />
        <Field label="UID" value={resource.uid} name="uid" copy />
        <Field label="Name" value={resource.name} name="name" />
        <Field label="Region" value={resource.region} name="region" />
        <Field label="Account" value={resource.accountId} name="accountId" copy />
        <Field label="Service" value={resource.service} name="service" />
        <Field label="Partition" value={resource.cloudPartition} name="cloudPartition" />
        {Array.isArray(resource.tags) && resource.tags.length > 0 && (
          <KeyValue label="Tags">
            <TagTable tags={resource.tags} caption={`Tags of ${title}`} />
          </KeyValue>
        )}
        {resource.tags !== undefined && !(Array.isArray(resource.tags) && resource.tags.length > 0) && (
          <KeyValue label="Tags">
            <GenericValue value={resource.tags} name="tags" />
          </KeyValue>
        )}
        <GenericFields value={resource} skip={['resourceType', 'uid', 'name', 'region', 'accountId', 'service', 'cloudPartition', 'tags', 'data']} />
      </KeyValueList>
      {resource.data !== undefined && (
        <details className="seq-signal-details">
          <summary>What GuardDuty recorded about {title}</summary>
          <GenericValue value={resource.data} name="data" />
        </details>
      )}
    </SubSection>
  );
}

function ResourcesSection({ resources }: { resources: SequenceResource[] }) {
  if (resources.length === 0) return null;
  return (
    <Section title={`Affected resources (${resources.length})`}>
      {resources.map((r, i) => (
        <Resource key={i} resource={r} />
      ))}
    </Section>
  );
}

// --- Member findings ------------------------------------------------------------------------------

function MembersSection({ finding }: { finding: Finding }) {
  const { ref } = useFindingRef();
  const arn = str(finding.arn);
  const query = useQuery({ ...sequenceMembersQuery(ref ?? { detectorId: '' }, arn ?? ''), enabled: !!ref && !!arn });
  const members = query.data?.findings ?? [];
  return (
    <Section title={query.data ? `Member findings (${members.length}${query.data.truncated ? '+' : ''})` : 'Member findings'} className="seq-members">
      {!arn ? (
        <p className="muted">This finding has no ARN, so its member findings cannot be looked up.</p>
      ) : query.isError ? (
        <p role="alert" className="seq-error">
          Could not load the member findings: {query.error instanceof Error ? query.error.message : 'unknown error'}.{' '}
          <button type="button" className="button button-quiet" onClick={() => query.refetch()}>
            Retry
          </button>
        </p>
      ) : query.isPending ? (
        <p className="loading-line">Loading member findings…</p>
      ) : members.length === 0 ? (
        <p className="muted">No finding of this detector names this sequence as its attack sequence.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="detail-table seq-member-table">
              <caption className="visually-hidden">Member findings of the sequence, first seen first</caption>
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col">Finding</th>
                  <th scope="col">First seen</th>
                  <th scope="col">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <SeverityBadge severity={m.severity} />
                    </td>
                    <td>
                      <FindingLink findingId={m.id}>{m.title || m.type || m.id}</FindingLink>
                      {m.type && <span className="seq-endpoint-sub mono muted">{m.type}</span>}
                    </td>
                    <td>
                      <Time value={m.service?.eventFirstSeen ?? m.createdAt} />
                    </td>
                    <td>
                      <Time value={m.service?.eventLastSeen ?? m.updatedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {query.data?.truncated && <p className="muted seq-note">The first {MAX_MEMBERS} are listed.</p>}
        </>
      )}
    </Section>
  );
}

// --- The story and the member's link back ------------------------------------------------------------

/** The whole story of an attack sequence finding; nothing for other findings. */
export function AttackSequenceStory({ finding }: { finding: Finding }) {
  if (!isAttackSequence(finding)) return null;
  const sequence = attackSequenceOf(finding);
  return (
    <div className="seq-story">
      {sequence ? (
        <>
          <SequenceSummary sequence={sequence} />
          <TacticsSection sequence={sequence} />
        </>
      ) : (
        <Section title="Attack sequence" className="seq-summary">
          <p className="muted">GuardDuty sent this attack sequence without its details (signals, actors, endpoints). Its member findings are listed below.</p>
        </Section>
      )}
      <div className="detail-grid">
        <div className="detail-col">
          {sequence && <TimelineSection sequence={sequence} />}
          <MembersSection finding={finding} />
        </div>
        {sequence && (
          <div className="detail-col">
            <ActorsSection actors={arr(sequence.actors).filter(isObject) as SequenceActor[]} />
            <EndpointsSection endpoints={arr(sequence.endpoints).filter(isObject) as SequenceEndpoint[]} />
            <ResourcesSection resources={arr(sequence.resources).filter(isObject) as SequenceResource[]} />
            {arr(sequence.sequenceIndicators).length > 0 && (
              <Section title="Indicators">
                <IndicatorGroups indicators={arr(sequence.sequenceIndicators).filter(isObject) as SequenceIndicator[]} />
              </Section>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** On a member finding: the attack sequence it belongs to, as a link. */
export function SequenceMembership({ finding }: { finding: Finding }) {
  const { ref } = useFindingRef();
  const arn = associatedSequenceArn(finding);
  const query = useQuery({ ...findingByArnQuery(ref ?? { detectorId: '' }, arn ?? ''), enabled: !!ref && !!arn });
  if (!arn) return null;
  const sequence = query.data;
  return (
    <aside className="seq-membership" aria-label="Attack sequence">
      <p className="seq-membership-line">
        <span className="seq-badge">Attack sequence</span>{' '}
        {sequence ? (
          <>
            This finding is a signal of{' '}
            <FindingLink findingId={sequence.id} className="seq-membership-link">
              {sequence.title || sequence.type || sequence.id}
            </FindingLink>{' '}
            <SeverityBadge severity={sequence.severity} />
          </>
        ) : query.isPending && !!ref ? (
          <span className="muted">This finding is part of an attack sequence; looking it up…</span>
        ) : query.isError ? (
          <span>This finding is part of an attack sequence, which could not be looked up.</span>
        ) : (
          <span>This finding is part of an attack sequence that is not in this detector.</span>
        )}
      </p>
      <KeyValueList>
        <Field label="Sequence ARN" value={arn} name="associatedAttackSequenceArn" copy />
      </KeyValueList>
    </aside>
  );
}
