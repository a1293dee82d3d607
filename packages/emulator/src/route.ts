import type { IncomingHttpHeaders } from "node:http";
import type { Engine } from "./engine.js";
import type { PersonRecord, Store } from "./store.js";
import type { Json } from "./types.js";

export interface Upload {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface Ctx {
  engine: Engine;
  store: Store;
  /** The person the bearer token maps to (routes marked `public` never read it). */
  caller: PersonRecord;
  token: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  upload?: Upload;
  /** `http://<Host>/v1/`, so links and file URLs use the address the client used. */
  baseUrl: string;
  url: URL;
  headers: IncomingHttpHeaders;
  method: string;
}

/** What acting as someone needs: shared by HTTP handlers and `emu.act(token)`. */
export type CallerCtx = Pick<Ctx, "engine" | "store" | "caller" | "baseUrl">;

export interface Reply {
  status?: number;
  json?: unknown;
  /** Absolute URL of the next page (becomes a `Link: <…>; rel="next"` header). */
  next?: string;
  headers?: Record<string, string>;
  raw?: { body: Buffer; contentType: string };
}

/** How the request body is read: JSON only, JSON or multipart (messages), form or JSON (OAuth), or ignored. */
export type BodyKind = "json" | "json-or-multipart" | "form" | "none";

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  body?: BodyKind;
  /** No bearer token required (OAuth token endpoint, guest JWT login). */
  public?: boolean;
  handler(ctx: Ctx): Reply | Promise<Reply>;
}
