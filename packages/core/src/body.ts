/**
 * A request body the session can send, and send again when a retry needs it. `open()` is called once
 * per attempt; a body that cannot be re-opened (a caller's stream) is marked `replayable: false`.
 */
export interface RequestBody {
  readonly contentType: string;
  readonly contentLength: number | undefined;
  readonly replayable: boolean;
  open(): AsyncIterable<Uint8Array> | Uint8Array | string;
}

const utf8 = new TextEncoder();

export function jsonBody(value: unknown): RequestBody {
  const text = JSON.stringify(value);
  return fixedBody(text, "application/json;charset=utf-8");
}

export function formBody(fields: Readonly<Record<string, string | undefined>>): RequestBody {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.append(key, value);
  return fixedBody(params.toString(), "application/x-www-form-urlencoded");
}

export function fixedBody(content: string | Uint8Array, contentType: string): RequestBody {
  return {
    contentType,
    contentLength: typeof content === "string" ? utf8.encode(content).byteLength : content.byteLength,
    replayable: true,
    open: () => content,
  };
}
