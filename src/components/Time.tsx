import { parseTimestamp } from '../guardduty/values';
import { useTimePreference } from '../lib/preferences';
import { formatExact, formatRelative } from '../lib/time';

/**
 * A GuardDuty timestamp shown relative ("3h ago") with the exact time on hover and, for screen
 * readers, in the accessible text. With the local-time preference the exact local time shows.
 */
export function Time({ value }: { value: unknown }) {
  const [zone] = useTimePreference();
  const t = parseTimestamp(value);
  if (t === undefined) return <span className="muted">—</span>;
  const exact = formatExact(t, zone === 'local')!;
  const shown = zone === 'local' ? exact : (formatRelative(t) ?? exact);
  return (
    <time dateTime={new Date(t).toISOString()} title={exact}>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{zone === 'local' ? exact : `${shown}, ${exact}`}</span>
    </time>
  );
}
