/** The table's toolbar: "Sort by" (every documented attribute), refresh, auto-refresh, time zone, columns, export. */
import { useCallback } from 'react';
import { isSortAttributeName, type SortOrder, type SortState } from '../../guardduty';
import { DEFAULT_SORT, useViewState } from '../../view/url-state';
import type { Finding } from '../../guardduty';
import { useTimePreference } from '../../lib/preferences';
import { COLUMNS, columnForAttribute, columnInfo } from './column-meta';
import { isShownByPrefs, type useColumnPrefs } from './column-prefs';
import { Disclosure } from './Disclosure';
import { download, exportFileName, findingsToCsv, findingsToJson } from './export';
import { exportAllTarget, useExportAll, type ExportAllRun, type ExportAllSource, type ExportKind } from './export-all';
import { ALL_SORT_ATTRIBUTES, isDefaultSort } from './sorting';
import { AUTO_REFRESH_CHOICES, useAutoRefreshPreference, type AutoRefresh } from './useNewFindings';

const AUTO_LABELS: Record<AutoRefresh, string> = { off: 'Off', '30': 'Every 30 s', '60': 'Every minute', '300': 'Every 5 min' };

// Every attribute has a column; those of the default set come first, the rest appear while they sort.
const withColumn = ALL_SORT_ATTRIBUTES.filter((a) => columnForAttribute(a.name) && !columnForAttribute(a.name)?.optional);
const withoutColumn = ALL_SORT_ATTRIBUTES.filter((a) => !columnForAttribute(a.name) || columnForAttribute(a.name)?.optional);

export function SortMenu({ sort, onChange }: { sort: SortState; onChange: (s: SortState) => void }) {
  return (
    <div className="sort-menu" role="group" aria-label="Sort">
      <label className="field">
        <span className="field-label">Sort by</span>
        <select value={sort.attribute} onChange={(e) => isSortAttributeName(e.target.value) && onChange({ attribute: e.target.value, order: sort.order })}>
          <optgroup label="Table columns">
            {withColumn.map((a) => (
              <option key={a.name} value={a.name}>
                {a.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="More attributes (their column shows while they sort)">
            {withoutColumn.map((a) => (
              <option key={a.name} value={a.name}>
                {a.label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Order</span>
        <select aria-label="Sort order" value={sort.order} onChange={(e) => onChange({ attribute: sort.attribute, order: e.target.value as SortOrder })}>
          <option value="DESC">Descending</option>
          <option value="ASC">Ascending</option>
        </select>
      </label>
      {!isDefaultSort(sort) && (
        <button type="button" className="button button-quiet" onClick={() => onChange(DEFAULT_SORT)}>
          Default sort
        </button>
      )}
    </div>
  );
}

export function ColumnsMenu({ columns }: { columns: ReturnType<typeof useColumnPrefs> }) {
  const { prefs, toggle, move, reset } = columns;
  const mapOpen = useViewState().state.map.open;
  return (
    <Disclosure label="Columns">
      {() => (
        <div className="columns-panel">
          <p className="panel-title">Columns (saved in this browser)</p>
          {mapOpen && (
            <p className="panel-note columns-note">
              The map is open: the table shows the compact set ({prefs.allRegions ? 'severity, title, region, resource, last seen' : 'severity, title, resource, remote IP, last seen'}) of
              the columns ticked here, and the sort column. Hide the map for the rest.
            </p>
          )}
          <ul className="columns-list">
            {prefs.order.map((id, i) => {
              const info = columnInfo(id)!;
              return (
                <li key={id}>
                  <label>
                    <input type="checkbox" checked={isShownByPrefs(prefs, id)} onChange={() => toggle(id)} /> {info.label}
                  </label>
                  <span className="move-buttons">
                    <button type="button" className="button button-quiet" aria-label={`Move ${info.label} left`} disabled={i === 0} onClick={() => move(id, -1)}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Move ${info.label} right`}
                      disabled={i === COLUMNS.length - 1}
                      onClick={() => move(id, 1)}
                    >
                      ↓
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="panel-note">A column always shows while the table is sorted by it. Drag a header’s edge (or focus it and use ←/→) to resize.</p>
          <button type="button" className="button" onClick={reset}>
            Reset columns (order, visibility, widths)
          </button>
        </div>
      )}
    </Disclosure>
  );
}

const nf = new Intl.NumberFormat('en');

function writeFile(findings: readonly Finding[], kind: ExportKind, source: string, note?: string) {
  const name = exportFileName(source, kind, undefined, note);
  if (kind === 'json') download(findingsToJson(findings), name, 'application/json');
  else download(findingsToCsv(findings), name, 'text/csv');
}

/**
 * Export: selected, loaded, or every finding matching the view (loaded as "Map all matching"
 * loads them: same cap, progress and Cancel). Each choice says how many findings it covers.
 */
export function ExportMenu({ source, loaded, selected, all }: {
  source: string;
  loaded: readonly Finding[];
  selected: readonly Finding[];
  all: ExportAllSource;
}) {
  const writeAll = useCallback(
    (findings: readonly Finding[], kind: ExportKind, capped: boolean) => writeFile(findings, kind, source, capped ? `first-${findings.length}` : undefined),
    [source],
  );
  const { run, start, cancel, cap } = useExportAll(all, writeAll);
  const target = exportAllTarget(all.total, loaded.length, cap);
  const capped = all.total !== undefined && all.total > cap;
  const running = run.status === 'running';
  const allLabel =
    target === undefined
      ? 'All matching (counting…)'
      : capped
        ? `All matching: the first ${nf.format(cap)} of ${nf.format(all.total!)} (the cap)`
        : `All matching (${nf.format(target)})`;
  const run1 = (which: readonly Finding[], kind: ExportKind, close: () => void) => {
    writeFile(which, kind, source);
    close();
  };
  return (
    <div className="export-control">
      <Disclosure label="Export">
        {(close) => (
          <div className="export-panel">
            <p className="panel-title">Export findings</p>
            <div className="export-row">
              <span>Selected ({nf.format(selected.length)})</span>
              <button type="button" className="button" disabled={selected.length === 0} onClick={() => run1(selected, 'json', close)}>
                JSON
              </button>
              <button type="button" className="button" disabled={selected.length === 0} onClick={() => run1(selected, 'csv', close)}>
                CSV
              </button>
            </div>
            <div className="export-row">
              <span>All loaded ({nf.format(loaded.length)})</span>
              <button type="button" className="button" disabled={loaded.length === 0} onClick={() => run1(loaded, 'json', close)}>
                JSON
              </button>
              <button type="button" className="button" disabled={loaded.length === 0} onClick={() => run1(loaded, 'csv', close)}>
                CSV
              </button>
            </div>
            <div className="export-row" data-testid="export-all-row">
              <span>{allLabel}</span>
              <button type="button" className="button" disabled={loaded.length === 0 || running} onClick={() => {
                  close();
                  void start('json');
                }}>
                JSON
              </button>
              <button type="button" className="button" disabled={loaded.length === 0 || running} onClick={() => {
                  close();
                  void start('csv');
                }}>
                CSV
              </button>
            </div>
            <p className="panel-note">
              JSON holds the findings exactly as the API returned them; CSV flattens key fields. All matching loads the findings not yet loaded
              {capped ? `, up to ${nf.format(cap)} (the same cap as "Map all matching"), and the file name says it holds the first ${nf.format(cap)}` : ''}.
            </p>
          </div>
        )}
      </Disclosure>
      <ExportStatus run={run} cap={cap} onCancel={cancel} />
    </div>
  );
}

function ExportStatus({ run, cap, onCancel }: { run: ExportAllRun; cap: number; onCancel: () => void }) {
  return (
    <span className="export-status" role="status" aria-live="polite">
      {run.status === 'running' && (
        <>
          <progress max={Math.max(1, run.target)} value={run.fetched} aria-label="Findings loaded for the export">
            {Math.round((100 * run.fetched) / Math.max(1, run.target))}%
          </progress>
          <span>
            Exporting {run.kind.toUpperCase()}: {nf.format(run.fetched)} of {nf.format(run.target)}
          </span>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
      {run.status === 'done' &&
        (run.capped
          ? `Exported the first ${nf.format(run.exported)} of ${run.total !== undefined ? nf.format(run.total) : 'more'} matching findings (at most ${nf.format(cap)})`
          : `Exported ${nf.format(run.exported)} matching findings`)}
      {run.status === 'cancelled' && 'Export cancelled: no file written'}
      {run.status === 'error' && `Export failed: ${run.error instanceof Error ? run.error.message : String(run.error)}`}
    </span>
  );
}

export function RefreshControls({ onRefresh, fetching }: { onRefresh: () => void; fetching: boolean }) {
  const [auto, setAuto] = useAutoRefreshPreference();
  return (
    <div className="refresh-controls" role="group" aria-label="Refresh">
      <button type="button" className="button" onClick={onRefresh} disabled={fetching} aria-busy={fetching || undefined}>
        <span aria-hidden="true">↻</span> Refresh
      </button>
      <label className="field">
        <span className="field-label">Check for new</span>
        <select value={auto} onChange={(e) => setAuto(e.target.value as AutoRefresh)}>
          {AUTO_REFRESH_CHOICES.map((c) => (
            <option key={c} value={c}>
              {AUTO_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function TimeZoneToggle() {
  const [zone, setZone] = useTimePreference();
  return (
    <label className="field">
      <span className="field-label">Times</span>
      <select value={zone} onChange={(e) => setZone(e.target.value as 'utc' | 'local')}>
        <option value="utc">Relative, UTC on hover</option>
        <option value="local">Local time</option>
      </select>
    </label>
  );
}
