import type { paths as AdminPaths } from "./generated/admin.js";
import type { paths as MeetingPaths } from "./generated/meeting.js";
import type { paths as MessagingPaths } from "./generated/messaging.js";

type Method = "get" | "put" | "post" | "delete" | "patch" | "head";
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207;

/**
 * One operation as a route: its path parameters, query parameters, JSON request body and JSON response body.
 * `body` is `never` when the operation takes no JSON body and includes `undefined` when the body is optional;
 * `response` is the union of the operation's 2xx bodies (`undefined` for one without content, such as 204).
 */
export interface Route<Params = object, Query = object, Body = unknown, Response = unknown> {
  params: Params;
  query: Query;
  body: Body;
  response: Response;
}

type Present<T> = [NonNullable<T>] extends [never] ? object : NonNullable<T>;

type JsonContent<Content> = {
  [Type in keyof Content]: Type extends `application/json${string}` ? Content[Type] : never;
}[keyof Content];

type RequestJson<Operation> = Operation extends { requestBody?: infer Body }
  ? [NonNullable<Body>] extends [never]
    ? never
    : NonNullable<Body> extends { content: { "application/json": infer Json } }
      ? object extends Pick<Operation, "requestBody"> // an optional body
        ? Json | undefined
        : Json
      : never
  : never;

type ResponseJson<Responses> = {
  [Status in keyof Responses & SuccessStatus]: Responses[Status] extends { content: infer Content }
    ? [JsonContent<Content>] extends [never]
      ? unknown
      : JsonContent<Content>
    : undefined;
}[keyof Responses & SuccessStatus];

type OperationRoute<Operation> = Operation extends { parameters: infer Parameters; responses: infer Responses }
  ? Route<
      Present<Parameters extends { path?: infer Path } ? Path : never>,
      Present<Parameters extends { query?: infer Query } ? Query : never>,
      RequestJson<Operation>,
      ResponseJson<Responses>
    >
  : never;

type RouteKeys<Paths> = {
  [Path in keyof Paths & string]: {
    [M in Method]: [NonNullable<Paths[Path][M & keyof Paths[Path]]>] extends [never]
      ? never
      : `${Uppercase<M>} ${Path}`;
  }[Method];
}[keyof Paths & string];

/** Every operation of an openapi-typescript `paths` interface, keyed `"METHOD /path/{param}"`. */
export type RoutesOf<Paths> = {
  [Key in RouteKeys<Paths>]: Key extends `${infer M} ${infer Path extends keyof Paths & string}`
    ? OperationRoute<Paths[Path][Lowercase<M> & keyof Paths[Path]]>
    : never;
};

export type MessagingRoutes = RoutesOf<MessagingPaths>;
export type AdminRoutes = RoutesOf<AdminPaths>;
export type MeetingRoutes = RoutesOf<MeetingPaths>;

/**
 * Every operation of the three specs. A route in more than one spec (`/people` in all three, `/events` in messaging
 * and admin, `/webhooks` in messaging and meeting, `/recordings` in admin and meeting) is taken from the first of
 * messaging, admin, meeting; in this version of the specs the copies differ only in their descriptions.
 */
export type WebexRoutes = MessagingRoutes &
  Omit<AdminRoutes, keyof MessagingRoutes> &
  Omit<MeetingRoutes, keyof MessagingRoutes | keyof AdminRoutes>;
