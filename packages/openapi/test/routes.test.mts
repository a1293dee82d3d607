import { describe, expectTypeOf, it } from "vitest";
import type { AdminRoutes, MeetingRoutes, MessagingRoutes, WebexRoutes } from "../src/index.js";

// Checked by `pnpm typecheck` (tsc); at run time these are no-ops.
describe("the route map", () => {
  it("types a route's path parameters, query, body and response from the spec", () => {
    type MeetingInfo = WebexRoutes["GET /rooms/{roomId}/meetingInfo"];
    expectTypeOf<MeetingInfo["params"]>().toEqualTypeOf<{ roomId: string }>();
    expectTypeOf<MeetingInfo["body"]>().toBeNever();
    expectTypeOf<MeetingInfo["response"]>().toHaveProperty("meetingLink");

    type Invitees = WebexRoutes["GET /meetingInvitees"];
    expectTypeOf<Invitees["query"]>().toHaveProperty("meetingId").toEqualTypeOf<string>();
    expectTypeOf<Invitees["params"]>().toEqualTypeOf<object>();

    type CreateMeeting = WebexRoutes["POST /meetings"];
    expectTypeOf<CreateMeeting["body"]>().toHaveProperty("title");
  });

  it("carries the patched artefacts", () => {
    type Card = NonNullable<MessagingRoutes["POST /messages"]["response"]["attachments"]>[number];
    expectTypeOf<Card>().toEqualTypeOf<{ contentType: string; content: { [key: string]: unknown } }>();
    expectTypeOf<MessagingRoutes["GET /messages/{messageId}"]["response"]>().toHaveProperty("parentId");
    expectTypeOf<MessagingRoutes["POST /attachment/actions"]["response"]>().toHaveProperty("inputs");
    expectTypeOf<MeetingRoutes["PUT /admin/meeting/config/trackingCodes/{trackingCodeId}"]["params"]>().toEqualTypeOf<{
      trackingCodeId: string;
    }>();
  });

  it("takes a route defined by more than one spec from the first of messaging, admin, meeting", () => {
    expectTypeOf<WebexRoutes["GET /people"]>().toEqualTypeOf<MessagingRoutes["GET /people"]>();
    expectTypeOf<WebexRoutes["GET /recordings"]>().toEqualTypeOf<AdminRoutes["GET /recordings"]>();
    expectTypeOf<WebexRoutes["GET /meetings"]>().toEqualTypeOf<MeetingRoutes["GET /meetings"]>();
  });

  it("knows no route the specs do not define", () => {
    expectTypeOf<WebexRoutes>().not.toHaveProperty("GET /rooms/{roomId}/nothing");
    expectTypeOf<WebexRoutes>().not.toHaveProperty("PATCH /rooms/{roomId}");
  });
});
