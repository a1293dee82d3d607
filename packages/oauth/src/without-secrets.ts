import { ApiError, MalformedResponseError, RateLimitError, redactText } from "@wx/core";

/**
 * The same error without the secrets a token call handled: any the service echoed back is replaced by
 * `[REDACTED]`, and a malformed 2xx reply (which may hold live tokens) is dropped whole, cause included,
 * since a JSON parse error quotes the text it failed on.
 */
export function withoutSecrets(error: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (error instanceof MalformedResponseError) {
    return new MalformedResponseError("the token response is not valid JSON", error.request, {
      ...error.response,
      body: "[token response omitted]",
    });
  }
  if (!(error instanceof ApiError)) return error;
  const present = secrets.filter((secret): secret is string => !!secret);
  const body = redactText(error.response.body, present);
  if (body === error.response.body) return error;
  const response = { ...error.response, body };
  return error instanceof RateLimitError
    ? new RateLimitError(error.request, response, error.retryAfter)
    : new ApiError(error.request, response);
}
