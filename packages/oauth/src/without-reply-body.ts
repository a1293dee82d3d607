import { MalformedResponseError } from "@wx/core";

/**
 * The same error, except that a malformed 2xx reply is dropped whole: it may hold live tokens, which no list of
 * secrets can name in advance. (Secrets the call sent are redacted by core, through the request's `secrets`.)
 */
export function withoutReplyBody(error: unknown): unknown {
  if (!(error instanceof MalformedResponseError)) return error;
  return new MalformedResponseError(error.message, error.request, {
    ...error.response,
    body: "[token response omitted]",
  });
}
