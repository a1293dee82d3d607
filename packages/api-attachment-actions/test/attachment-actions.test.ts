import { ApiError, Session, ValidationError } from "@wx/core";
import { createEmulator } from "@wx/emulator";
import type { AttachmentAction } from "@wx/models";
import { afterAll, beforeAll, expect, expectTypeOf, it } from "vitest";
import { AttachmentActionsApi } from "../src/index.js";

const card = {
  contentType: "application/vnd.microsoft.card.adaptive",
  content: {
    type: "AdaptiveCard",
    version: "1.3",
    body: [{ type: "Input.Text", id: "name" }],
    actions: [{ type: "Action.Submit", title: "Send" }],
  },
};

/** An emulator answering POST /attachment/actions with `status`, and a card message in a room of the user. */
async function setUp(status: 200 | 202) {
  const emu = await createEmulator({ port: 0, attachmentActionStatus: status });
  const session = new Session({ accessToken: emu.tokens.user, baseUrl: emu.url });
  const room = await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Poll" } });
  const message = await emu.act(emu.tokens.user).postMessage({ roomId: room.id, text: "card", attachments: [card] });
  return { emu, session, roomId: room.id, messageId: message.id as string, actions: new AttachmentActionsApi(session) };
}

let ctx: Awaited<ReturnType<typeof setUp>>;
beforeAll(async () => {
  ctx = await setUp(200);
});
afterAll(async () => {
  await ctx.session.close();
  await ctx.emu.close();
});

it("submits a card and reads the action back with its inputs", async () => {
  const action = await ctx.actions.create({ type: "submit", messageId: ctx.messageId, inputs: { name: "Ada" } });
  expect(action).toMatchObject({
    type: "submit",
    messageId: ctx.messageId,
    roomId: ctx.roomId,
    personId: ctx.emu.people.user.id,
    inputs: { name: "Ada" },
  });
  expect(await ctx.actions.get(action.id)).toEqual(action);
});

it("reads an action another person submitted", async () => {
  const admin = ctx.emu.people.admin.id;
  await ctx.session.request({ method: "POST", path: "memberships", json: { roomId: ctx.roomId, personId: admin } });
  const submitted = await ctx.emu.act(ctx.emu.tokens.admin).submitCard({ messageId: ctx.messageId, inputs: { n: 1 } });
  expect(await ctx.actions.get(submitted.id as string)).toMatchObject({
    id: submitted.id,
    personId: admin,
    inputs: { n: 1 },
  });
});

it("accepts the 202 the spec documents as well as the 200 the service sends", async () => {
  const spec = await setUp(202);
  try {
    const action = await spec.actions.create({ type: "submit", messageId: spec.messageId, inputs: { ok: true } });
    expect(action).toMatchObject({ messageId: spec.messageId, inputs: { ok: true } });
  } finally {
    await spec.session.close();
    await spec.emu.close();
  }
});

it("reports an unknown action or message as a 404 ApiError with the tracking id", async () => {
  const error = await ctx.actions.get("nope").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404 });
  expect((error as ApiError).trackingId).toBeTruthy();
  await expect(ctx.actions.create({ type: "submit", messageId: "gone", inputs: {} })).rejects.toMatchObject({
    status: 404,
  });
});

it("checks arguments before sending anything", async () => {
  const before = ctx.emu.requests.length;
  // @ts-expect-error inputs is required
  await expect(ctx.actions.create({ type: "submit", messageId: ctx.messageId })).rejects.toMatchObject({
    argument: "inputs",
  });
  // @ts-expect-error inputs is an object
  await expect(ctx.actions.create({ type: "submit", messageId: "m", inputs: [1] })).rejects.toBeInstanceOf(
    ValidationError,
  );
  // @ts-expect-error type is required
  await expect(ctx.actions.create({ messageId: "m", inputs: {} })).rejects.toMatchObject({ argument: "type" });
  // @ts-expect-error messageId is required
  await expect(ctx.actions.create({ type: "submit", inputs: {} })).rejects.toMatchObject({ argument: "messageId" });
  await expect(ctx.actions.get("")).rejects.toMatchObject({ argument: "id" });
  expect(ctx.emu.requests.length).toBe(before);
});

it("types results as attachment actions", () => {
  const check = (api: AttachmentActionsApi) => {
    // @ts-expect-error the only action type is submit
    void api.create({ type: "cancel", messageId: "m", inputs: {} });
  };
  expect(check).toBeTypeOf("function");
  expectTypeOf(ctx.actions.create).returns.resolves.toEqualTypeOf<AttachmentAction>();
  expectTypeOf(ctx.actions.get).returns.resolves.toEqualTypeOf<AttachmentAction>();
});
