/**
 * Any JSON a finding carries, rendered readably: objects as label/value lists, arrays as lists,
 * tag arrays as tables. Used for resource kinds and service details this version has no
 * dedicated view for, and for fields it does not know.
 */
import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import { CopyButton } from '../../components/CopyButton';
import { EMPTY, humanize, isCopyable } from './format';
import { Field, Value } from './Field';
import { Section } from './Section';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const isTag = (v: Json) => isObject(v) && Object.keys(v).every((k) => k === 'key' || k === 'value') && 'key' in v;

export function TagTable({ tags, caption = 'Tags' }: { tags: { key?: unknown; value?: unknown }[]; caption?: string }) {
  return (
    <table className="detail-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {tags.map((tag, i) => (
          <tr key={i}>
            <td><Value value={tag.key} /></td>
            <td><Value value={tag.value} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The value of one property, block-level when it is an object or array. */
export function GenericValue({ value, name }: { value: Json; name?: string }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="kv-value muted">{EMPTY}</span>;
    if (value.every(isTag)) return <TagTable tags={value as { key?: unknown; value?: unknown }[]} caption={name ? humanize(name) : 'Tags'} />;
    if (value.every((v) => !isObject(v) && !Array.isArray(v))) {
      return (
        <ul className="value-list">
          {value.map((v, i) => (
            <li key={i}>
              <Value value={v} name={name} />
              {isCopyable(name, v) && <CopyButton value={v as string} label={name ? humanize(name) : 'value'} />}
            </li>
          ))}
        </ul>
      );
    }
    return (
      <ol className="object-list">
        {value.map((v, i) => (
          <li key={i}><GenericValue value={v} name={name} /></li>
        ))}
      </ol>
    );
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return <span className="kv-value muted">{EMPTY}</span>;
    return (
      <KeyValueList className="kv-nested">
        <GenericFields value={value} />
      </KeyValueList>
    );
  }
  return <Value value={value} name={name} />;
}

/** Rows for the properties of `value` other than `skip` (the ones a dedicated view shows). */
export function GenericFields({ value, skip = [] }: { value: JsonObject | undefined; skip?: readonly string[] }) {
  if (!value) return null;
  return (
    <>
      {Object.entries(value)
        .filter(([k, v]) => v !== undefined && !skip.includes(k))
        .map(([k, v]) =>
          v !== null && typeof v === 'object' ? (
            <KeyValue key={k} label={humanize(k)}>
              <GenericValue value={v} name={k} />
            </KeyValue>
          ) : (
            <Field key={k} label={humanize(k)} value={v} name={k} />
          ),
        )}
    </>
  );
}

/** A card for a whole unknown or generic part of the finding. */
export function GenericSection({ title, value, name }: { title: string; value: Json; name: string }) {
  if (value === undefined) return null;
  if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
    return (
      <Section title={title} className="generic-section">
        {value.map((item, i) => (
          <div className="generic-item" key={i}>
            {value.length > 1 && <p className="generic-item-label">{itemLabel(item as JsonObject, i)}</p>}
            <KeyValueList>
              <GenericFields value={item as JsonObject} />
            </KeyValueList>
          </div>
        ))}
      </Section>
    );
  }
  return (
    <Section title={title} className="generic-section">
      {isObject(value) ? (
        <KeyValueList>
          <GenericFields value={value} />
        </KeyValueList>
      ) : (
        <GenericValue value={value} name={name} />
      )}
    </Section>
  );
}

function itemLabel(item: JsonObject, i: number): string {
  const name = item.name ?? item.arn ?? item.id;
  return typeof name === 'string' && name ? `${i + 1}. ${name}` : `${i + 1}.`;
}

/** A table of objects with fixed columns; other fields of a row follow it as a nested list. */
export function ObjectTable({ rows, columns, caption, className }: { rows: JsonObject[]; columns: [key: string, label: string, mono?: boolean][]; caption: string; className?: string }) {
  const known = columns.map(([k]) => k);
  return (
    <div className="table-scroll">
      <table className={`detail-table${className ? ` ${className}` : ''}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map(([k, label]) => (
              <th key={k} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const extra = Object.keys(row).some((k) => !known.includes(k) && row[k] !== undefined);
            return (
              <tr key={i}>
                {columns.map(([k, , mono], c) => (
                  <td key={k}>
                    {row[k] !== null && typeof row[k] === 'object' ? <GenericValue value={row[k]} name={k} /> : <Value value={row[k] ?? null} name={k} mono={mono} />}
                    {c === 0 && extra && (
                      <KeyValueList className="kv-nested">
                        <GenericFields value={row} skip={known} />
                      </KeyValueList>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
