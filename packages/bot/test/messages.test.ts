import { describe, expect, it } from "vitest";
import { mention, messagesIn, useFixture } from "./helpers.js";

const t = await useFixture();

describe("messages", () => {
  it("hears a whole word in any case, strips the mention, and replies in the message's thread", async () => {
    const heard: string[] = [];
    const { bot } = await t.startBot((bot) =>
      bot.hears("hello", async (ctx) => {
        heard.push(ctx.text);
        await ctx.reply("hi");
      }),
    );
    const room = await t.roomWithBot();
    const act = t.emu.act(t.emu.tokens.user);
    const greeting = await act.postMessage({ roomId: room.id, markdown: mention(t.emu, "HELLO there") });
    await act.postMessage({ roomId: room.id, markdown: mention(t.emu, "othello is a play") });
    await t.settle(bot);

    expect(heard).toEqual(["HELLO there"]);
    const replies = (await messagesIn(t.user, room.id)).filter((m) => m.personId === t.emu.people.bot.id);
    expect(replies.map((m) => [m.markdown, m.parentId])).toEqual([["hi", greeting.id]]);
  });

  it("replies to a message inside a thread in that thread, under its first message", async () => {
    const { bot } = await t.startBot((bot) => bot.hears("status", (ctx) => ctx.reply("all green")));
    const room = await t.roomWithBot();
    const act = t.emu.act(t.emu.tokens.user);
    const root = await act.postMessage({ roomId: room.id, text: "release thread" });
    await act.postMessage({ roomId: room.id, parentId: root.id as string, markdown: mention(t.emu, "status?") });
    await t.settle(bot);
    const replies = (await messagesIn(t.user, room.id)).filter((m) => m.personId === t.emu.people.bot.id);
    expect(replies.map((m) => [m.markdown, m.parentId])).toEqual([["all green", root.id]]);
  });

  it("matches a RegExp with its groups, even one with the g flag, on every message", async () => {
    const deployed: string[] = [];
    const { bot } = await t.startBot((bot) =>
      bot.hears(/^deploy (\w+)$/gi, async (ctx) => {
        deployed.push(ctx.match[1] as string);
        await ctx.say(`deploying ${ctx.match[1]}`);
      }),
    );
    const room = await t.roomWithBot();
    const act = t.emu.act(t.emu.tokens.user);
    for (const target of ["web", "web", "api"]) {
      await act.postMessage({ roomId: room.id, markdown: mention(t.emu, `deploy ${target}`) });
    }
    await t.settle(bot);
    expect(deployed).toEqual(["web", "web", "api"]);
    const said = (await messagesIn(t.user, room.id)).filter((m) => m.personId === t.emu.people.bot.id);
    expect(said.map((m) => [m.markdown, m.parentId])).toEqual([
      ["deploying web", undefined],
      ["deploying web", undefined],
      ["deploying api", undefined],
    ]);
  });

  it("strips a mention the user shortened, and leaves other people's mentions in the text", async () => {
    const texts: string[] = [];
    const { bot } = await t.startBot((bot) => bot.onMessage((ctx) => void texts.push(ctx.text)));
    const room = await t.roomWithBot();
    await t.user.memberships.create({ roomId: room.id, personId: t.emu.people.admin.id });
    const admin = `<@personId:${t.emu.people.admin.id}|${t.emu.people.admin.displayName}>`;
    await t.emu
      .act(t.emu.tokens.user)
      .postMessage({ roomId: room.id, markdown: `${mention(t.emu, "", "Botty")}, ping ${admin} please` });
    await t.settle(bot);
    expect(texts).toEqual([`ping ${t.emu.people.admin.displayName} please`]);
  });

  it("reads commands with quoted arguments, in direct rooms too, and answers the rest with fallback", async () => {
    const calls: unknown[] = [];
    const { bot } = await t.startBot((bot) => {
      bot.command("poll", (ctx) => void calls.push({ command: ctx.command, args: ctx.args, argsText: ctx.argsText }));
      bot.hears("help", () => void calls.push("help"));
      bot.fallback((ctx) => void calls.push(`fallback: ${ctx.text}`));
    });
    const act = t.emu.act(t.emu.tokens.user);
    const toBot = { toPersonId: t.emu.people.bot.id };
    for (const text of ['/Poll "Where to eat?" Tacos Ramen', "help me", "what?"]) {
      await act.postMessage({ ...toBot, text });
      await t.settle(bot);
    }
    expect(calls).toEqual([
      { command: "poll", args: ["Where to eat?", "Tacos", "Ramen"], argsText: '"Where to eat?" Tacos Ramen' },
      "help",
      "fallback: what?",
    ]);
  });

  it("never hands the bot its own messages", async () => {
    const seen: string[] = [];
    const { bot } = await t.startBot((bot) => {
      bot.onMessage(async (ctx) => {
        seen.push(ctx.text);
        await ctx.say("echo"); // in a direct room the bot hears its own messages too
      });
    });
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "one" });
    await t.settle(bot);
    expect(seen).toEqual(["one"]);
    const own = t.emu.deliveries.filter((d) => JSON.parse(d.body).data.personId === t.emu.people.bot.id);
    expect(own.length).toBe(1); // it was delivered, and skipped
  });

  it("runs middleware in order around the handlers; one that does not call next() stops the event", async () => {
    const order: string[] = [];
    const { bot } = await t.startBot((bot) => {
      bot.use(async (ctx, next) => {
        order.push(`1 before ${ctx.type}`);
        await next();
        order.push("1 after");
      });
      bot.use(async (ctx, next) => {
        if (ctx.type === "messages:created" && ctx.text === "secret") return order.push("2 stopped");
        order.push("2");
        await next();
      });
      bot.onMessage((ctx) => void order.push(`handler ${ctx.text}`));
    });
    const act = t.emu.act(t.emu.tokens.user);
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "open" });
    await t.settle(bot);
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "secret" });
    await t.settle(bot);
    expect(order).toEqual([
      "1 before messages:created",
      "2",
      "handler open",
      "1 after",
      "1 before messages:created",
      "2 stopped",
      "1 after",
    ]);
  });

  it("hands a throwing handler's error to onError with its context, and goes on with the next handler", async () => {
    const later: string[] = [];
    const failures: string[] = [];
    const { bot, errors } = await t.startBot((bot) => {
      bot.hears("boom", () => {
        throw new Error("handler broke");
      });
      bot.onMessage((ctx) => void later.push(ctx.text));
      bot.onError((error, ctx) => void failures.push(`${(error as Error).message} in ${ctx.type}`));
    });
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "boom" });
    await t.settle(bot);
    expect(failures).toEqual(["handler broke in messages:created"]);
    expect(errors).toHaveLength(1);
    expect(later).toEqual(["boom"]);
  });

  it("logs a failure when no onError is registered, and keeps serving", async () => {
    const texts: string[] = [];
    const { bot, log } = await t.startBot(
      (bot) => {
        bot.hears("boom", () => Promise.reject(new Error("async handler broke")));
        bot.onMessage((ctx) => void texts.push(ctx.text));
      },
      { onError: false },
    );
    const act = t.emu.act(t.emu.tokens.user);
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "boom" });
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "still there?" });
    await t.settle(bot);
    expect(log.has("error", "handling messages:created failed: async handler broke")).toBe(true);
    expect(texts).toEqual(["boom", "still there?"]);
  });
});
