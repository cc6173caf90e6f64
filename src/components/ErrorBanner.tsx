import { ApiRequestError } from '../api/client';

/** Shows an API error as GuardDuty names it (`__type` and message), with an optional Retry. */
export function ErrorBanner({ error, onRetry, context }: { error: unknown; onRetry?: () => void; context?: string }) {
  const type = error instanceof ApiRequestError ? error.type : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-banner" role="alert">
      <div>
        {context && <strong>{context}: </strong>}
        <code className="error-type">{type}</code> <span className="error-message">{message}</span>
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
