import type { CallOptions } from "@wx/core";
import type { MeetingReadHeaders } from "./meeting-fields.js";

/** The call options with `timezone` and `password` added as the request headers the API reads them from. */
export function withReadHeaders(values: MeetingReadHeaders, options: CallOptions | undefined): CallOptions {
  const headers: Record<string, string> = { ...options?.headers };
  if (values.timezone !== undefined) headers.timezone = values.timezone;
  if (values.password !== undefined) headers.password = values.password;
  return { ...options, headers };
}
