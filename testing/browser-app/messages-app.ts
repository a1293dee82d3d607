// A small messages-only browser app: bundled by esbuild for the browser test and the bundle-size figure.
import { MessagesApi } from "@wx/api-messages";
import { isRateLimitError, isValidationError, Session, type WebexError } from "@wx/core";
import type { AppConfig, AppReport } from "./report.js";

/** Runs the scenario against the API; the browser test injects the 429s and reads the report. */
export async function run(config: AppConfig): Promise<AppReport> {
  const rateLimitWaitsMs: number[] = [];
  let listPages = 0;
  const session = new Session({
    ...config,
    // An instant sleep that records each wait: the test asserts the Retry-After the page could read, not a duration.
    sleep: async (ms) => {
      rateLimitWaitsMs.push(ms);
    },
    hooks: {
      after: (request) => {
        if (request.method === "GET" && request.url.pathname.endsWith("/messages")) listPages++;
      },
    },
  });
  const messages = new MessagesApi(session);
  try {
    const room = await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "browser" } });
    const posted: string[] = [];
    for (const text of ["one", "two", "three"]) posted.push((await messages.create({ roomId: room.id, text })).id);
    const listed: string[] = [];
    for await (const message of messages.list({ roomId: room.id, max: 1 })) listed.push(message.id);
    const blob = new Blob(["hello from the browser"], { type: "text/plain" });
    const uploaded = await messages.create({ roomId: room.id, files: [{ source: blob, filename: "hello.txt" }] });
    const limited = new Session({ ...config, waitOnRateLimit: false });
    const rateLimitError = await limited.request({ path: "people/me" }).then(
      () => undefined,
      (error: WebexError) => (isRateLimitError(error) ? { code: error.code, retryAfter: error.retryAfter } : undefined),
    );
    await session.request({ path: "people/me" });
    const notFoundCode = await messages.get("nope").then(
      () => undefined,
      (error: WebexError) => error.code,
    );
    const pathUpload = await messages.create({ roomId: room.id, files: ["./report.pdf"] }).then(
      () => undefined,
      (error: WebexError) => (isValidationError(error) ? { code: error.code, message: error.message } : undefined),
    );
    await limited.close();
    return {
      roomId: room.id,
      posted,
      listed,
      listPages,
      uploadedFiles: uploaded.files ?? [],
      rateLimitWaitsMs,
      rateLimitError,
      notFoundCode,
      pathUpload,
    };
  } finally {
    await session.close();
  }
}
