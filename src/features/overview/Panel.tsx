import { useId, useState, type ReactNode } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';

export type PanelState = 'loading' | 'error' | 'empty' | 'ready';

/**
 * One overview panel: a titled region whose body keeps its height while loading (a skeleton of the
 * same size, so nothing shifts), says plainly when nothing matches, shows errors with a Retry, and,
 * for charts, offers the same numbers as a table.
 */
export function Panel({
  title,
  subtitle,
  size,
  state,
  error,
  onRetry,
  empty,
  chart,
  table,
  className = '',
  actions,
  busy = false,
}: {
  title: string;
  subtitle?: ReactNode;
  /** Reserved body height: `trend`, `list`, `short`. */
  size: 'trend' | 'list' | 'short';
  state: PanelState;
  error?: unknown;
  onRetry?: () => void;
  /** What the empty state says. */
  empty: ReactNode;
  /** The chart; called only when ready. */
  chart: () => ReactNode;
  /** The same numbers as a table; omitted for panels that are a table already. */
  table?: () => ReactNode;
  className?: string;
  actions?: ReactNode;
  /** Drawn, with part of it reloading. */
  busy?: boolean;
}) {
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className={`ov-panel ov-panel--${size} ${className}`} aria-labelledby={titleId} aria-busy={state === 'loading' || busy || undefined} data-state={state}>
      <header className="ov-panel-head">
        <div>
          <h2 id={titleId}>{title}</h2>
          {subtitle && <p className="ov-panel-sub">{subtitle}</p>}
        </div>
        <div className="ov-panel-actions">
          {actions}
          {table && (
            <button type="button" className="button button-quiet" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
              {asTable ? 'Show as chart' : 'Show as table'}
              <span className="visually-hidden">: {title}</span>
            </button>
          )}
        </div>
      </header>
      <div className="ov-panel-body">
        {state === 'loading' && (
          <div className="ov-skeleton" aria-hidden="false">
            <span className="visually-hidden">Loading {title.toLowerCase()}…</span>
          </div>
        )}
        {state === 'error' && <ErrorBanner error={error} context={`Could not load ${title.toLowerCase()}`} onRetry={onRetry} />}
        {state === 'empty' && <p className="ov-empty">{empty}</p>}
        {state === 'ready' && (asTable && table ? table() : chart())}
      </div>
    </section>
  );
}
