import type { ReactNode } from 'react';
import { KeyValue } from '../../components/KeyValueList';
import { parseTimestamp } from '../../guardduty/values';
import { formatExact } from '../../lib/time';
import { formatRelative, formatValue, isCopyable, isTimeKey } from './format';
import { PivotLink } from './links';

/** A value as text; timestamps exactly in UTC, with how long ago in a quieter tone. */
export function Value({ value, name, mono }: { value: unknown; name?: string; mono?: boolean }) {
  const text = formatValue(value, name);
  const t = isTimeKey(name) ? parseTimestamp(value) : undefined;
  if (t !== undefined) {
    return (
      <time className="kv-value" dateTime={new Date(t).toISOString()} title={`Local time: ${formatExact(t, true)}`}>
        {text}
        <span className="kv-relative"> ({formatRelative(t)})</span>
      </time>
    );
  }
  const empty = value === null || value === undefined;
  return <span className={`kv-value${mono && !empty ? ' mono' : ''}${empty ? ' muted' : ''}`}>{text}</span>;
}

interface FieldProps {
  label: string;
  value: unknown;
  /** The JSON property name: decides the formatting (timestamps) and whether it is copyable. */
  name?: string;
  /** Pivot: the list-filter URL parameter this value filters on. */
  pivot?: string;
  /** Copy button: on by default for IDs, IPs and ARNs. */
  copy?: boolean;
  mono?: boolean;
  children?: ReactNode;
}

/** One label/value row of a finding; absent (undefined) values render nothing, null reads "—". */
export function Field({ label, value, name, pivot, copy, mono, children }: FieldProps) {
  if (value === undefined) return null;
  const copyable = copy ?? isCopyable(name, value);
  const shown = <Value value={value} name={name} mono={mono ?? copyable} />;
  return (
    <KeyValue label={label} copy={copyable && typeof value === 'string' ? value : undefined}>
      {pivot ? <PivotLink param={pivot} value={value}>{shown}</PivotLink> : shown}
      {children}
    </KeyValue>
  );
}
