import { expectTypeOf } from "vitest";
import type { Paginated, Session } from "../src/index.js";
import type { Room } from "./fixture-routes.js";

// Type tests of route strings on Session, checked by `pnpm typecheck` (tsc); vitest does not run this file.

/** types the response from the route */
export function typesTheResponseFromTheRoute(session: Session): void {
  expectTypeOf(session.request("GET /rooms/{roomId}", { roomId: "r" })).toEqualTypeOf<Promise<Room>>();
  expectTypeOf(session.request("POST /rooms", { body: { title: "t" } })).toEqualTypeOf<Promise<Room>>();
  expectTypeOf(session.request("GET /people/me")).toEqualTypeOf<Promise<{ id: string }>>();
  expectTypeOf(session.requestRaw("GET /people/me")).resolves.toHaveProperty("body").toEqualTypeOf<{
    id: string;
  }>();
}

/** refuses a wrong parameter name, a missing required one, and a body of the wrong shape */
export function refusesWrongNamesMissingParametersAndBadBodies(session: Session): void {
  // @ts-expect-error roomID is not the template's parameter
  void session.request("GET /rooms/{roomId}", { roomID: "r" });
  // @ts-expect-error the path parameter is required
  void session.request("GET /rooms/{roomId}", {});
  // @ts-expect-error ... and so is the input holding it
  void session.request("GET /rooms/{roomId}");
  // @ts-expect-error title is a string
  void session.request("POST /rooms", { body: { title: 1 } });
  // @ts-expect-error the body is required
  void session.request("PUT /rooms/{roomId}", { roomId: "r" });
  // @ts-expect-error GET /people/me takes no input
  void session.request("GET /people/me", { me: true });
  // @ts-expect-error GET takes no body
  void session.request("GET /rooms/{roomId}", { roomId: "r", body: {} });
  // @ts-expect-error no such route
  void session.request("GET /rooms/{roomId}/nothing", { roomId: "r" });
  // @ts-expect-error an unknown query parameter
  void session.request("GET /rooms", { teamID: "t" });
}

/** takes an optional body, call options, and the query beside the path parameters */
export function takesOptionalBodiesCallOptionsAndTheQuery(session: Session): void {
  expectTypeOf(session.request("POST /people/{personId}/notes", { personId: "p" })).toEqualTypeOf<Promise<undefined>>();
  void session.request("GET /rooms", { teamId: "t", max: 10 }, { timeoutMs: 5_000, expectedStatus: 200 });
  void session.request("GET /rooms");
}

/** paginates list routes, typing the items */
export function paginatesListRoutesTypingTheItems(session: Session): void {
  expectTypeOf(session.paginate("GET /meetingInvitees", { meetingId: "m" })).toEqualTypeOf<
    Paginated<{ email: string }>
  >();
  expectTypeOf(session.paginate("GET /rooms", {}, { maxPageSize: 100 })).toEqualTypeOf<Paginated<Room>>();
  // @ts-expect-error meetingId is required
  void session.paginate("GET /meetingInvitees", {});
  // @ts-expect-error not a list
  void session.paginate("GET /rooms/{roomId}", { roomId: "r" });
  // @ts-expect-error not a GET
  void session.paginate("POST /rooms", { body: { title: "t" } });
}

/** keeps the object form of request and the path form of paginate */
export function keepsTheObjectFormAndThePathForm(session: Session): void {
  expectTypeOf(session.request<Room>({ path: "rooms/r" })).toEqualTypeOf<Promise<Room>>();
  expectTypeOf(session.request({ method: "POST", path: "rooms", json: {} })).toEqualTypeOf<Promise<unknown>>();
  expectTypeOf(session.paginate<Room>("rooms", { max: 10 })).toEqualTypeOf<Paginated<Room>>();
  expectTypeOf(session.paginate("rooms")).toEqualTypeOf<Paginated<Record<string, unknown>>>();
}
