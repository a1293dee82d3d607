import {
  AccessTokenError,
  ApiError,
  ConnectionError,
  MalformedResponseError,
  RateLimitError,
  TimeoutError,
  ValidationError,
  WebexError,
} from "./errors.js";

// `instanceof` on these classes already works across the ESM and CJS copies (see WebexError); the guards read
// better in a `catch` and narrow `unknown`.
export const isWebexError = (error: unknown): error is WebexError => error instanceof WebexError;
export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
export const isRateLimitError = (error: unknown): error is RateLimitError => error instanceof RateLimitError;
export const isTimeoutError = (error: unknown): error is TimeoutError => error instanceof TimeoutError;
export const isValidationError = (error: unknown): error is ValidationError => error instanceof ValidationError;
export const isAccessTokenError = (error: unknown): error is AccessTokenError => error instanceof AccessTokenError;
export const isConnectionError = (error: unknown): error is ConnectionError => error instanceof ConnectionError;
export const isMalformedResponseError = (error: unknown): error is MalformedResponseError =>
  error instanceof MalformedResponseError;
