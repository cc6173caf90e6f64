/**
 * Filter controls. GuardDuty AND-s criteria with one condition per field, so each control owns one
 * field: values added to a field are OR-ed (one `eq` list), different fields narrow together.
 * Each value is "is" (eq), "is not" (neq), "starts with" (matches `value*`) or "does not start
 * with" (notMatches); exact-only fields (fixed value sets) offer is / is not.
 */
import { useId, useState, type RefObject } from 'react';
import type { Scope } from '../../api/scope';
import { canonicalCountry, canonicalCountryPrefix } from '../../view/countries';
import { FILTER_MODES, LIST_FILTERS, MODE_LABELS, modeKey, TIME_WINDOWS, type ArchivedState, type FilterMode, type Filters, type TimeWindow } from '../../view/filters';
import type { Finding } from '../../guardduty';
import { SEVERITY_BANDS, type SeverityBand } from '../../lib/severity';
import { addListValue, epochToInput, inputToEpoch, setSeverityFrom, TIME_WINDOW_LABELS } from './filter-model';
import { useSuggestions } from './useSuggestions';
import './filters.css';

const STATUS: { value: ArchivedState; label: string }[] = [
  { value: 'current', label: 'Current' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

export function FilterBar({
  filters,
  onChange,
  findings,
  inputRef,
  onEscape,
  localTime,
  scope,
}: {
  /** The view's scope: suggestions from GetFindingsStatistics where a grouping fits. */
  scope?: Scope;
  filters: Filters;
  onChange: (next: Filters) => void;
  findings: readonly Finding[];
  inputRef: RefObject<HTMLInputElement | null>;
  /** Escape in the value field: hand focus back to the table. */
  onEscape: () => void;
  localTime: boolean;
}) {
  const id = useId();
  const [param, setParam] = useState(LIST_FILTERS[0].param);
  const [value, setValue] = useState('');
  const [chosenMode, setMode] = useState<FilterMode>('is');
  const suggestions = useSuggestions(scope, param, filters, findings).values;
  const field = LIST_FILTERS.find((f) => f.param === param)!;
  const modes = FILTER_MODES.filter((m) => !field.exact || m === 'is' || m === 'not');
  const mode = modes.includes(chosenMode) ? chosenMode : 'is';
  const prefix = mode === 'prefix' || mode === 'notPrefix';
  const bandOrder = SEVERITY_BANDS.map((b) => b.band);
  const updatedMode = !filters.updated ? '' : 'window' in filters.updated ? filters.updated.window : 'custom';
  const custom = filters.updated && !('window' in filters.updated) ? filters.updated : undefined;

  const add = () => {
    // Countries in GuardDuty's spelling ("russia" → "Russia"), from the suggestions (the data) and the bundled names.
    const typed = field.country ? (prefix ? canonicalCountryPrefix(value, suggestions) : canonicalCountry(value, suggestions)) : value;
    const next = addListValue(filters, modeKey(param, mode), typed);
    if (next !== filters) onChange(next);
    setValue('');
  };

  return (
    <div className="filter-bar" role="search" aria-label="Filter findings">
      <form
        className="filter-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="field">
          <span className="field-label">Filter on</span>
          <select value={param} onChange={(e) => setParam(e.target.value)}>
            {LIST_FILTERS.map((f) => (
              <option key={f.param} value={f.param}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Match</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as FilterMode)} aria-describedby={`${id}-match-note`}>
            {modes.map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-grow">
          <span className="field-label">
            Value <kbd className="kbd-hint" aria-hidden="true">/</kbd>
          </span>
          <input
            ref={inputRef}
            type="search"
            value={value}
            list={`${id}-suggestions`}
            placeholder={prefix ? `${field.label} starts with…` : `${field.label}…`}
            aria-label={`${field.label} value`}
            aria-keyshortcuts="/"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setValue('');
                onEscape();
              }
            }}
          />
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <button type="submit" className="button" disabled={!value.trim()}>
          Add filter
        </button>
        <p className="muted filter-note" id={`${id}-match-note`}>
          {field.exact
            ? 'Exact values only: GuardDuty knows a fixed set of values for this field.'
            : prefix
              ? `GuardDuty matches the start of the value${field.country ? '' : ', case-sensitively'}.`
              : field.country
                ? 'Any case: "russia" finds Russia.'
                : ''}
        </p>
      </form>

      <div className="filter-fixed">
        <label className={`quick-filter${filters.sequencesOnly ? ' is-on' : ''}`}>
          <input
            type="checkbox"
            checked={!!filters.sequencesOnly}
            onChange={(e) => onChange({ ...filters, sequencesOnly: e.target.checked || undefined })}
          />
          Attack sequences only
        </label>

        <fieldset className="segmented">
          <legend className="field-label">Status</legend>
          {STATUS.map((s) => (
            <label key={s.value} className={filters.archived === s.value ? 'is-on' : undefined}>
              <input
                type="radio"
                name={`${id}-status`}
                value={s.value}
                checked={filters.archived === s.value}
                onChange={() => onChange({ ...filters, archived: s.value })}
              />
              {s.label}
            </label>
          ))}
        </fieldset>

        <div className="field-group" role="group" aria-labelledby={`${id}-sev`}>
          <span className="field-label" id={`${id}-sev`}>
            Severity
          </span>
          <select
            aria-label="Minimum severity"
            value={filters.severity?.from ?? ''}
            onChange={(e) => onChange(setSeverityFrom(filters, e.target.value as SeverityBand | ''))}
          >
            <option value="">Any</option>
            {SEVERITY_BANDS.map((b) => (
              <option key={b.band} value={b.band}>
                {b.label} {b.band === 'critical' ? '' : 'or higher'}
              </option>
            ))}
          </select>
          {filters.severity && (
            <>
              <span className="muted">to</span>
              <select
                aria-label="Maximum severity"
                value={filters.severity.to}
                onChange={(e) => onChange({ ...filters, severity: { from: filters.severity!.from, to: e.target.value as SeverityBand } })}
              >
                {SEVERITY_BANDS.filter((b) => bandOrder.indexOf(b.band) >= bandOrder.indexOf(filters.severity!.from)).map((b) => (
                  <option key={b.band} value={b.band}>
                    {b.label}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>

        <div className="field-group">
          <label className="field-label" htmlFor={`${id}-updated`}>
            Updated
          </label>
          <select
            id={`${id}-updated`}
            value={updatedMode}
            onChange={(e) => {
              const v = e.target.value;
              if (!v) onChange({ ...filters, updated: undefined });
              else if (v === 'custom') onChange({ ...filters, updated: { from: Date.now() - TIME_WINDOWS['7d'], to: undefined } });
              else onChange({ ...filters, updated: { window: v as TimeWindow } });
            }}
          >
            <option value="">Any time</option>
            {(Object.keys(TIME_WINDOWS) as TimeWindow[]).map((w) => (
              <option key={w} value={w}>
                {TIME_WINDOW_LABELS[w][0].toUpperCase() + TIME_WINDOW_LABELS[w].slice(1)}
              </option>
            ))}
            <option value="custom">Custom range…</option>
          </select>
          {custom && (
            <>
              <label className="field-inline">
                <span className="field-label">From ({localTime ? 'local' : 'UTC'})</span>
                <input
                  type="datetime-local"
                  value={epochToInput(custom.from, localTime)}
                  onChange={(e) => onChange({ ...filters, updated: { ...custom, from: inputToEpoch(e.target.value, localTime) } })}
                />
              </label>
              <label className="field-inline">
                <span className="field-label">To ({localTime ? 'local' : 'UTC'})</span>
                <input
                  type="datetime-local"
                  value={epochToInput(custom.to, localTime)}
                  onChange={(e) => {
                    // The whole chosen minute counts: lte its last millisecond.
                    const to = inputToEpoch(e.target.value, localTime);
                    onChange({ ...filters, updated: { ...custom, to: to === undefined ? undefined : to + 59_999 } });
                  }}
                />
              </label>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
