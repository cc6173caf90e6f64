import { CopyButton } from '../../components/CopyButton';
import type { Finding } from '../../guardduty';

/** The finding as the API returned it (every field, including those this version does not know). */
export function RawJson({ finding }: { finding: Finding }) {
  const json = JSON.stringify(finding, null, 2);
  return (
    <div className="raw-json-view">
      <div className="raw-json-bar">
        <span className="muted">GetFindings response, finding {finding.id}</span>
        <CopyButton value={json} label="finding JSON" className="copy-labelled" />
      </div>
      <pre className="raw-json" tabIndex={0} aria-label="Finding JSON">
        <code>{json}</code>
      </pre>
    </div>
  );
}
