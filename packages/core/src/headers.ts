import { ValidationError } from "./errors.js";

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

/** Throws a ValidationError for a header that would split the request (CR, LF, NUL) or is not a valid name. */
export function checkHeader(name: string, value: string, argument = "headers"): void {
  if (!TOKEN.test(name)) {
    throw new ValidationError(`header name ${JSON.stringify(name)} is not a valid HTTP header name`, { argument });
  }
  if (typeof value !== "string" || FORBIDDEN_IN_VALUE.test(value)) {
    throw new ValidationError(
      `header ${name} must be a string without CR, LF or NUL characters (a value with line breaks would split the request)`,
      { argument },
    );
  }
}
