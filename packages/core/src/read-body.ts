/** The default cap on a response body the session reads into memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/** Thrown (and turned into a MalformedResponseError by the session) when a body passes the cap. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the response body is larger than maxResponseBytes (${maxBytes} bytes); not reading it`);
  }
}

interface ResponseBody extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

/** Reads a whole body as UTF-8, failing as soon as it is longer than `maxBytes` (by its Content-Length or its bytes). */
export async function readBodyText(
  body: ResponseBody,
  contentLength: string | string[] | undefined,
  maxBytes: number,
): Promise<string> {
  if (typeof contentLength === "string" && Number(contentLength) > maxBytes) {
    body.destroy();
    throw new BodyTooLargeError(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.byteLength;
    if (length > maxBytes) {
      body.destroy();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length).toString("utf8");
}
