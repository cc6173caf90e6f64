import { formatSeverity, severityBand } from '../lib/severity';

/** Band name and number together: severity is never conveyed by colour alone. */
export function SeverityBadge({ severity }: { severity: number | undefined }) {
  const band = severityBand(severity);
  return (
    <span className={`severity severity-${band?.band ?? 'none'}`}>
      <span className="severity-label">{band?.label ?? 'Unknown'}</span> <span className="severity-value">{formatSeverity(severity)}</span>
    </span>
  );
}
