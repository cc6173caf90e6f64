/**
 * Puts the app on a node:http server. Like @hono/node-server's `serve`, plus an error handler for
 * requests the adapter cannot even turn into a Request (backslash paths, malformed Host): those
 * get a 400 that still carries the security headers, in GuardDuty's error format under /api.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { invalidInput } from '../src/guardduty/errors';
import type { ServerConfig } from './config';
import { isApiPath, securityHeaderValues } from './security';
import { rawPathOf } from './static';
import { apiErrorResponse, plainText } from './wire';

type FetchHandler = (request: Request, env: never) => Response | Promise<Response>;

export function listen(fetch: FetchHandler, config: ServerConfig): Promise<{ server: Server; address: AddressInfo }> {
  const headers = securityHeaderValues(config);
  /** `target` is the raw request target: the adapter failed before there was a URL. */
  const malformed = (target: string) => {
    // Backslashes as URL parsers read them: `/api\detector` is an /api request too.
    const api = isApiPath(rawPathOf(target).replace(/\\/g, '/'));
    const response = api
      ? apiErrorResponse(invalidInput('The request is rejected: the request target or Host header is malformed.'))
      : plainText(400, 'Findings Atlas: malformed request.');
    for (const [name, value] of Object.entries({ ...headers, ...(api ? { 'cache-control': 'no-store' } : {}) })) response.headers.set(name, value);
    return response;
  };
  // One listener per request, so the error handler knows which target it is answering.
  const server = createServer((incoming, outgoing) =>
    getRequestListener(fetch as Parameters<typeof getRequestListener>[0], {
      errorHandler: () => malformed(incoming.url ?? '/'),
    })(incoming, outgoing),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve({ server, address: server.address() as AddressInfo });
    });
  });
}
