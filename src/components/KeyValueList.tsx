import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';
import './KeyValueList.css';

/** A description list of label/value rows: the building block of detail views. */
export function KeyValueList({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={`kv${className ? ` ${className}` : ''}`}>{children}</dl>;
}

/**
 * One row. `copy` adds a copy button for that exact string, named after the label
 * ("Copy instance ID").
 */
export function KeyValue({ label, children, copy, copyLabel }: { label: ReactNode; children: ReactNode; copy?: string; copyLabel?: string }) {
  return (
    <div className="kv-row">
      <dt>{label}</dt>
      <dd>
        {children}
        {copy !== undefined && copy !== '' && <CopyButton value={copy} label={copyLabel ?? (typeof label === 'string' ? label : 'value')} />}
      </dd>
    </div>
  );
}
