/** Turns the contract's wire responses and errors into fetch Responses. */
import { errorResponse, type WireResponse } from '../src/guardduty/operations';
import { ApiError, internalError } from '../src/guardduty/errors';

/** GuardDuty's request id header, spelled as AWS sends it (HTTP header names are case-insensitive). */
export const REQUEST_ID = 'x-amzn-RequestId';

export function toResponse(wire: WireResponse): Response {
  return new Response(wire.body, { status: wire.status, headers: wire.headers });
}

export function apiErrorResponse(error: ApiError): Response {
  return toResponse(errorResponse(error));
}

/** Any thrown value as an /api error response: documented errors as they are, the rest as InternalException. */
export function errorToResponse(error: unknown): Response {
  return apiErrorResponse(error instanceof ApiError ? error : internalError());
}

export function plainText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}
