import { ApiError, ConnectionError, RateLimitError, TimeoutError, ValidationError, WebexError } from "@wx/sdk";
import { ToolTimeoutError } from "./timeout.js";
import { ToolFailure } from "./tool-failure.js";

/** What went wrong, said so the model knows what to do next. `notFound` is the tool's own reading of a 404. */
export function adviceFor(error: unknown, notFound: string): string {
  if (error instanceof ToolFailure) return error.message;
  if (error instanceof ToolTimeoutError) {
    return `Webex did not answer in time (${error.message}); try again, or ask for less (a smaller limit).`;
  }
  if (error instanceof ValidationError) return badArguments(error);
  if (error instanceof RateLimitError) {
    return `Webex is rate limiting these requests and asks to wait ${error.retryAfter} s; try again after that.${tracking(error)}`;
  }
  if (error instanceof ApiError) return apiAdvice(error, notFound);
  if (error instanceof TimeoutError)
    return "Webex did not answer in time; try again, or ask for less (a smaller limit).";
  if (error instanceof ConnectionError) return `Cannot reach Webex (${error.message}); try again later.`;
  if (error instanceof WebexError) return `The Webex call failed: ${error.message}`;
  return `The tool failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
}

/** By status: what it means here and what to do next. */
const API_ADVICE: Record<number, (serviceSays: string) => string> = {
  400: (says) => `Webex refused the request as invalid: ${says}. Check the arguments.`,
  401: () =>
    "Webex rejected the access token (invalid or expired). The user must give the server a new WEBEX_ACCESS_TOKEN and restart it; retrying will not help.",
  403: (says) =>
    `Webex does not allow this for the signed-in user: ${says}. It may need a moderator, an admin, or membership of the room.`,
  409: (says) => `Webex reports a conflict: ${says}. It may already be done (e.g. the person is already a member).`,
  423: (says) => `The resource is locked for now: ${says}. Try again later.`,
};

function apiAdvice(error: ApiError, notFound: string): string {
  const says = serviceMessage(error);
  if (error.status === 404) return `${capitalize(notFound)}.${tracking(error)}`;
  const advice = API_ADVICE[error.status];
  if (advice) return `${advice(says)}${tracking(error)}`;
  if (error.status >= 500) {
    return `Webex had a server error (${error.status} ${error.statusText}) even after retrying; try again later.${tracking(error)}`;
  }
  return `Webex answered ${error.status} ${error.statusText}: ${says}.${tracking(error)}`;
}

function badArguments(error: ValidationError): string {
  const problems = error.problems.map((problem) => `\n- ${problem.path}: ${problem.message}`).join("");
  return `Invalid arguments: ${error.message}${problems}`;
}

function serviceMessage(error: ApiError): string {
  const message = error.details?.message;
  return typeof message === "string" && message ? message.replace(/\.$/, "") : error.description || error.statusText;
}

function tracking(error: ApiError): string {
  return error.trackingId ? ` (Webex tracking id ${error.trackingId})` : "";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
