/**
 * One finding, everything GuardDuty said about it, organised: overview, resource (instance,
 * network interfaces, access key, other kinds), action, remote IP, further service details,
 * and the raw JSON. Opened from the table or by a pasted link (/findings/{id}?detector=…, with
 * region=… for a region other than the default, or findingRegion/findingDetector from all regions).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { findingQuery, healthQuery } from '../../api/queries';
import { useFindingRef } from '../../view/scope';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Time } from '../../components/Time';
import { resourceOf, type Finding } from '../../guardduty';
import { guardDutyConsoleUrl } from '../../lib/console-url';
import { HOTKEYS, useHotkeys } from '../../lib/hotkeys';
import { DetailNav } from './DetailNav';
import { FindingContext } from './context';
import { FindingDetails } from './FindingDetails';
import { backToTable, tableHref } from './navigation';
import { RawJson } from './RawJson';
import { SummaryStrip } from './SummaryStrip';
import { Tabs } from './Tabs';
import './finding-detail.css';

const TABS = [
  { key: 'details', label: 'Details' },
  { key: 'raw', label: 'Raw JSON' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

/** Escape returns to the table, unless it belongs to a text field, an open dialog or a modified key press (lib/hotkeys). */
function useEscapeBack(findingId: string) {
  useHotkeys({ [HOTKEYS.back]: () => backToTable(findingId) });
}

/** The side panel starts below the app's header, however many lines the header wraps to. */
function useBelowHeader(panel: RefObject<HTMLElement | null>, enabled: boolean) {
  useLayoutEffect(() => {
    const header = document.querySelector<HTMLElement>('.app-header');
    const el = panel.current;
    if (!enabled || !header || !el) return;
    const place = () => el.style.setProperty('top', `${header.getBoundingClientRect().bottom}px`);
    place();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : undefined;
    observer?.observe(header);
    window.addEventListener('resize', place);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [panel, enabled]);
}

function ConsoleLink({ finding }: { finding: Finding }) {
  const health = useQuery(healthQuery());
  if (health.data?.source !== 'aws') return null;
  const url = guardDutyConsoleUrl(finding.region ?? health.data.region, finding.id, finding.partition);
  if (!url) return null;
  return (
    <a className="button console-link" href={url} target="_blank" rel="noreferrer noopener">
      Open in the GuardDuty console<span className="visually-hidden"> (opens in a new tab)</span>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="11" height="11">
        <path d="M6 3H3v10h10v-3M9 2h5v5M14 2L7 9" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </a>
  );
}

/** A loaded finding as the page (or, `inPanel`, the side panel) shows it: header, summary strip, Details and Raw JSON tabs. */
export function FindingView({ finding, inPanel }: { finding: Finding; inPanel: boolean }) {
  const [tab, setTab] = useState<TabKey>('details');
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving on the screen moves focus to its heading; stepping to another finding does not.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const resource = resourceOf(finding);
  const Heading = inPanel ? 'h2' : 'h1';
  return (
    <FindingContext.Provider value={finding}>
      <article className="finding-detail" aria-labelledby="finding-title">
        <header className="detail-header">
          <Heading id="finding-title" ref={heading} tabIndex={-1}>
            {finding.title ?? finding.type ?? finding.id}
          </Heading>
          <p className="detail-meta">
            <SeverityBadge severity={finding.severity} />
            {resource.text && (
              <span className="detail-resource">
                {resource.type && resource.name ? <span className="muted">{resource.type}</span> : null}
                <strong className="mono">{resource.text}</strong>
              </span>
            )}
            {finding.type && <code className="detail-type">{finding.type}</code>}
            {finding.updatedAt && (
              <span className="muted">
                Updated <Time value={finding.updatedAt} />
              </span>
            )}
          </p>
          {finding.description && <p className="detail-description">{finding.description}</p>}
          <div className="detail-actions">
            <p className="read-only-banner">
              <strong>Read-only.</strong> Archive findings and send feedback in the GuardDuty console.
            </p>
            <ConsoleLink finding={finding} />
          </div>
        </header>
        <SummaryStrip finding={finding} />
        <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="Finding views">
          {tab === 'details' ? <FindingDetails finding={finding} /> : <RawJson finding={finding} />}
        </Tabs>
      </article>
    </FindingContext.Provider>
  );
}

/**
 * The finding's page, or (`inPanel`) the same inside the side panel over the table: then it is a
 * complementary region (the table stays the page's main content) with a level-2 heading.
 */
export default function FindingDetailScreen({ findingId, inPanel = false }: { findingId: string; inPanel?: boolean }) {
  const { ref, detectors } = useFindingRef();
  const client = useQueryClient();
  const query = useQuery({ ...findingQuery(client, ref ?? { detectorId: '' }, findingId), enabled: !!ref });
  const root = useRef<HTMLElement>(null);
  useEscapeBack(findingId);
  useBelowHeader(root, inPanel);
  // A new finding starts at the top of the page (of the panel).
  useEffect(() => {
    if (inPanel) root.current?.scrollTo?.({ top: 0 });
    else document.documentElement.scrollTop = 0;
  }, [findingId, inPanel]);

  const Root = inPanel ? 'aside' : 'main';
  return (
    <Root
      ref={root}
      id={inPanel ? 'finding-panel' : 'main'}
      className={inPanel ? 'detail-panel' : 'page detail-page'}
      aria-label={inPanel ? 'Finding' : undefined}
    >
      <DetailNav findingId={findingId} inPanel={inPanel} />
      {detectors?.isError && <ErrorBanner error={detectors.error} context="Could not list detectors" onRetry={() => detectors.refetch()} />}
      {query.isError && <ErrorBanner error={query.error} context="Could not load the finding" onRetry={() => query.refetch()} />}
      {query.isPending && !query.isError && <p className="loading-line">Loading finding…</p>}
      {query.data === null && (
        <div className="empty-state">
          <h1>Finding not found</h1>
          <p>
            No finding with ID <code>{findingId}</code> in detector <code>{ref?.detectorId}</code>
            {ref?.region ? (
              <>
                {' '}
                of <code>{ref.region}</code>
              </>
            ) : null}
            .
          </p>
          <p>
            <a href={tableHref(findingId)} onClick={(e) => { e.preventDefault(); backToTable(findingId); }}>
              Back to the findings
            </a>
          </p>
        </div>
      )}
      {query.data && <FindingView key={inPanel ? 'panel' : 'page'} finding={query.data} inPanel={inPanel} />}
    </Root>
  );
}
