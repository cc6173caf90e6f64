/** The table's toolbar: "Sort by" (every documented attribute), refresh, auto-refresh, time zone, columns, export. */
import type { SortOrder } from '../../guardduty';
import { DEFAULT_SORT, type SortState } from '../../app/url-state';
import type { Finding } from '../../guardduty';
import { useTimePreference } from '../../lib/preferences';
import { COLUMNS, columnForAttribute, columnInfo } from './column-meta';
import type { useColumnPrefs } from './column-prefs';
import { Disclosure } from './Disclosure';
import { download, exportFileName, findingsToCsv, findingsToJson } from './export';
import { ALL_SORT_ATTRIBUTES, isDefaultSort } from './sorting';
import { AUTO_REFRESH_CHOICES, useAutoRefreshPreference, type AutoRefresh } from './useNewFindings';

const AUTO_LABELS: Record<AutoRefresh, string> = { off: 'Off', '30': 'Every 30 s', '60': 'Every minute', '300': 'Every 5 min' };

const withColumn = ALL_SORT_ATTRIBUTES.filter((a) => columnForAttribute(a.name));
const withoutColumn = ALL_SORT_ATTRIBUTES.filter((a) => !columnForAttribute(a.name));

export function SortMenu({ sort, onChange }: { sort: SortState; onChange: (s: SortState) => void }) {
  return (
    <div className="sort-menu" role="group" aria-label="Sort">
      <label className="field">
        <span className="field-label">Sort by</span>
        <select value={sort.attribute} onChange={(e) => onChange({ attribute: e.target.value, order: sort.order })}>
          <optgroup label="Table columns">
            {withColumn.map((a) => (
              <option key={a.name} value={a.name}>
                {a.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="More attributes">
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
  return (
    <Disclosure label="Columns">
      {() => (
        <div className="columns-panel">
          <p className="panel-title">Columns (saved in this browser)</p>
          <ul className="columns-list">
            {prefs.order.map((id, i) => {
              const info = columnInfo(id)!;
              return (
                <li key={id}>
                  <label>
                    <input type="checkbox" checked={!prefs.hidden.includes(id)} onChange={() => toggle(id)} /> {info.label}
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
          <button type="button" className="button" onClick={reset}>
            Reset columns
          </button>
        </div>
      )}
    </Disclosure>
  );
}

export function ExportMenu({ source, loaded, selected }: { source: string; loaded: readonly Finding[]; selected: readonly Finding[] }) {
  const run = (which: readonly Finding[], kind: 'json' | 'csv', close: () => void) => {
    if (kind === 'json') download(findingsToJson(which), exportFileName(source, 'json'), 'application/json');
    else download(findingsToCsv(which), exportFileName(source, 'csv'), 'text/csv');
    close();
  };
  return (
    <Disclosure label="Export">
      {(close) => (
        <div className="export-panel">
          <p className="panel-title">Export findings</p>
          <div className="export-row">
            <span>Selected ({selected.length})</span>
            <button type="button" className="button" disabled={selected.length === 0} onClick={() => run(selected, 'json', close)}>
              JSON
            </button>
            <button type="button" className="button" disabled={selected.length === 0} onClick={() => run(selected, 'csv', close)}>
              CSV
            </button>
          </div>
          <div className="export-row">
            <span>All loaded ({loaded.length})</span>
            <button type="button" className="button" disabled={loaded.length === 0} onClick={() => run(loaded, 'json', close)}>
              JSON
            </button>
            <button type="button" className="button" disabled={loaded.length === 0} onClick={() => run(loaded, 'csv', close)}>
              CSV
            </button>
          </div>
          <p className="panel-note">JSON holds the findings exactly as the API returned them; CSV flattens key fields.</p>
        </div>
      )}
    </Disclosure>
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
