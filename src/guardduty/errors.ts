/**
 * GuardDuty's error wire conventions (DESIGN.md, error table): the status, the
 * `x-amzn-ErrorType` header real clients read, and a `{"__type","message"}` body that carries
 * the spec's error name for people.
 */

export type ErrorName =
  | 'InvalidInputException'
  | 'NoSuchEntityException'
  | 'InternalException'
  | 'UnsupportedOperationException'
  | 'AccessDeniedException'
  /** What AWS answers in an opt-in region the account has not enabled (the demo's ap-east-1 too). */
  | 'UnrecognizedClientException'
  /** Throttling; the demo answers it only through a test wrapper. */
  | 'ThrottlingException';

/** The header value AWS clients map to an exception class. */
const HEADER_TYPE: Record<ErrorName, string> = {
  InvalidInputException: 'BadRequestException',
  NoSuchEntityException: 'BadRequestException',
  InternalException: 'InternalServerErrorException',
  UnsupportedOperationException: 'UnsupportedOperationException',
  AccessDeniedException: 'AccessDeniedException',
  UnrecognizedClientException: 'UnrecognizedClientException',
  ThrottlingException: 'ThrottlingException',
};

export interface WireError {
  __type: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly type: ErrorName,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = type;
  }

  get headerType(): string {
    return HEADER_TYPE[this.type];
  }

  toBody(): WireError {
    return { __type: this.type, message: this.message };
  }

  /** The headers a response carrying this error needs. */
  headers(): Record<string, string> {
    return { 'content-type': 'application/json', 'x-amzn-ErrorType': this.headerType };
  }
}

export const invalidInput = (message: string, status = 400) => new ApiError('InvalidInputException', message, status);
export const noSuchEntity = (message: string) => new ApiError('NoSuchEntityException', message, 400);
export const internalError = (message = 'Internal server error.') => new ApiError('InternalException', message, 500);
export const unsupportedOperation = (message: string, status: 404 | 405) =>
  new ApiError('UnsupportedOperationException', message, status);
export const unrecognizedClient = (message = 'The security token included in the request is invalid.') =>
  new ApiError('UnrecognizedClientException', message, 403);
export const throttling = (message = 'Rate exceeded.') => new ApiError('ThrottlingException', message, 429);
export const accessDenied = (message: string, status: 401 | 403) => new ApiError('AccessDeniedException', message, status);

/**
 * Reads an error response body the way the UI shows it. AWS sends `__type` either bare or as
 * `namespace#Name`; proxies and gateways may send no JSON at all.
 */
export function parseWireError(status: number, bodyText: string, headerType?: string | null): WireError {
  let type = '';
  let message = '';
  try {
    const body = JSON.parse(bodyText) as Record<string, unknown>;
    if (body && typeof body === 'object') {
      type = typeof body.__type === 'string' ? body.__type : '';
      const m = body.message ?? body.Message;
      message = typeof m === 'string' ? m : '';
    }
  } catch {
    // not JSON: fall through to the status line
  }
  type = (type || headerType || '').split('#').pop()!.split(':')[0] || `HTTP ${status}`;
  return { __type: type, message: message || `The server answered ${status} without a message.` };
}
