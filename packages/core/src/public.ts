// Everything both entries (index.ts for Node, index.fetch.ts for fetch-only runtimes) export.
export { backoffDelay } from "./backoff.js";
export { fixedBody, formBody, jsonBody, type RequestBody } from "./body.js";
export { consoleLogger, type LogLevel } from "./console-logger.js";
export {
  AccessTokenError,
  ApiError,
  ConnectionError,
  type ErrorCode,
  MalformedResponseError,
  RateLimitError,
  RateLimitWarning,
  type RequestDetails,
  type ResponseDetails,
  TimeoutError,
  ValidationError,
  WebexError,
} from "./errors.js";
export { type Closed, type Extra, type KnownKeys, mergeExtra } from "./extra.js";
export { type FetchTransportOptions, fetchTransport } from "./fetch-transport.js";
export {
  isAccessTokenError,
  isApiError,
  isConnectionError,
  isMalformedResponseError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
  isWebexError,
} from "./guards.js";
export { checkHeader } from "./headers.js";
export type { HookRequest, HookResponse, Hooks } from "./hooks.js";
export { nextLink, repairNextLink } from "./link.js";
export { guessContentType } from "./mime.js";
export { type FileSource, multipartBody, type UploadFile } from "./multipart.js";
export type { CallOptions, HttpMethod, Logger, ObjectFactory, RetryEvent, SessionOptions } from "./options.js";
export { type Page, type PageLoader, Paginated, type Walk } from "./paginated.js";
export { commaList, isoTime, requireIsoTime } from "./query-values.js";
export { type RateLimiter, rateLimitKey } from "./rate-limiter.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./read-body.js";
export { REDACTED, redactHeaders, redactText } from "./redact.js";
export { requestItems } from "./request-items.js";
export { bodyOf, compact, queryOf, Resource } from "./resource.js";
export { MAXIMUM_RETRY_AFTER_SECONDS, parseRetryAfter } from "./retry-after.js";
export {
  type DefaultRetryPolicyOptions,
  defaultRetryPolicy,
  type RetryContext,
  type RetryDecision,
  type RetryPolicy,
} from "./retry-policy.js";
export type {
  ListRouteName,
  RouteArgs,
  RouteCallOptions,
  RouteInput,
  RouteItem,
  RouteName,
  RoutePaginateArgs,
  RouteResponse,
  Routes,
  RouteTypes,
} from "./route-types.js";
export {
  DEFAULT_BASE_URL,
  type PaginateOptions,
  type RawResponse,
  type RequestOptions,
  Session,
} from "./session.js";
export { type Sleep, sleep } from "./sleep.js";
export { STATUS_DESCRIPTIONS, STATUS_TEXTS } from "./status-descriptions.js";
export { resolveAccessToken, TOKEN_ENV_VARS, type TokenProvider, type TokenSource } from "./token.js";
export {
  ProgressTimeoutError,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from "./transport.js";
export {
  appendQuery,
  normalizeBaseUrl,
  path,
  pathSegment,
  type Query,
  type QueryValue,
  resolveUrl,
} from "./url.js";
export { CORE_VERSION } from "./user-agent.js";
export {
  describe,
  isPlainObject,
  optionalOfType,
  requireAtLeastOne,
  requireExactlyOne,
  requireString,
} from "./validate.js";
