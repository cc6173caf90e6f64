/**
 * What the map knows about one remote IP, for the popup and the side list. Every string here
 * comes from findings, so it is attacker-influenced: it is rendered as React text only.
 */
import type { Ref } from 'react';
import { findingHref } from '../../view/paths';
import { useViewState } from '../../view/url-state';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Time } from '../../components/Time';
import { isAttackSequence, resourceOf } from '../../guardduty';
import { LOCATION_PROBLEM_LABELS } from '../../lib/geo';
import { SEVERITY_BANDS } from '../../lib/severity';
import { findingsBySeverity, topTypes, type IpAggregate } from './aggregate';

const nf = new Intl.NumberFormat('en');
const MAX_FINDINGS = 5;
const MAX_TYPES = 3;

function Organisation({ ip }: { ip: IpAggregate }) {
  const org = ip.organizations[0];
  if (!org) return <span className="muted">Unknown</span>;
  const name = org.org ?? org.isp ?? org.asnOrg;
  return (
    <>
      {name ?? <span className="muted">Unknown</span>}
      {ip.organizations.length > 1 && <span className="muted"> (+{ip.organizations.length - 1} more)</span>}
    </>
  );
}

/** The resource a finding is about, as the table names it (resourceOf). */
function FindingResource({ finding }: { finding: Parameters<typeof resourceOf>[0] }) {
  const r = resourceOf(finding);
  if (!r.text) return null;
  return (
    <span className="fa-ip__resource">
      {r.type && r.name ? <span className="muted">{r.type} </span> : null}
      <span className="mono">{r.text}</span>
    </span>
  );
}

export function IpDetails({ ip, level = 2, headingRef, onOpenFinding, onShowInTable }: {
  ip: IpAggregate;
  /** The heading level of the IP (its parts use the next level). */
  level?: 2 | 3;
  headingRef?: Ref<HTMLHeadingElement>;
  onOpenFinding(findingId: string): void;
  /** On narrow screens the table is hidden behind the map: this shows it. */
  onShowInTable?(): void;
}) {
  const { state } = useViewState();
  const org = ip.organizations[0];
  const place = [ip.cities[0], ip.countries[0]].filter(Boolean).join(', ');
  const bands = [...SEVERITY_BANDS].reverse().filter((b) => ip.bandCounts[b.band] > 0);
  const count = ip.findings.length;
  const Title = level === 2 ? 'h2' : 'h3';
  const Part = level === 2 ? 'h3' : 'h4';
  return (
    <div className="fa-ip">
      <Title className="fa-ip__title" ref={headingRef} tabIndex={-1}>
        <span className="mono">{ip.ip}</span>
      </Title>
      <dl className="fa-ip__facts">
        <dt>Organisation</dt>
        <dd>
          <Organisation ip={ip} />
        </dd>
        <dt>ASN</dt>
        <dd>
          {org?.asn ? <span className="mono">AS{org.asn}</span> : <span className="muted">Unknown</span>}
          {org?.asnOrg && <> · {org.asnOrg}</>}
        </dd>
        <dt>Location</dt>
        <dd>
          {place || <span className="muted">Unknown</span>}
          {ip.countries.length > 1 && <span className="muted"> (also {ip.countries.slice(1).join(', ')})</span>}
          {!ip.location && ip.problem && <span className="muted"> · not on the map: {LOCATION_PROBLEM_LABELS[ip.problem]}</span>}
        </dd>
        <dt>Seen</dt>
        <dd>
          {ip.firstSeen !== undefined ? <Time value={ip.firstSeen} /> : '—'} to {ip.lastSeen !== undefined ? <Time value={ip.lastSeen} /> : '—'}
        </dd>
      </dl>
      <div className="fa-ip__summary">
        <strong>
          {nf.format(count)} {count === 1 ? 'finding' : 'findings'}
        </strong>
        {bands.length > 0 && (
          <ul className="fa-ip__bands" aria-label="Findings by severity">
            {bands.map((b) => (
              <li key={b.band}>
                <span className={`severity severity-${b.band}`}>{b.label}</span> {nf.format(ip.bandCounts[b.band])}
              </li>
            ))}
          </ul>
        )}
      </div>
      <Part className="fa-ip__heading">Top finding types</Part>
      <ol className="fa-ip__types">
        {topTypes(ip, MAX_TYPES).map((t) => (
          <li key={t.type}>
            <span className="fa-ip__type">{t.type}</span> <span className="muted">×{nf.format(t.count)}</span>
          </li>
        ))}
      </ol>
      <Part className="fa-ip__heading">Findings</Part>
      <ul className="fa-ip__findings">
        {findingsBySeverity(ip).slice(0, MAX_FINDINGS).map((f) => (
          <li key={f.id}>
            <SeverityBadge severity={f.severity} />{' '}
            <a
              href={findingHref(state, f)}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                onOpenFinding(f.id);
              }}
            >
              {f.title || f.type || f.id}
            </a>
            {isAttackSequence(f) && <span className="fa-ip__sequence"> Attack sequence</span>}
            <FindingResource finding={f} />
          </li>
        ))}
      </ul>
      {count > MAX_FINDINGS && (
        <p className="muted fa-ip__more">
          {nf.format(count - MAX_FINDINGS)} more {state.map.ip === ip.ip ? 'are highlighted in the table.' : 'in the table.'}
        </p>
      )}
      {onShowInTable && (
        <button type="button" className="button fa-ip__to-table" onClick={onShowInTable}>
          Show in the table
        </button>
      )}
    </div>
  );
}
