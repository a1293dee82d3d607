import { describe, it } from "vitest";
import { call, qs, useEmulator } from "./helpers.js";
import { checkSchema } from "./spec.js";

const t = useEmulator();
const check = checkSchema;

describe("responses match the official OpenAPI schemas", () => {
  it("messaging resources", async () => {
    check("messaging", "Person", (await t.user.get("people/me")).body);
    check("messaging", "PersonCollectionResponse", (await t.admin.get("people")).body);
    const room = (await t.user.post("rooms", { title: "Schema", description: "d", isPublic: true })).body;
    check("messaging", "Room", room);
    check("messaging", "RoomCollectionResponse", (await t.user.get("rooms")).body);
    check("messaging", "RoomMeetingDetails", (await t.user.get(`rooms/${room.id}/meetingInfo`)).body);
    const membership = (await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.bot.id })).body;
    check("messaging", "Membership", membership);
    check(
      "messaging",
      "MembershipCollectionResponse",
      (await t.user.get(`memberships?${qs({ roomId: room.id })}`)).body,
    );
    const card = {
      contentType: "application/vnd.microsoft.card.adaptive",
      content: { type: "AdaptiveCard", body: [] },
    };
    const markdown = `**hi** <@personId:${t.emu.people.bot.id}|Bot> <@all>`;
    const message = (await t.user.post("messages", { roomId: room.id, markdown, attachments: [card] })).body;
    check("messaging", "Message", message);
    check("messaging", "ListMessage", (await t.user.get(`messages/${message.id}`)).body);
    check("messaging", "ListMessageCollectionResponse", (await t.user.get(`messages?${qs({ roomId: room.id })}`)).body);
    await t.user.post("messages", {
      toPersonId: t.emu.people.admin.id,
      text: "dm",
      files: ["https://example.com/a.png"],
    });
    check(
      "messaging",
      "DirectMessageCollectionResponse",
      (await t.user.get(`messages/direct?${qs({ personId: t.emu.people.admin.id })}`)).body,
    );
    const team = (await t.user.post("teams", { name: "Team", description: "about" })).body;
    check("messaging", "Team", team);
    check("messaging", "TeamCollectionResponse", (await t.user.get("teams")).body);
    const teamMembership = (await t.user.post("team/memberships", { teamId: team.id, personId: t.emu.people.admin.id }))
      .body;
    check("messaging", "TeamMembership", teamMembership);
    check(
      "messaging",
      "TeamMembershipCollectionResponse",
      (await t.user.get(`team/memberships?${qs({ teamId: team.id })}`)).body,
    );
    const webhook = (
      await t.user.post("webhooks", {
        name: "w",
        targetUrl: "http://127.0.0.1:9/",
        resource: "messages",
        event: "created",
        secret: "s",
      })
    ).body;
    check("messaging", "Webhook", webhook);
    check("messaging", "WebhookCollectionResponse", (await t.user.get("webhooks")).body);
    const action = await call(`${t.emu.url}attachment/actions`, {
      method: "POST",
      token: t.emu.tokens.bot,
      json: { type: "submit", messageId: message.id, inputs: { a: "1" } },
    });
    check("messaging", "AttachmentActivity", action.body);
    check("messaging", "AttachmentActivity", (await t.bot.get(`attachment/actions/${action.body.id}`)).body);
    const events = (await t.admin.get("events")).body;
    check("messaging", "EventCollectionResponse", events);
    await t.emu.flushDeliveries();
  });

  it("admin resources", async () => {
    await t.admin.post("people", { emails: ["schema@example.com"], displayName: "Schema Person" });
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    check(
      "admin",
      "AuditEventCollectionResponse",
      (await t.admin.get(`adminAudit/events?${qs({ orgId: t.emu.org.id, from, to })}`)).body,
    );
    const licenses = (await t.admin.get("licenses")).body;
    check("admin", "LicenseCollectionResponse", licenses);
    check(
      "admin",
      "LicensewithUsers",
      (await t.admin.get(`licenses/${licenses.items[0].id}?includeAssignedTo=user`)).body,
    );
    check("admin", "OrganizationCollectionResponse", (await t.admin.get("organizations")).body);
    check("admin", "Organization", (await t.admin.get(`organizations/${t.emu.org.id}`)).body);
    const roles = (await t.admin.get("roles")).body;
    check("admin", "RoleCollectionResponse", roles);
    check("admin", "Role", (await t.admin.get(`roles/${roles.items[0].id}`)).body);
    check("admin", "Person", (await t.admin.get(`people/${t.emu.people.user.id}`)).body);
  });
});
