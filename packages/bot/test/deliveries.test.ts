import { sign } from "@wx/sdk";
import { request } from "undici";
import { describe, expect, it } from "vitest";
import { mention, messagesIn, SECRET, useFixture } from "./helpers.js";

const t = await useFixture();

function deferred() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

async function post(url: string, body: string, signature: string) {
  const response = await request(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-spark-signature": signature },
  });
  return { status: response.statusCode, body: await response.body.text() };
}

describe("every delivery", () => {
  it("answers 401 to a wrong signature and hands nothing on", async () => {
    const seen: string[] = [];
    const { bot, url } = await t.startBot((bot) => bot.onMessage((ctx) => void seen.push(ctx.text)));
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "signed" });
    await t.settle(bot);
    const body = t.emu.deliveries[0]?.body as string;
    expect((await post(url, body, sign(body, "another secret"))).status).toBe(401);
    expect((await post(url, body, sign(body, SECRET))).status).toBe(200);
    await t.settle(bot);
    expect(seen).toEqual(["signed"]); // the correctly signed copy is a re-delivery
  });

  it("handles a delivery Webex sends twice once, even while the first is still being handled", async () => {
    const gate = deferred();
    const handled: string[] = [];
    const { bot, log } = await t.startBot((bot) =>
      bot.onMessage(async (ctx) => {
        handled.push(ctx.text);
        await gate.opened;
      }),
    );
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "once" });
    await t.emu.flushDeliveries();
    const first = t.emu.deliveries[0];
    if (!first) throw new Error("no delivery");
    expect((await t.emu.redeliver(first)).status).toBe(200);
    gate.open();
    await t.settle(bot);
    expect((await t.emu.redeliver(first)).status).toBe(200);
    await t.settle(bot);
    expect(handled).toEqual(["once"]);
    expect(log.lines.filter((line) => line.message.includes("a delivery seen before"))).toHaveLength(2);
  });

  it("handles deliveries in the order they arrive, each message answered in its own thread", async () => {
    const handled: string[] = [];
    const { bot } = await t.startBot((bot) =>
      bot.onMessage(async (ctx) => {
        handled.push(ctx.text);
        await ctx.reply(`re: ${ctx.text}`);
      }),
    );
    const room = await t.roomWithBot();
    const act = t.emu.act(t.emu.tokens.user);
    const held = t.emu.holdDeliveries();
    const first = await act.postMessage({ roomId: room.id, markdown: mention(t.emu, "first") });
    const second = await act.postMessage({ roomId: room.id, markdown: mention(t.emu, "second") });
    expect(held.deliveries).toHaveLength(2);
    await held.release({ reverse: true });
    await t.settle(bot);
    expect(handled).toEqual(["second", "first"]);
    const replies = (await messagesIn(t.user, room.id)).filter((m) => m.personId === t.emu.people.bot.id);
    expect(replies.map((m) => [m.markdown, m.parentId])).toEqual([
      ["re: second", second.id],
      ["re: first", first.id],
    ]);
  });

  it("skips a late message event whose message was deleted meanwhile, with a log line and no error", async () => {
    const handled: string[] = [];
    const { bot, log, errors } = await t.startBot((bot) => bot.onMessage((ctx) => void handled.push(ctx.text)));
    const act = t.emu.act(t.emu.tokens.user);
    const held = t.emu.holdDeliveries();
    const doomed = await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "soon gone" });
    held.stop();
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "on time" });
    await t.settle(bot);
    await t.user.messages.delete(doomed.id as string);
    await held.release();
    await t.settle(bot);
    expect(handled).toEqual(["on time"]);
    expect(errors).toEqual([]);
    expect(log.has("warn", "the message is gone")).toBe(true);
  });

  it("takes the bot's joins and leaves delivered out of order for what they are now", async () => {
    const joined: string[] = [];
    const left: string[] = [];
    const { bot, log } = await t.startBot((bot) => {
      bot.onJoin((ctx) => void joined.push(ctx.roomId));
      bot.onLeave((ctx) => void left.push(ctx.roomId));
    });
    const room = await t.user.rooms.create({ title: "Short stay" });
    const held = t.emu.holdDeliveries();
    const membership = await t.user.memberships.create({ roomId: room.id, personId: t.emu.people.bot.id });
    await t.user.memberships.delete(membership.id);
    await held.release({ reverse: true });
    await t.settle(bot);
    expect(left).toEqual([room.id]);
    expect(joined).toEqual([]); // it arrived after the leave: the bot is not in the room
    expect(log.has("info", "added to a room it has left since")).toBe(true);

    // and in order, a join is a join
    await t.user.memberships.create({ roomId: room.id, personId: t.emu.people.bot.id });
    await t.settle(bot);
    expect(joined).toEqual([room.id]);
  });
});

describe("load", () => {
  it("handles at most `concurrency` events at once and one room's events one after another, in order", async () => {
    const concurrency = 2;
    const inFlight = new Map<string, number>();
    let running = 0;
    let most = 0;
    const twoRunning = deferred();
    const order = new Map<string, string[]>();
    const { bot, errors, log } = await t.startBot(
      (bot) =>
        bot.onMessage(async (ctx) => {
          expect(inFlight.get(ctx.roomId) ?? 0).toBe(0);
          inFlight.set(ctx.roomId, 1);
          running++;
          most = Math.max(most, running);
          if (running === concurrency) twoRunning.open();
          await twoRunning.opened; // only opens if two rooms' events really run at the same time
          await ctx.room();
          order.set(ctx.roomId, [...(order.get(ctx.roomId) ?? []), ctx.text]);
          running--;
          inFlight.set(ctx.roomId, 0);
        }),
      { concurrency },
    );
    const senders = [1, 2, 3].map((i) => t.emu.addPerson({ displayName: `Sender ${i}` }));
    for (const n of [1, 2, 3, 4]) {
      for (const sender of senders) {
        await t.emu.act(sender.token).postMessage({ toPersonId: t.emu.people.bot.id, text: `${n}` });
      }
    }
    await t.settle(bot);
    expect(errors).toEqual([]);
    expect(log.has("debug", "locked by another bot process")).toBe(false); // its own queue kept the rooms apart
    expect(most).toBe(concurrency);
    expect([...order.values()]).toEqual([
      ["1", "2", "3", "4"],
      ["1", "2", "3", "4"],
      ["1", "2", "3", "4"],
    ]);
  });

  it("never runs two events of one room at once, even with concurrency to spare", async () => {
    const gate = deferred();
    let running = 0;
    let most = 0;
    const order = new Map<string, string[]>();
    const { bot, errors, log } = await t.startBot(
      (bot) =>
        bot.onMessage(async (ctx) => {
          running++;
          most = Math.max(most, running);
          await gate.opened;
          order.set(ctx.roomId, [...(order.get(ctx.roomId) ?? []), ctx.text]);
          running--;
        }),
      { concurrency: 8 },
    );
    const senders = [1, 2, 3].map((i) => t.emu.addPerson({ displayName: `Sender ${i}` }));
    for (const n of [1, 2, 3]) {
      for (const sender of senders) {
        await t.emu.act(sender.token).postMessage({ toPersonId: t.emu.people.bot.id, text: `${n}` });
      }
    }
    await t.emu.flushDeliveries(); // all nine are in: three running (one per room), six waiting behind them
    gate.open();
    await t.settle(bot);
    expect(errors).toEqual([]);
    expect(most).toBe(3);
    expect(log.has("debug", "locked by another bot process")).toBe(false);
    expect([...order.values()]).toEqual([
      ["1", "2", "3"],
      ["1", "2", "3"],
      ["1", "2", "3"],
    ]);
  });

  it("answers 503 once the queue is full (Webex delivers again later), says so once, and takes deliveries again", async () => {
    const gate = deferred();
    const handled: string[] = [];
    const { bot, log } = await t.startBot(
      (bot) =>
        bot.onMessage(async (ctx) => {
          handled.push(ctx.text);
          await gate.opened;
        }),
      { concurrency: 1, maxQueuedEvents: 1 },
    );
    const act = t.emu.act(t.emu.tokens.user);
    const senders = [1, 2, 3].map((i) => t.emu.addPerson({ displayName: `Sender ${i}` }));
    for (const sender of senders)
      await t.emu.act(sender.token).postMessage({ toPersonId: t.emu.people.bot.id, text: sender.person.displayName });
    await t.emu.flushDeliveries();
    // one running (held at the gate), one waiting, the third refused
    expect(t.emu.deliveries.map((d) => d.status)).toEqual([200, 200, 503]);
    expect(log.lines.filter((line) => line.message.includes("queue is full"))).toHaveLength(1);
    gate.open();
    await bot.idle();
    const refused = t.emu.deliveries[2];
    if (!refused) throw new Error("no third delivery");
    expect((await t.emu.redeliver(refused)).status).toBe(200); // as Webex's retry would
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "later" });
    await t.settle(bot);
    expect(handled).toEqual(["Sender 1", "Sender 2", "Sender 3", "later"]);
    expect(log.has("warn", "1 deliveries were answered 503 meanwhile")).toBe(true);
  });
});
