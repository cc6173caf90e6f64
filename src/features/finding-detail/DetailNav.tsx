import { type MouseEvent } from 'react';
import { HOTKEYS, useHotkeys } from '../../lib/hotkeys';
import { usePanelMode } from '../../view/detail-panel';
import { backToTable, goToFinding, tableHref, useNeighbours } from './navigation';

const ArrowIcon = ({ dir }: { dir: 'left' | 'right' }) => (
  <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="12" height="12">
    <path d={dir === 'left' ? 'M10 3L5 8l5 5' : 'M6 3l5 5-5 5'} fill="none" stroke="currentColor" strokeWidth="1.8" />
  </svg>
);

/**
 * j / k: next / previous finding in the table's order, from anywhere on the finding's page. In the
 * side panel the table itself answers j / k (it moves its selection, which the panel follows).
 */
function useStepKeys(step: (dir: 1 | -1) => void, enabled: boolean) {
  useHotkeys({ [HOTKEYS.next]: () => step(1), [HOTKEYS.previous]: () => step(-1) }, { enabled });
}

/**
 * Back to the table (also Escape), previous / next finding in the table's order (also j / k), and
 * the switch between a page of its own and the side panel. The step buttons use aria-disabled,
 * not disabled, so focus stays on them at either end of the list.
 */
export function DetailNav({ findingId, inPanel = false }: { findingId: string; inPanel?: boolean }) {
  const n = useNeighbours(findingId);
  const { setPanel } = usePanelMode();
  const onBack = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    backToTable(findingId);
  };
  const step = (dir: 1 | -1) => {
    const to = dir === 1 ? n.next : n.previous;
    if (to) goToFinding(to);
  };
  useStepKeys(step, !inPanel);
  const position =
    n.index >= 0
      ? `${n.index + 1} of ${n.loaded}${n.more ? '+' : ''}`
      : n.pending
        ? 'Loading the list…'
        : 'Not among the loaded findings';
  return (
    <nav className={`detail-nav${inPanel ? ' detail-nav-panel' : ''}`} aria-label="Finding navigation">
      <a
        className="button button-quiet back-link"
        href={tableHref(findingId)}
        onClick={onBack}
        aria-keyshortcuts="Escape"
        aria-label={inPanel ? 'Close the panel' : 'Back to findings'}
      >
        <ArrowIcon dir="left" />
        {inPanel ? 'Close' : 'Findings'}
        <kbd className="kbd" aria-hidden="true">Esc</kbd>
      </a>
      <div className="detail-nav-steps">
        <button type="button" className="button" aria-label="Previous finding" aria-keyshortcuts="k" aria-disabled={!n.previous} onClick={() => step(-1)}>
          <ArrowIcon dir="left" />
          <span className="detail-nav-label">Previous</span>
          <kbd className="kbd" aria-hidden="true">k</kbd>
        </button>
        <span className="detail-nav-position" aria-live="polite">
          {position}
        </span>
        <button type="button" className="button" aria-label="Next finding" aria-keyshortcuts="j" aria-disabled={!n.next} onClick={() => step(1)}>
          <kbd className="kbd" aria-hidden="true">j</kbd>
          <span className="detail-nav-label">Next</span>
          <ArrowIcon dir="right" />
        </button>
      </div>
      <button type="button" className="button button-quiet detail-nav-mode" onClick={() => setPanel(!inPanel)}>
        {inPanel ? 'Open as a page' : 'Open in side panel'}
      </button>
    </nav>
  );
}
