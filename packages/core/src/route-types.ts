import type { CallOptions } from "./options.js";
import type { PaginateOptions, RequestOptions } from "./session.js";

/**
 * The route strings `session.request`, `requestRaw` and `paginate` accept (`"GET /rooms/{roomId}"`), each with its
 * path parameters, query, JSON body and response. Empty here, so core carries no spec; `@wx/openapi` fills it:
 * `declare module "@wx/core" { interface Routes extends WebexRoutes {} }` (see the README).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation
export interface Routes {}

/** What each entry of `Routes` holds; `body` is `never` for no JSON body and includes `undefined` when optional. */
export interface RouteTypes {
  params: object;
  query: object;
  body: unknown;
  response: unknown;
}

export type RouteName = keyof Routes & string;

type Entry<R extends RouteName> = Routes[R] extends RouteTypes ? Routes[R] : never;

type BodyInput<Body> = [Body] extends [never]
  ? unknown
  : undefined extends Body
    ? { body?: Exclude<Body, undefined> }
    : { body: Body };

type Flat<T> = { [K in keyof T]: T[K] };

/** The second argument of a route call: path parameters and query by name, and `body`. */
export type RouteInput<R extends RouteName> =
  Flat<Entry<R>["params"] & Entry<R>["query"] & BodyInput<Entry<R>["body"]>> extends infer Input
    ? keyof Input extends never
      ? Record<string, never>
      : Input
    : never;

export type RouteResponse<R extends RouteName> = Entry<R>["response"];

/** The call options of a route call; `expectedStatus` defaults to any 2xx status the specs use. */
export type RouteCallOptions = CallOptions & Pick<RequestOptions, "expectedStatus">;

/** The input, then the options: the input may be left out when nothing in it is required. */
export type RouteArgs<R extends RouteName, Options = RouteCallOptions> =
  Record<string, never> extends RouteInput<R>
    ? [input?: RouteInput<R>, options?: Options]
    : object extends RouteInput<R>
      ? [input?: RouteInput<R>, options?: Options]
      : [input: RouteInput<R>, options?: Options];

/** The GET routes that answer a list (`{ items: [...] }`), which `paginate` walks. */
export type ListRouteName = {
  [R in RouteName]: R extends `GET ${string}` ? (RouteResponse<R> extends { items?: unknown } ? R : never) : never;
}[RouteName];

/** An item of a list route's pages. */
export type RouteItem<R extends RouteName> =
  RouteResponse<R> extends { items?: readonly (infer Item)[] } ? Item : never;

export type RoutePaginateArgs<R extends RouteName> = RouteArgs<R, PaginateOptions>;
