import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * CORS as a browser needs it to call the API from another origin: any origin (no cookies are involved, the
 * token travels in Authorization), the requested headers echoed, and the response headers a client reads for
 * pagination, rate limits and support (Link, Retry-After, TrackingID) exposed.
 */
const ALLOW_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const DEFAULT_ALLOW_HEADERS = "Authorization, Content-Type, TrackingID";
const EXPOSE_HEADERS = "Link, Retry-After, TrackingID, Content-Length, Content-Disposition";
const MAX_AGE_SECONDS = "7200";

/** A preflight (OPTIONS with Access-Control-Request-Method) answered with 204; true when it was one. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "OPTIONS" || req.headers["access-control-request-method"] === undefined) return false;
  const requested = req.headers["access-control-request-headers"];
  res.writeHead(204, {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ALLOW_METHODS,
    "Access-Control-Allow-Headers": requested || DEFAULT_ALLOW_HEADERS,
    "Access-Control-Max-Age": MAX_AGE_SECONDS,
    Vary: "Origin, Access-Control-Request-Headers",
  });
  res.end();
  return true;
}

/** Marks a cross-origin request's answer, whatever writes it later, as readable by the page. */
export function allowOrigin(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers.origin === undefined) return;
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
}
