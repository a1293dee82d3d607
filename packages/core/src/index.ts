export {
  AccessTokenError,
  ApiError,
  MalformedResponseError,
  RateLimitError,
  RateLimitWarning,
  type RequestDetails,
  type ResponseDetails,
  TimeoutError,
  ValidationError,
  WebexError,
} from "./errors.js";
export { STATUS_DESCRIPTIONS } from "./status-descriptions.js";
export { describe, optionalOfType, requireAtLeastOne, requireExactlyOne, requireString } from "./validate.js";
