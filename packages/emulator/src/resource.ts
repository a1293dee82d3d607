import type { IncomingHttpHeaders } from "node:http";
import type { PersonRecord, Store } from "./domain/store.js";
import type { Engine } from "./engine.js";
import type { Input, Rules } from "./rules.js";
import type { Json } from "./types.js";

/**
 * A resource is one declaration: its routes, each with the rule table its body is checked against
 * and who may call it, over the shared domain layer in domain/. Its records are a `table()` (or one
 * of the Store's core maps) and its serializer sits beside it, in the same file.
 */

export interface Upload {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface Ctx {
  engine: Engine;
  store: Store;
  /** The person the bearer token maps to (routes with `access: "public"` never read it). */
  caller: PersonRecord;
  token: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  upload?: Upload;
  /** `http://<Host>/v1/`, so links and file URLs use the address the client used. */
  baseUrl: string;
  /** The request path below `/v1/`, e.g. `messages`. */
  path: string;
  headers: IncomingHttpHeaders;
  method: string;
}

/** What acting as someone needs: shared by HTTP handlers and `emu.act(token)`. */
export type CallerCtx = Pick<Ctx, "engine" | "store" | "caller" | "baseUrl">;

export interface Reply {
  status?: number;
  json?: unknown;
  /** JSON text already built (cached person or message JSON, a page of it) and its UTF-8 length. */
  jsonText?: { text: string; bytes: number };
  /** Absolute URL of the next page (becomes a `Link: <…>; rel="next"` header). */
  next?: string;
  headers?: Record<string, string>;
  raw?: { body: Buffer; contentType: string };
}

/** How the request body is read: JSON only, JSON or multipart (messages), form or JSON (OAuth), or ignored. */
export type BodyKind = "json" | "json-or-multipart" | "form" | "none";

/**
 * Who may call a route: `public` needs no token (OAuth, guest login), `member` any valid token,
 * `admin` a full administrator of the org (403 otherwise, before the body is looked at).
 */
export type Access = "public" | "member" | "admin";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Route {
  method: Method;
  path: string;
  read?: BodyKind;
  access: Access;
  body?: Rules;
  handler(ctx: Ctx, input: Json): Reply | Promise<Reply>;
}

export interface RouteSpec<B extends Rules> {
  method: Method;
  /** Below /v1/, `:name` for a parameter; literal paths must come before `:id` ones of the same shape. */
  path: string;
  /** The body's rule table, checked (after access) before `handle`; what it yields is `input`. */
  body?: B;
  read?: BodyKind;
  /** Default: the resource's. */
  access?: Access;
  handle(ctx: Ctx, input: Input<B>): Reply | Promise<Reply>;
}

/** One route; a function so each route's rule table types its own `input`. */
export function route<const B extends Rules = Record<never, never>>(spec: RouteSpec<B>): RouteSpec<Rules> {
  return spec as unknown as RouteSpec<Rules>;
}

export interface Resource {
  /** Spec group name, e.g. "Room Tabs" (README and errors). */
  name: string;
  routes: Route[];
}

export function defineResource(spec: { name: string; access?: Access; routes: RouteSpec<Rules>[] }): Resource {
  return {
    name: spec.name,
    routes: spec.routes.map((r) => ({
      method: r.method,
      path: r.path,
      read: r.read,
      access: r.access ?? spec.access ?? "member",
      body: r.body,
      handler: r.handle as Route["handler"],
    })),
  };
}
