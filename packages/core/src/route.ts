import { ValidationError } from "./errors.js";
import type { HttpMethod } from "./options.js";
import type { RequestOptions } from "./session.js";
import { pathSegment, type Query } from "./url.js";
import { isPlainObject } from "./validate.js";

/** The 2xx statuses the specs answer with; a route call accepts any of them unless told otherwise. */
const SUCCESS = [200, 201, 202, 203, 204, 206, 207];

/**
 * A route call as request options: path parameters by name from the template (URL-encoded), `body` as the JSON
 * body, and the rest of `input` as the query. `methods` is the alternation of methods allowed.
 */
export function routeRequest(
  route: string,
  input: unknown = {},
  options?: object,
  methods = "GET|POST|PUT|PATCH|DELETE|HEAD",
): RequestOptions {
  const match = new RegExp(`^(${methods}) (/\\S*)$`).exec(route);
  if (!match) throw new ValidationError(`route must be "${methods} /path", got ${route}`, { argument: "route" });
  if (!isPlainObject(input)) throw new ValidationError(`${route}: input must be an object`, { argument: "input" });
  const { body, ...query } = input;
  const path = (match[2] as string).replace(/{([^}]+)}/g, (_, name: string) => {
    const value = query[name];
    delete query[name];
    return pathSegment(name, typeof value === "number" ? `${value}` : value);
  });
  return {
    expectedStatus: SUCCESS,
    ...options,
    method: match[1] as HttpMethod,
    path,
    query: query as Query,
    json: body,
  };
}
