import type { IncomingRequest } from '../../src/guardduty/operations';
import type { SourceName } from '../config';

/** An /api request after the body was read (within the size limit), before validation. */
export interface ApiRequest {
  /** What the contract validates: path under /api, query, content type, body text. */
  incoming: IncomingRequest;
  /** The body exactly as received: the aws source forwards these bytes, never a re-serialization. */
  bodyBytes: Uint8Array;
}

/** Where /api answers come from: the in-process emulator or GuardDuty itself. */
export interface Source {
  readonly name: SourceName;
  /** Shown by /healthz; null for demo data. */
  readonly region: string | null;
  /** Answers in GuardDuty's wire format; documented errors are responses, not throws. */
  handle(request: ApiRequest, signal: AbortSignal): Promise<Response>;
}
