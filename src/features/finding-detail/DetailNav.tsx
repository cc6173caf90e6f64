import type { MouseEvent } from 'react';
import { backToTable, goToFinding, tableHref, useNeighbours } from './navigation';

const ArrowIcon = ({ dir }: { dir: 'left' | 'right' }) => (
  <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="12" height="12">
    <path d={dir === 'left' ? 'M10 3L5 8l5 5' : 'M6 3l5 5-5 5'} fill="none" stroke="currentColor" strokeWidth="1.8" />
  </svg>
);

/**
 * Back to the table (also Escape), and previous / next finding in the table's order. The step
 * buttons use aria-disabled, not disabled, so focus stays on them at either end of the list.
 */
export function DetailNav({ findingId }: { findingId: string }) {
  const n = useNeighbours(findingId);
  const onBack = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    backToTable(findingId);
  };
  const position =
    n.index >= 0
      ? `${n.index + 1} of ${n.loaded}${n.more ? '+' : ''}`
      : n.pending
        ? 'Loading the list…'
        : 'Not among the loaded findings';
  return (
    <nav className="detail-nav" aria-label="Finding navigation">
      <a className="button button-quiet back-link" href={tableHref(findingId)} onClick={onBack} aria-keyshortcuts="Escape" aria-label="Back to findings">
        <ArrowIcon dir="left" />
        Findings
        <kbd className="kbd" aria-hidden="true">Esc</kbd>
      </a>
      <div className="detail-nav-steps">
        <button type="button" className="button" aria-label="Previous finding" aria-disabled={!n.previous} onClick={() => n.previous && goToFinding(n.previous)}>
          <ArrowIcon dir="left" />
          Previous
        </button>
        <span className="detail-nav-position" aria-live="polite">
          {position}
        </span>
        <button type="button" className="button" aria-label="Next finding" aria-disabled={!n.next} onClick={() => n.next && goToFinding(n.next)}>
          Next
          <ArrowIcon dir="right" />
        </button>
      </div>
    </nav>
  );
}
