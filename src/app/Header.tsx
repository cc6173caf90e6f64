import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RegionInfo } from '../api/client';
import { detectorsQuery, healthQuery } from '../api/queries';
import { useThemePreference, type Theme } from '../lib/preferences';
import { DemoExplainer } from './DemoExplainer';
import { HelpOverlay } from './HelpOverlay';
import { REGION_STATUS_TEXT } from '../components/RegionStatus';
import { FINDINGS_PATH, OVERVIEW_PATH } from '../view/paths';
import { linkClick } from '../view/router';
import { ALL, useScope } from '../view/scope';
import { useViewState } from '../view/url-state';
import { ViewTabs } from './ViewTabs';

/** Which data the analyst is looking at: always visible, so demo data is never mistaken for an account. */
function SourceBadge() {
  const health = useQuery(healthQuery());
  if (health.isPending) return <span className="source-badge">Connecting…</span>;
  if (health.isError) return <span className="source-badge source-error">Server unreachable</span>;
  const { source, region } = health.data;
  return source === 'aws' ? (
    <span className="source-badge source-aws" title="Live data from your AWS account (read-only)">
      AWS{region ? ` · ${region}` : ''}
    </span>
  ) : (
    <span className="source-badge source-demo" title="Generated data from the built-in GuardDuty emulator">
      Demo data
    </span>
  );
}

/** Where a new region or detector opens: the overview stays the overview, anything else is the findings table. */
const listPath = () => (window.location.pathname === OVERVIEW_PATH ? OVERVIEW_PATH : FINDINGS_PATH);

/** The control's groups: what can be read first, then why the rest cannot. */
const GROUPS: { label: string; statuses: RegionInfo['status'][] }[] = [
  { label: 'With a detector', statuses: ['ok', 'throttled', 'error'] },
  { label: 'Not enabled', statuses: ['not-enabled'] },
  { label: 'No detector', statuses: ['no-detector'] },
];

/**
 * All regions, or one region: a native select (keyboard and screen readers for free), each region
 * with its status; regions without a detector to read are listed but cannot be chosen.
 */
function RegionPicker() {
  const { selection, regions } = useScope();
  const { update } = useViewState();
  const list = regions.data?.regions ?? [];
  const known = list.some((r) => r.region === selection);
  const choose = (value: string) => {
    const info = list.find((r) => r.region === value);
    // A new scope starts a fresh view (filters and sort stay: they apply to every region).
    update(
      (s) => ({
        ...s,
        region: value,
        detectorId: value === ALL ? undefined : info?.detectorId,
        finding: undefined,
        selected: undefined,
        map: { ...s.map, ip: undefined },
      }),
      { pathname: listPath() },
    );
  };
  return (
    <label className="region-picker">
      <span className="picker-label">Region</span>
      <select value={selection} onChange={(e) => choose(e.target.value)} aria-describedby={regions.isError ? 'region-picker-error' : undefined}>
        <option value={ALL}>All regions</option>
        {GROUPS.map(({ label, statuses }) => {
          const members = list.filter((r) => statuses.includes(r.status));
          if (members.length === 0) return null;
          return (
            <optgroup key={label} label={label}>
              {members.map((r) => (
                <option key={r.region} value={r.region} disabled={r.status === 'not-enabled' || r.status === 'no-detector'}>
                  {r.region}
                  {r.region === regions.data?.defaultRegion ? ' (default)' : ''}
                  {r.status !== 'ok' ? ` — ${REGION_STATUS_TEXT[r.status]}` : ''}
                </option>
              ))}
            </optgroup>
          );
        })}
        {selection && selection !== ALL && !known && <option value={selection}>{regions.isPending ? `${selection} (loading…)` : selection}</option>}
        {!selection && <option value="">{regions.isPending ? 'Loading…' : 'Default region'}</option>}
      </select>
      {regions.isError && (
        <span id="region-picker-error" className="visually-hidden">
          Could not list the regions: {regions.error.message}
        </span>
      )}
    </label>
  );
}

/** One region's detectors (GuardDuty has one per region; the demo's default region has a second, for scale). */
function DetectorPicker() {
  const { scope } = useScope();
  const { update } = useViewState();
  const ref = scope?.kind === 'detector' ? scope : undefined;
  const detectors = useQuery({ ...detectorsQuery(ref?.region), enabled: !!ref });
  if (!ref) return null;
  const ids = detectors.data?.detectorIds ?? [];
  return (
    <label className="detector-picker">
      <span className="picker-label">Detector</span>
      <select
        value={ref.detectorId}
        disabled={ids.length === 0}
        onChange={(e) =>
          // A new detector starts a fresh view on the findings screen (the overview stays the overview).
          update((s) => ({ ...s, detectorId: e.target.value, finding: undefined, selected: undefined, map: { ...s.map, ip: undefined } }), { pathname: listPath() })
        }
      >
        {!ids.includes(ref.detectorId) && <option value={ref.detectorId}>{detectors.isPending ? 'Loading…' : ref.detectorId}</option>}
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );
}

const NEXT_THEME: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' };

function ThemeToggle() {
  const [theme, setTheme] = useThemePreference();
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <button type="button" className="button button-quiet" onClick={() => setTheme(NEXT_THEME[theme])} aria-label={`Theme: ${theme}. Switch to ${NEXT_THEME[theme]}`}>
      Theme: {theme}
    </button>
  );
}

export function Header() {
  return (
    <header className="app-header">
      <a
        className="brand"
        href={FINDINGS_PATH}
        onClick={linkClick(FINDINGS_PATH)}
      >
        Findings Atlas
      </a>
      <ViewTabs />
      <SourceBadge />
      <span className="read-only-note" title="Archive findings and give feedback in the GuardDuty console">
        Read-only
      </span>
      <div className="header-spacer" />
      <RegionPicker />
      <DetectorPicker />
      <DemoExplainer />
      <ThemeToggle />
      <HelpOverlay />
    </header>
  );
}
