/** The default cap on a response body the session reads into memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/** Thrown (and turned into a MalformedResponseError by the session) when a body passes the cap. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    /** The answer whose body was too large. */
    readonly response: { status: number; headers: Record<string, string | string[] | undefined> },
  ) {
    super(`the response body is larger than maxResponseBytes (${maxBytes} bytes); not reading it`);
  }
}

interface ResponseBody {
  on(event: "data", listener: (chunk: Uint8Array) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  destroy(error?: Error): unknown;
}

/** Reads a whole body as UTF-8, failing as soon as it is longer than `maxBytes` (by its Content-Length or its bytes). */
export function readBodyText(
  body: ResponseBody,
  contentLength: string | string[] | undefined,
  maxBytes: number,
  response: BodyTooLargeError["response"],
): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      body.destroy();
      reject(new BodyTooLargeError(maxBytes, response));
    };
    if (typeof contentLength === "string" && Number(contentLength) > maxBytes) return tooLarge();
    // Events rather than `for await`: one promise per chunk costs ~10% on a page-sized body.
    const chunks: Uint8Array[] = [];
    let length = 0;
    body.on("data", (chunk) => {
      length += chunk.byteLength;
      if (length > maxBytes) return tooLarge();
      chunks.push(chunk);
    });
    body.on("error", reject);
    body.on("end", () => resolve(Buffer.concat(chunks, length).toString("utf8")));
  });
}
