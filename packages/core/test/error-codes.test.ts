import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import {
  ApiError,
  type ErrorCode,
  isApiError,
  isRateLimitError,
  isValidationError,
  isWebexError,
  RateLimitError,
  Session,
  ValidationError,
  WebexError,
} from "../src/index.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failWith(status: number, headers: Record<string, string> = {}, options = {}) {
  server = await startTestServer((_req, res) => json(res, status, { message: "no" }, headers));
  const session = new Session({
    accessToken: "t0ken",
    baseUrl: server.baseUrl,
    maxRetries: 0,
    waitOnRateLimit: false,
    sleep: recordingSleep().sleep,
    ...options,
  });
  const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
  await session.close();
  return error as ApiError;
}

describe("every error has a stable code", () => {
  it.each([
    [400, "bad_request"],
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "not_found"],
    [409, "conflict"],
    [429, "rate_limited"],
    [500, "server_error"],
    [503, "server_error"],
    [418, "api_error"],
  ] as [number, ErrorCode][])("status %i -> %s", async (status, code) => {
    const error = await failWith(status);
    expect(error.code).toBe(code);
    expect(JSON.parse(JSON.stringify(error)).code).toBe(code);
  });

  it("validation, closed, and connection errors have theirs", async () => {
    const session = new Session({ accessToken: "t", baseUrl: "http://127.0.0.1:1/v1/", maxRetries: 0 });
    expect(await session.request({ path: "a/../b" }).catch((e: WebexError) => e.code)).toBe("validation");
    expect(await session.request({ path: "rooms" }).catch((e: WebexError) => e.code)).toBe("connection");
    await session.close();
    expect(await session.request({ path: "rooms" }).catch((e: WebexError) => e.code)).toBe("closed");
  });
});

describe("messages a user can act on", () => {
  it("a rate-limit message names the Retry-After seconds", async () => {
    const error = await failWith(429, { "retry-after": "42" });
    expect(error.message).toMatch(/Retry-After: 42 s/);
  });

  it("a 401 says where the token came from", async () => {
    expect((await failWith(401)).message).toMatch(/the token came from the accessToken option/);
    const provided = await failWith(401, {}, { accessToken: async () => "t0ken" });
    expect(provided.message).toMatch(/the token came from the token provider/);
  });
});

describe("type guards and instanceof across the ESM and CJS copies", () => {
  it("an error thrown by the CJS build is recognised by the ESM build's classes and guards", async () => {
    const cjs = createRequire(import.meta.url)("../dist/index.cjs") as typeof import("../src/index.js");
    expect(cjs.ApiError).not.toBe(ApiError);
    server = await startTestServer((_req, res) => json(res, 429, { message: "slow down" }, { "retry-after": "3" }));
    const session = new cjs.Session({ accessToken: "t", baseUrl: server.baseUrl, waitOnRateLimit: false });
    const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
    await session.close();
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(WebexError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(isRateLimitError(error) && error.retryAfter).toBe(3);
    expect(isApiError(error)).toBe(true);
    expect(isWebexError(new Error("plain"))).toBe(false);
    expect(isValidationError(new cjs.ValidationError("x"))).toBe(true);
    expect(new cjs.ValidationError("x")).toBeInstanceOf(WebexError);
  });
});
