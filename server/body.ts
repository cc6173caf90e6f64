/** Reads a request body into memory, refusing more than the limit before and while reading it. */
import { invalidInput } from '../src/guardduty/errors';

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (limit: number) =>
  invalidInput(`The request is rejected: the body is larger than ${limit / 1024 / 1024} MiB.`, 413);

/** Throws the 413 InvalidInputException; a Content-Length can lie or be absent (chunked), so bytes are counted too. */
export async function readBodyWithin(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading; the adapter drains or closes the rest of the upload.
      reader.releaseLock();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
