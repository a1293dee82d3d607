import type {
  AttachmentAction,
  Membership,
  MembershipWebhookEvent,
  Message,
  MessageWebhookEvent,
  Person,
  Room,
  RoomWebhookEvent,
} from "@wx/sdk";
import { adaptiveCard, choice, inputChoiceSet, inputText, submit } from "@wx/sdk";
import { describe, expectTypeOf, it } from "vitest";
import { type AnyContext, Bot, type Delivered } from "../src/index.js";

// Checked by `tsc` (the package's typecheck includes test/); at run time the handlers are only registered.
const bot = new Bot<{ room: { votes: Record<string, string> }; person: { visits: number } }>({
  client: { accessToken: "token", baseUrl: "http://127.0.0.1:1/v1/" },
  secret: "secret",
});

describe("every handler gets what its trigger promises", () => {
  it("hears and command: the fetched message, the text, the match or the arguments", () => {
    bot.hears(/^deploy (\w+)$/i, (ctx) => {
      expectTypeOf(ctx.type).toEqualTypeOf<"messages:created">();
      expectTypeOf(ctx.event).toEqualTypeOf<Delivered<MessageWebhookEvent<"created">>>();
      expectTypeOf(ctx.message).toEqualTypeOf<Message>();
      expectTypeOf(ctx.text).toEqualTypeOf<string>();
      expectTypeOf(ctx.match).toEqualTypeOf<RegExpExecArray>();
      expectTypeOf(ctx.reply).returns.toEqualTypeOf<Promise<Message>>();
      expectTypeOf(ctx.room).returns.toEqualTypeOf<Promise<Room>>();
      expectTypeOf(ctx.person).returns.toEqualTypeOf<Promise<Person>>();
      expectTypeOf(ctx.me).toEqualTypeOf<Person>();
      // @ts-expect-error a hears handler has no command arguments
      void ctx.args;
    });
    bot.command("poll", (ctx) => {
      expectTypeOf(ctx.args).toEqualTypeOf<string[]>();
      expectTypeOf(ctx.command).toEqualTypeOf<string>();
      // @ts-expect-error a command handler has no match
      void ctx.match;
    });
  });

  it("onCardSubmit: inputs typed from the card", () => {
    const poll = adaptiveCard({
      body: [
        inputChoiceSet({ id: "vote", isRequired: true, choices: [choice("Tacos", "tacos"), choice("Ramen", "ramen")] }),
        inputText({ id: "note" }),
      ],
      actions: [submit({ title: "Vote", data: { poll: "lunch" } })],
    });
    bot.onCardSubmit(poll, (ctx) => {
      expectTypeOf(ctx.inputs).toEqualTypeOf<{ vote: "tacos" | "ramen"; note?: string; poll: "lunch" }>();
      expectTypeOf(ctx.action).toEqualTypeOf<AttachmentAction>();
      expectTypeOf(ctx.cardMessage).toEqualTypeOf<Message>();
      expectTypeOf(ctx.type).toEqualTypeOf<"attachmentActions:created">();
      // @ts-expect-error a card submission has no message text
      void ctx.text;
    });
  });

  it("memberships, rooms and bot.on(resource, event)", () => {
    bot.onJoin((ctx) => {
      expectTypeOf(ctx.type).toEqualTypeOf<"memberships:created">();
      expectTypeOf(ctx.membership).toEqualTypeOf<Membership>();
      expectTypeOf(ctx.event).toEqualTypeOf<Delivered<MembershipWebhookEvent<"created">>>();
    });
    bot.onLeave((ctx) => expectTypeOf(ctx.type).toEqualTypeOf<"memberships:deleted">());
    bot.onMembership((ctx) =>
      expectTypeOf(ctx.type).toEqualTypeOf<"memberships:created" | "memberships:updated" | "memberships:deleted">(),
    );
    bot.on("rooms", "updated", (ctx) => {
      expectTypeOf(ctx.event).toEqualTypeOf<Delivered<RoomWebhookEvent<"updated">>>();
      // @ts-expect-error a rooms event has no message
      void ctx.message;
    });
    bot.on("messages", "updated", (ctx) => expectTypeOf(ctx.message).toEqualTypeOf<Message>());
    bot.on("messages", "deleted", (ctx) => {
      // @ts-expect-error a deleted message is not fetched
      void ctx.message;
    });
    bot.on("messages", "all", (ctx) =>
      expectTypeOf(ctx.type).toEqualTypeOf<"messages:created" | "messages:updated" | "messages:deleted">(),
    );
    // @ts-expect-error rooms have no "deleted" event
    bot.on("rooms", "deleted", () => {});
  });

  it("middleware narrows with ctx.type; state is typed by the Bot's type parameter", () => {
    bot.use(async (ctx, next) => {
      expectTypeOf(ctx).toEqualTypeOf<
        AnyContext<{ room: { votes: Record<string, string> }; person: { visits: number } }>
      >();
      if (ctx.type === "messages:created") expectTypeOf(ctx.text).toEqualTypeOf<string>();
      expectTypeOf(ctx.state.room.get("votes")).toEqualTypeOf<Promise<Record<string, string> | undefined>>();
      expectTypeOf(ctx.state.person.update("visits", (n = 0) => n + 1)).toEqualTypeOf<Promise<number>>();
      // @ts-expect-error not a key of the room's state
      void ctx.state.room.get("nope");
      await next();
    });
    bot.onError((error, ctx) => {
      expectTypeOf(error).toBeUnknown();
      expectTypeOf(ctx.roomId).toEqualTypeOf<string>();
    });
    const untyped = new Bot({ client: { accessToken: "t" }, secret: "s" });
    untyped.onMessage((ctx) => expectTypeOf(ctx.state.room.get("anything")).toEqualTypeOf<Promise<unknown>>());
  });
});
