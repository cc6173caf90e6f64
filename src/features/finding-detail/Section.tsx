import { useId, type ReactNode } from 'react';

/** A titled card. Sections a finding lacks are simply not rendered by their callers. */
export function Section({ title, children, className, actions }: { title: ReactNode; children: ReactNode; className?: string; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className={`detail-card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="detail-card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A titled group inside a card (a network interface, a remote IP's organisation…). */
export function SubSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="detail-sub" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
