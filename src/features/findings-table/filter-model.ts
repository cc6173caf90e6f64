/** Pure helpers over the filter model of src/view/filters.ts: chips, labels, custom time inputs. */
import { ANY_PARAMS, DEFAULT_FILTERS, LIST_FILTER_KEYS, MODE_LABELS, parseModeKey, REMOTE_FILTER_PARAMS, type Filters, type TimeWindow } from '../../view/filters';
import { bandInfo, SEVERITY_BANDS, type SeverityBand } from '../../lib/severity';
import { formatExact } from '../../lib/time';

export const TIME_WINDOW_LABELS: Record<TimeWindow, string> = { '24h': 'last 24 h', '7d': 'last 7 days', '30d': 'last 30 days', '90d': 'last 90 days' };

export interface FilterChip {
  key: string;
  label: string;
  /** The filters without this one. */
  remove: (f: Filters) => Filters;
}

export function severityRangeLabel(from: SeverityBand, to: SeverityBand): string {
  if (from === to) return bandInfo(from).label;
  if (to === 'critical') return `${bandInfo(from).label} or higher`;
  return `${bandInfo(from).label} – ${bandInfo(to).label}`;
}

export function updatedLabel(updated: NonNullable<Filters['updated']>, local: boolean): string {
  if ('window' in updated) return TIME_WINDOW_LABELS[updated.window];
  const from = updated.from !== undefined ? formatExact(updated.from, local) : undefined;
  const to = updated.to !== undefined ? formatExact(updated.to, local) : undefined;
  if (from && to) return `${from} to ${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return 'any time';
}

/** One chip per active filter value; the default status (Current) is not a chip. */
export function filterChips(filters: Filters, local = false): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const key of LIST_FILTER_KEYS) {
    const parsed = parseModeKey(key)!;
    for (const value of filters.lists[key] ?? []) {
      chips.push({
        key: `${key}=${value}`,
        label: chipLabel(key, value) ?? `${parsed.field.label}: ${value}`,
        remove: (f) => removeListValue(f, key, value),
      });
    }
  }
  if (filters.severity) {
    chips.push({ key: 'sev', label: `Severity: ${severityRangeLabel(filters.severity.from, filters.severity.to)}`, remove: (f) => ({ ...f, severity: undefined }) });
  }
  if (filters.updated) {
    chips.push({ key: 'updated', label: `Updated: ${updatedLabel(filters.updated, local)}`, remove: (f) => ({ ...f, updated: undefined }) });
  }
  if (filters.created) {
    chips.push({ key: 'created', label: `Created before ${formatExact(filters.created.before, local)}`, remove: (f) => ({ ...f, created: undefined }) });
  }
  if (filters.sequencesOnly) {
    chips.push({ key: 'sequences', label: 'Attack sequences only', remove: (f) => ({ ...f, sequencesOnly: undefined }) });
  }
  if (filters.archived !== 'current') {
    chips.push({
      key: 'archived',
      label: `Status: ${filters.archived === 'archived' ? 'Archived' : 'Current and archived'}`,
      remove: (f) => ({ ...f, archived: 'current' }),
    });
  }
  return chips;
}

/** A list filter value as the analyst reads it: "Country: Russia", "Finding type starts with: Crypto". */
export function chipLabel(key: string, value: string): string | undefined {
  const parsed = parseModeKey(key);
  if (!parsed) return undefined;
  return parsed.mode === 'is' ? `${parsed.field.label}: ${value}` : `${parsed.field.label} ${MODE_LABELS[parsed.mode]}: ${value}`;
}

export function removeListValue(filters: Filters, key: string, value: string): Filters {
  const rest = (filters.lists[key] ?? []).filter((v) => v !== value);
  const lists = { ...filters.lists };
  if (rest.length > 0) lists[key] = rest;
  else delete lists[key];
  return { ...filters, lists };
}

export function addListValue(filters: Filters, param: string, value: string): Filters {
  const v = value.trim();
  if (!v) return filters;
  const current = filters.lists[param] ?? [];
  if (current.includes(v) || current.length >= 50) return filters;
  return { ...filters, lists: { ...filters.lists, [param]: [...current, v] } };
}

/**
 * A remote IP as a filter on every action type's IP field (Remote IP, any action). Only one
 * any-action filter applies at a time, so with Country (any action) set it goes to the field of
 * the action type that holds it (`actionType`, network connection when unknown).
 */
export function withAnyIp(filters: Filters, ip: string, actionType: string | undefined): Filters {
  const countryAny = filters.lists[ANY_PARAMS.country]?.length || filters.lists[`${ANY_PARAMS.country}*`]?.length;
  const param = countryAny ? (REMOTE_FILTER_PARAMS[actionType ?? '']?.ip ?? 'ip') : ANY_PARAMS.ip;
  return addListValue(filters, param, ip);
}

export const clearFilters = (): Filters => ({ ...DEFAULT_FILTERS, lists: {} });

/** Keeps `to` at or above `from`. */
export function setSeverityFrom(filters: Filters, from: SeverityBand | ''): Filters {
  if (!from) return { ...filters, severity: undefined };
  const order = SEVERITY_BANDS.map((b) => b.band);
  const to = filters.severity?.to ?? 'critical';
  return { ...filters, severity: { from, to: order.indexOf(to) < order.indexOf(from) ? from : to } };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → a `datetime-local` value, in UTC or local time. */
export function epochToInput(ms: number | undefined, local: boolean): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return local
    ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
    : d.toISOString().slice(0, 16);
}

/** A `datetime-local` value → epoch ms (the wire's unit for updatedAt), in UTC or local time. */
export function inputToEpoch(value: string, local: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return local ? new Date(y, mo - 1, d, h, mi).getTime() : Date.UTC(y, mo - 1, d, h, mi);
}
