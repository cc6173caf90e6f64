/**
 * The first thing on a finding's page: who / what / where in one strip. Resource (resourceOf,
 * with its type), the actor or IAM principal, the action, the remote IP with its network and
 * country (and the action it came from), first and last seen, and the count. Every value is
 * finding text (attacker-influenced) and is rendered as React text only.
 */
import type { ReactNode } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { Time } from '../../components/Time';
import type { Finding } from '../../guardduty';
import { PivotLink } from './links';
import { summaryOf, type Fact } from './summary';

function FactView({ fact, label }: { fact: Fact; label: string }) {
  const text = <span className={fact.mono ? 'mono' : undefined}>{fact.text}</span>;
  return (
    <span className="strip-fact">
      {fact.lead && <span className="strip-note">{fact.lead} </span>}
      {fact.pivot ? (
        <PivotLink param={fact.pivot.param} value={fact.pivot.value}>
          {text}
        </PivotLink>
      ) : (
        text
      )}
      {fact.copy && <CopyButton value={fact.copy} label={label} />}
      {fact.note && <span className="strip-note"> {fact.note}</span>}
    </span>
  );
}

function Cell({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`strip-cell${wide ? ' strip-cell-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const None = () => <span className="muted">Not in this finding</span>;

export function SummaryStrip({ finding }: { finding: Finding }) {
  const s = summaryOf(finding);
  const r = s.resource;
  return (
    <section className="summary-strip" aria-label="Summary">
      <dl>
        <Cell label="Resource">
          {r.name ? (
            <span className="strip-fact">
              <PivotLink param={s.resourcePivot} value={r.name}>
                <span className="mono">{r.name}</span>
              </PivotLink>
              {r.more > 0 && <span className="strip-note"> +{r.more} more</span>}
              <CopyButton value={r.name} label="resource name" />
            </span>
          ) : (
            <span className="strip-fact">{r.text || <None />}</span>
          )}
          {/* The type, and (for a named resource) the second fact that tells it apart: key id, workload, task, DB user, image. */}
          {r.type && r.text !== r.type && (
            <span className="strip-fact strip-note">
              {r.type}
              {r.name && r.detail && <> · {r.detail}</>}
            </span>
          )}
        </Cell>
        <Cell label={s.actor?.label ?? 'Actor'}>
          {s.actor ? s.actor.facts.map((f, i) => <FactView key={i} fact={f} label={s.actor!.label} />) : <None />}
        </Cell>
        <Cell label={s.action?.label ?? 'Action'}>
          {s.action ? s.action.facts.map((f, i) => <FactView key={i} fact={f} label={s.action!.label} />) : <None />}
        </Cell>
        <Cell label="Remote IP">
          {s.remote?.ip ? (
            <>
              <span className="strip-fact">
                <PivotLink param={s.remote.ipParam} value={s.remote.ip}>
                  <span className="mono">{s.remote.ip}</span>
                </PivotLink>
                {s.remote.more > 0 && <span className="strip-note"> +{s.remote.more} more</span>}
                <CopyButton value={s.remote.ip} label="remote IP" />
              </span>
              {s.remote.facts.map((f, i) => (
                <FactView key={i} fact={f} label="remote IP" />
              ))}
              {s.remote.from && <span className="strip-fact strip-note">from the {s.remote.from}</span>}
            </>
          ) : (
            <None />
          )}
        </Cell>
        <Cell label="Seen">
          <span className="strip-fact">
            <span className="strip-note">first </span>
            {s.firstSeen ? <Time value={s.firstSeen} /> : <span className="muted">—</span>}
          </span>
          <span className="strip-fact">
            <span className="strip-note">last </span>
            {s.lastSeen ? <Time value={s.lastSeen} /> : <span className="muted">—</span>}
          </span>
          {s.count !== undefined && (
            <span className="strip-fact">
              <span className="strip-note">count </span>
              {s.count}
            </span>
          )}
        </Cell>
      </dl>
    </section>
  );
}
