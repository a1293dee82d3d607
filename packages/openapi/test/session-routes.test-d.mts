import type { Paginated, Session } from "@wx/core";
import { expectTypeOf } from "vitest";
import type { MeetingComponents, MessagingComponents, WebexRoutes } from "../src/index.js";

// Type tests of route strings with the real route map on the built @wx/core, registered as a user does; checked by
// `pnpm typecheck` (tsc), not run by vitest.
declare module "@wx/core" {
  interface Routes extends WebexRoutes {}
}

type Invitee = MeetingComponents["schemas"]["GetInviteeObject"];
type Membership = MessagingComponents["schemas"]["Membership"];

export function typesParamsQueryBodyAndResponse(session: Session, roomId: string, meetingId: string): void {
  expectTypeOf(session.request("GET /rooms/{roomId}/meetingInfo", { roomId }))
    .resolves.toHaveProperty("meetingLink")
    .toEqualTypeOf<string | undefined>();
  expectTypeOf(
    session.request("POST /meetings", {
      body: { title: "t", start: "2026-12-01T09:00:00Z", end: "2026-12-01T10:00Z" },
    }),
  )
    .resolves.toHaveProperty("id")
    .toEqualTypeOf<string>();
  expectTypeOf(session.paginate("GET /meetingInvitees", { meetingId })).toEqualTypeOf<Paginated<Invitee>>();
  expectTypeOf(session.paginate("GET /memberships", { roomId, max: 100 })).toEqualTypeOf<Paginated<Membership>>();
  expectTypeOf(session.request("DELETE /rooms/{roomId}", { roomId })).resolves.toBeUndefined();
  // A number-typed path parameter of the spec (sessionTypeId) takes a number.
  void session.request("GET /meetings/sessionTypes/{sessionTypeId}", { sessionTypeId: 3 });
}

export function refusesWhatTheSpecDoesNotAllow(session: Session, roomId: string, meetingId: string): void {
  // @ts-expect-error roomID is not the template's parameter
  void session.request("GET /rooms/{roomId}/meetingInfo", { roomID: roomId });
  // @ts-expect-error roomId is required
  void session.request("GET /rooms/{roomId}/meetingInfo", {});
  // @ts-expect-error a meeting needs a title, start and end
  void session.request("POST /meetings", { body: { title: "t" } });
  // @ts-expect-error title is a string
  void session.request("POST /meetings", { body: { title: 1, start: "s", end: "e" } });
  // @ts-expect-error meetingId is a required query parameter of GET /meetingInvitees
  void session.paginate("GET /meetingInvitees", {});
  // @ts-expect-error no such query parameter
  void session.paginate("GET /meetingInvitees", { meetingId, meetingID: meetingId });
  // @ts-expect-error GET /rooms/{roomId} is no list
  void session.paginate("GET /rooms/{roomId}", { roomId });
  // @ts-expect-error the spec has no PATCH /rooms/{roomId}
  void session.request("PATCH /rooms/{roomId}", { roomId });
}
