import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AjvModule from "ajv";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { call, qs, useEmulator } from "./helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const specDir = path.resolve(repoRoot, "../shared/reference/openapi");
const haveSpecs =
  existsSync(path.join(specDir, "webex-messaging.json")) && existsSync(path.join(specDir, "webex-admin.json"));

// ajv and ajv-formats are CommonJS; their default export sits on `.default` under ESM interop.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null type, `example` goes. */
function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapt);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples") continue;
    out[key] = adapt(value);
  }
  if (out.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  delete out.nullable;
  return out;
}

function loadSpec(file: string, id: string) {
  const spec = adapt(JSON.parse(readFileSync(path.join(specDir, file), "utf8"))) as {
    components: { schemas: Record<string, unknown> };
  };
  // Known artefact (openapi/README.md): real card attachments are {contentType, content}.
  spec.components.schemas.Attachment = {
    type: "object",
    required: ["contentType", "content"],
    properties: { contentType: { type: "string" }, content: { type: "object" } },
  };
  return { $id: id, components: spec.components };
}

const t = useEmulator();
let ajv: InstanceType<typeof Ajv>;

function check(spec: "messaging" | "admin", schema: string, body: unknown): void {
  const validate = ajv.getSchema(`${spec}#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${schema}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
}

describe("responses match the official OpenAPI schemas", () => {
  beforeAll(() => {
    if (!haveSpecs) return;
    ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(ajv);
    ajv.addSchema(loadSpec("webex-messaging.json", "messaging"));
    ajv.addSchema(loadSpec("webex-admin.json", "admin"));
  });

  it.skipIf(!haveSpecs)(
    `messaging resources (skipped when ${path.relative(repoRoot, specDir)} is absent)`,
    async () => {
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
      check(
        "messaging",
        "ListMessageCollectionResponse",
        (await t.user.get(`messages?${qs({ roomId: room.id })}`)).body,
      );
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
      const teamMembership = (
        await t.user.post("team/memberships", { teamId: team.id, personId: t.emu.people.admin.id })
      ).body;
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
    },
  );

  it.skipIf(!haveSpecs)(`admin resources (skipped when ${path.relative(repoRoot, specDir)} is absent)`, async () => {
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
