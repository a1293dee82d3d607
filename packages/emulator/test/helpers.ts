import { request } from "undici";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createEmulator, type Emulator, type EmulatorOptions } from "../src/index.js";
import { suiteRecorder } from "./spec-tally.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
export type Body = Record<string, any>;

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: Body;
}

/** Plain HTTP against the emulator, as any Webex client would do it (no SDK involved). */
export async function call(
  url: string,
  options: {
    method?: string;
    token?: string;
    json?: unknown;
    body?: string | Buffer;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(options.json);
  }
  const response = await request(url, { method: (options.method ?? "GET") as "GET", headers, body });
  const text = await response.body.text();
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.headers))
    flat[key] = Array.isArray(value) ? value.join(", ") : String(value);
  let parsed: Body = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = {};
  }
  return { status: response.statusCode, headers: flat, text, body: parsed };
}

/** A client bound to one emulator and token: `api.get("rooms")`, `api.post("rooms", {...})`. */
export function client(emu: Emulator, token: string) {
  const at = (path: string) => (path.startsWith("http") ? path : emu.url + path);
  return {
    get: (path: string) => call(at(path), { token }),
    post: (path: string, json: unknown) => call(at(path), { method: "POST", token, json }),
    put: (path: string, json: unknown) => call(at(path), { method: "PUT", token, json }),
    delete: (path: string) => call(at(path), { method: "DELETE", token }),
    send: (method: string, path: string, json?: unknown) => call(at(path), { method, token, json }),
  };
}

export type Client = ReturnType<typeof client>;

/** An emulator whose every exchange is checked against the OpenAPI specs (test/spec-tally.ts): tests start no other. */
export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return createEmulator({ onExchange: suiteRecorder.observe, ...options });
}

/** One emulator per test file, reset before each test. */
export function useEmulator(options: EmulatorOptions = {}) {
  const ctx = {} as { emu: Emulator; admin: Client; user: Client; bot: Client };
  beforeAll(async () => {
    ctx.emu = await startEmulator({ seed: 42, ...options });
    ctx.admin = client(ctx.emu, ctx.emu.tokens.admin);
    ctx.user = client(ctx.emu, ctx.emu.tokens.user);
    ctx.bot = client(ctx.emu, ctx.emu.tokens.bot);
  });
  beforeEach(() => ctx.emu.reset());
  afterAll(() => ctx.emu.close());
  return ctx;
}

export function expectWebexError(response: ApiResponse, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
  const { message, errors, trackingId } = response.body;
  if (typeof message !== "string" || !Array.isArray(errors) || typeof errors[0]?.description !== "string") {
    throw new Error(`not a Webex error body: ${response.text}`);
  }
  if (trackingId !== response.headers.trackingid) throw new Error("trackingId differs from the Trackingid header");
}

export function qs(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return search.toString();
}
