/** A Webex-style error a route throws; the server renders `{message, errors, trackingId}`. */
export class WebexHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly description: string = message,
    readonly headers: Record<string, string> = {},
    /** Extra body fields, e.g. the OAuth `error` code. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new WebexHttpError(400, message);
export const forbidden = (message = "Access denied.") => new WebexHttpError(403, message);
export const notFound = (message = "The requested resource could not be found.") => new WebexHttpError(404, message);
export const conflict = (message: string) => new WebexHttpError(409, message);
