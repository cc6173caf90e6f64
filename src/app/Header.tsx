import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { healthQuery } from '../api/queries';
import { useThemePreference, type Theme } from '../lib/preferences';
import { DemoExplainer } from './DemoExplainer';
import { HelpOverlay } from './HelpOverlay';
import { navigate, OVERVIEW_PATH } from './router';
import { useDetectorId } from './useDetector';
import { useViewState } from './url-state';
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

function DetectorPicker() {
  const { detectorId, detectors } = useDetectorId();
  const { update } = useViewState();
  const ids = detectors.data?.detectorIds ?? [];
  return (
    <label className="detector-picker">
      <span className="picker-label">Detector</span>
      <select
        value={detectorId ?? ''}
        disabled={ids.length === 0}
        onChange={(e) =>
          // A new detector starts a fresh view on the findings screen (the overview stays the overview).
          update((s) => ({ ...s, detectorId: e.target.value, selected: undefined, map: { ...s.map, ip: undefined } }), {
            pathname: window.location.pathname === OVERVIEW_PATH ? OVERVIEW_PATH : '/',
          })
        }
      >
        {ids.length === 0 && <option value="">{detectors.isPending ? 'Loading…' : 'No detectors'}</option>}
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
        href="/"
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          navigate('/');
        }}
      >
        Findings Atlas
      </a>
      <ViewTabs />
      <SourceBadge />
      <span className="read-only-note" title="Archive findings and give feedback in the GuardDuty console">
        Read-only
      </span>
      <div className="header-spacer" />
      <DetectorPicker />
      <DemoExplainer />
      <ThemeToggle />
      <HelpOverlay />
    </header>
  );
}
