import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { allowOrigin, answerPreflight } from "./cors.js";
import type { PersonRecord } from "./domain/store.js";
import type { Engine } from "./engine.js";
import { forbidden, WebexHttpError } from "./errors.js";
import { trackingId } from "./ids.js";
import { parseMultipart } from "./multipart.js";
import type { BodyKind, Ctx, Reply, Upload } from "./resource.js";
import type { Router } from "./router.js";
import { checkFields } from "./rules.js";
import type { Fault, Json } from "./types.js";
import { checkJsonDepth } from "./validate.js";

const JSON_TYPE = "application/json;charset=UTF-8";

export const STATUS_MESSAGES: Record<number, string> = {
  400: "The request could not be understood by the server due to malformed syntax.",
  401: "The request requires a valid access token set in the Authorization request header.",
  403: "Access denied.",
  404: "The requested resource could not be found.",
  405: "The requested method is not supported for this resource.",
  413: "Request entity too large.",
  415: "Unsupported media type.",
  429: "Too many requests have been sent in a given amount of time. Retry after the time in the Retry-After header.",
  500: "Internal server error.",
  502: "Bad gateway: the upstream server returned an invalid response.",
  503: "Service unavailable: the server is overloaded, try again later.",
  504: "Gateway timeout: the upstream server did not respond in time.",
};

export type ControlHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** Told of every answer sent: it logs the request (and shows the exchange to `onExchange`, when set). */
type Answered = (status: number, contentType: string, body: string | Buffer) => void;

export function createApiServer(engine: Engine, router: Router, control: ControlHandler): Server {
  const server = createServer((req, res) => {
    handle(engine, router, control, req, res).catch((error: unknown) => {
      // Last resort: nothing a client sends may take the server down.
      const path = (req.url ?? "/").split("?")[0] as string;
      const log = (status: number) => engine.requests.add(req.method ?? "GET", path, status, engine.now());
      if (!res.headersSent) sendError(res, new WebexHttpError(500, STATUS_MESSAGES[500] as string), trackingId(), log);
      else res.destroy();
      if (process.env.WX_EMULATOR_DEBUG) console.error(error);
    });
  });
  server.keepAliveTimeout = 5000;
  return server;
}

/** Paths made only of these (and no dot segments) need no URL parsing; anything else is normalized by URL. */
const PLAIN_PATH = /^\/[A-Za-z0-9_\-~%:@!$&'()*+,;=/]*$/;

/** The request's path and query, parsed by URL only when the path is unusual. */
function target(rawUrl: string, host: string): { pathname: string; search: string } {
  const q = rawUrl.indexOf("?");
  const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
  if (PLAIN_PATH.test(pathname)) return { pathname, search: q < 0 ? "" : rawUrl.slice(q) };
  try {
    const url = new URL(rawUrl, `http://${host}`);
    return { pathname: url.pathname, search: url.search };
  } catch {
    return { pathname: "/", search: "" };
  }
}

function bearerToken(authorization: string | undefined): string {
  if (!authorization) return "";
  if (authorization.startsWith("Bearer ")) return authorization.slice(7).trim();
  return /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim() ?? "";
}

async function handle(
  engine: Engine,
  router: Router,
  control: ControlHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const tracking = headerValue(req, "trackingid") ?? trackingId();
  // Links and file URLs use the address the client used; HTTP/1.0 clients may send no Host.
  const host = req.headers.host ?? engine.host;
  const { pathname, search } = target(req.url ?? "/", host);
  if (pathname.startsWith("/_emulator/")) return control(req, res, new URL(`${pathname}${search}`, `http://${host}`));
  // The API only (the control API stays same-origin), before faults and rate limits: a browser's preflight
  // neither takes an injected fault nor counts as a call.
  if (answerPreflight(req, res)) return;
  allowOrigin(req, res);

  const method = req.method ?? "GET";
  let read: { body: Json; upload?: Upload } = NO_BODY;
  let fault: Fault | undefined;
  const observe = engine.options.onExchange;
  const log: Answered = observe
    ? (status, responseContentType, responseBody) => {
        engine.requests.add(method, pathname, status, engine.now());
        const requestContentType = headerValue(req, "content-type") ?? "";
        const requestBody = read.body;
        const exchange = { method, path: pathname, search, requestContentType, requestBody, status };
        observe({ ...exchange, responseContentType, responseBody, fault });
      }
    : (status) => engine.requests.add(method, pathname, status, engine.now());
  if (!pathname.startsWith("/v1/")) {
    return sendError(res, new WebexHttpError(404, STATUS_MESSAGES[404] as string), tracking, log);
  }
  let path = pathname.slice(4);
  while (path.endsWith("/")) path = path.slice(0, -1);

  fault = engine.faults.take(method, path);
  if (fault && "drop" in fault) {
    req.socket.destroy();
    return;
  }
  if (fault && "delayMs" in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault && "status" in fault) return sendError(res, faultError(fault), tracking, log);

  const token = bearerToken(headerValue(req, "authorization"));
  if (engine.rateLimiter) {
    const wait = engine.rateLimiter.check(token || (req.socket.remoteAddress ?? "anonymous"), engine.now());
    if (wait !== undefined) {
      const error = new WebexHttpError(429, STATUS_MESSAGES[429] as string, undefined, { "Retry-After": String(wait) });
      return sendError(res, error, tracking, log);
    }
  }

  const { route, params, allowed } = router.match(method, path);
  if (!route) {
    if (allowed.length > 0) {
      const error = new WebexHttpError(405, STATUS_MESSAGES[405] as string, undefined, { Allow: allowed.join(", ") });
      return sendError(res, error, tracking, log);
    }
    return sendError(res, new WebexHttpError(404, STATUS_MESSAGES[404] as string), tracking, log);
  }

  try {
    let caller: PersonRecord | undefined;
    if (route.access !== "public") {
      caller = token ? engine.authenticate(token) : undefined;
      if (!caller) throw new WebexHttpError(401, STATUS_MESSAGES[401] as string);
      if (route.access === "admin" && !engine.isAdmin(caller)) throw notAdmin();
    }
    const kind = route.read ?? defaultBodyKind(route.method);
    // A request without a body (most GETs) goes through without waiting a turn: faster, same result.
    read = hasNoBody(req, kind) ? NO_BODY : await readBody(engine, req, kind);
    const { body, upload } = read;
    const ctx: Ctx = {
      engine,
      store: engine.store,
      // Public routes never read the caller; every other route has one by now.
      caller: caller as PersonRecord,
      token,
      params,
      query: new URLSearchParams(search),
      body,
      upload,
      baseUrl: `http://${host}/v1/`,
      path,
      headers: req.headers,
      method,
    };
    const input = route.body ? checkFields(route.body, body) : body;
    const result = route.handler(ctx, input);
    const reply = result instanceof Promise ? await result : result;
    sendReply(res, reply, tracking, log, fault && "malformedJson" in fault);
  } catch (error) {
    if (error instanceof WebexHttpError) return sendError(res, error, tracking, log);
    throw error;
  }
}

function defaultBodyKind(method: string): BodyKind {
  return method === "POST" || method === "PUT" || method === "PATCH" ? "json" : "none";
}

export function notAdmin(): WebexHttpError {
  return forbidden("Only an administrator of the organization can do this.");
}

function faultError(fault: Extract<Fault, { status: number }>): WebexHttpError {
  const headers: Record<string, string> = {};
  if (fault.status === 429) {
    const retryAfter = fault.retryAfter === undefined ? "1" : fault.retryAfter;
    if (retryAfter !== null) headers["Retry-After"] = String(retryAfter);
  }
  return new WebexHttpError(fault.status, STATUS_MESSAGES[fault.status] as string, undefined, headers);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const NO_BODY: { body: Json; upload?: Upload } = Object.freeze({ body: Object.freeze({}) as Json });

/** A route that ignores bodies, and a request that has none, need not be read. */
function hasNoBody(req: IncomingMessage, kind: BodyKind): boolean {
  return (
    kind === "none" && req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined
  );
}

async function readBody(
  engine: Engine,
  req: IncomingMessage,
  kind: BodyKind,
): Promise<{ body: Json; upload?: Upload }> {
  // The multipart boundary is case-sensitive: only the media type is compared in lower case.
  const rawContentType = headerValue(req, "content-type") ?? "";
  const contentType = rawContentType.toLowerCase();
  const multipart = contentType.startsWith("multipart/form-data");
  const limit = multipart && kind === "json-or-multipart" ? engine.options.maxUploadBytes : engine.options.maxBodyBytes;
  const raw = await readRaw(req, limit);
  if (kind === "none") return { body: {} };
  if (multipart && kind === "json-or-multipart") {
    const parsed = parseMultipartBody(raw, rawContentType);
    checkJsonDepth(parsed.body);
    return parsed;
  }
  if (kind === "form" && contentType.startsWith("application/x-www-form-urlencoded")) {
    return { body: Object.fromEntries(new URLSearchParams(raw.toString("utf8"))) };
  }
  if (raw.length === 0) return { body: {} };
  if (!contentType.includes("json")) {
    const shown = contentType.split(";")[0] || "application/octet-stream";
    throw new WebexHttpError(415, `Content type '${shown}' not supported`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new WebexHttpError(400, STATUS_MESSAGES[400] as string, "Malformed JSON in request body.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new WebexHttpError(400, STATUS_MESSAGES[400] as string, "The request body must be a JSON object.");
  }
  checkJsonDepth(parsed);
  return { body: parsed as Json };
}

function parseMultipartBody(raw: Buffer, contentType: string): { body: Json; upload?: Upload } {
  const body: Json = {};
  let upload: Upload | undefined;
  for (const part of parseMultipart(raw, contentType)) {
    if (part.name === "files" && part.filename !== undefined) {
      if (upload) throw new WebexHttpError(400, "Only one file may be included with a message.");
      upload = {
        filename: part.filename || "file",
        contentType: part.contentType || "application/octet-stream",
        bytes: Buffer.from(part.data),
      };
    } else if (part.name === "attachments") {
      try {
        const value: unknown = JSON.parse(part.data.toString("utf8"));
        body.attachments = Array.isArray(value) ? value : [value];
      } catch {
        throw new WebexHttpError(400, "attachments must be JSON.");
      }
    } else {
      body[part.name] = part.data.toString("utf8");
    }
  }
  return { body, upload };
}

/** Buffers the body up to `limit`; beyond it keeps draining (so the socket stays usable) and answers 413. */
function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on("end", () => (over ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks, size))));
    req.on("error", reject);
  });
}

function tooLarge(limit: number): WebexHttpError {
  return new WebexHttpError(
    413,
    STATUS_MESSAGES[413] as string,
    `The request body exceeds the limit of ${limit} bytes.`,
  );
}

export function sendError(res: ServerResponse, error: WebexHttpError, tracking: string, log: Answered): void {
  const body = JSON.stringify({
    message: error.message,
    errors: [{ description: error.description }],
    trackingId: tracking,
    ...error.extra,
  });
  const headers: Record<string, string | number> = {
    "Cache-Control": "no-cache",
    Trackingid: tracking,
    "Content-Type": JSON_TYPE,
    "Content-Length": Buffer.byteLength(body),
    ...error.headers,
  };
  if (error.status === 413) headers.Connection = "close";
  res.writeHead(error.status, headers);
  res.end(body);
  log(error.status, headers["Content-Type"] as string, body);
}

function sendReply(res: ServerResponse, reply: Reply, tracking: string, log: Answered, malformed?: boolean): void {
  const status = reply.status ?? 200;
  const headers: Record<string, string | number> = { "Cache-Control": "no-cache", Trackingid: tracking };
  if (reply.headers) Object.assign(headers, reply.headers);
  if (reply.next) headers.Link = `<${reply.next}>; rel="next"`;
  if (status === 204) {
    res.writeHead(204, headers);
    res.end();
    log(status, "", "");
    return;
  }
  // JSON goes out as a string: Node writes it with the headers in one piece, encoding straight into
  // the socket's buffer, with no Buffer made here.
  let body: Buffer | string;
  if (reply.raw) {
    body = reply.raw.body;
    headers["Content-Type"] = reply.raw.contentType;
  } else {
    body = reply.jsonText?.text ?? JSON.stringify(reply.json ?? {});
    headers["Content-Type"] = JSON_TYPE;
  }
  // A truncated object is never valid JSON.
  if (malformed) {
    const bytes = Buffer.from(body);
    body = bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
  }
  headers["Content-Length"] =
    typeof body !== "string"
      ? body.length
      : body === reply.jsonText?.text
        ? reply.jsonText.bytes
        : Buffer.byteLength(body);
  res.writeHead(status, headers);
  res.end(body);
  log(status, headers["Content-Type"] as string, body);
}
