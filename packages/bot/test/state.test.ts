import { request } from "undici";
import { describe, expect, it } from "vitest";
import { Bot, memoryStore } from "../src/index.js";
import { SECRET, serve, useFixture } from "./helpers.js";

const t = await useFixture();

interface Counters {
  room: { count: number };
  person: { said: string[] };
}

describe("state", () => {
  it("keeps state per room and per person in the store", async () => {
    const { bot, errors } = await t.startBot<Counters>((bot) =>
      bot.onMessage(async (ctx) => {
        const count = await ctx.state.room.update("count", (n = 0) => n + 1);
        const said = await ctx.state.person.update("said", (list = []) => [...list, ctx.text]);
        await ctx.say(`${count} in this room; you said ${said.join(", ")}`);
      }),
    );
    const ada = t.emu.addPerson({ displayName: "Ada" });
    const grace = t.emu.addPerson({ displayName: "Grace" });
    for (const [sender, text] of [
      [ada, "a1"],
      [ada, "a2"],
      [grace, "g1"],
    ] as const) {
      await t.emu.act(sender.token).postMessage({ toPersonId: t.emu.people.bot.id, text });
      await t.settle(bot);
    }
    expect(errors).toEqual([]);
    const replies = (await bot.client.messages.listDirect({ personId: ada.person.id }).toArray())
      .filter((m) => m.personId === t.emu.people.bot.id)
      .map((m) => m.markdown);
    expect(replies.sort()).toEqual(["1 in this room; you said a1", "2 in this room; you said a1, a2"]);
    const graceReplies = (await bot.client.messages.listDirect({ personId: grace.person.id }).toArray())
      .filter((m) => m.personId === t.emu.people.bot.id)
      .map((m) => m.markdown);
    expect(graceReplies).toEqual(["1 in this room; you said g1"]);
  });
});

describe("two bot processes sharing one store", () => {
  it("handle a delivery once between them, and one room's events one at a time", async () => {
    const store = memoryStore();
    const events: string[] = [];
    const firstStarted = deferred();
    const releaseFirst = deferred();
    const bWaits = deferred();
    const makeBot = (name: string, onDebug: (message: string) => void = () => {}) => {
      const bot = new Bot({
        client: { accessToken: t.emu.tokens.bot, baseUrl: t.emu.url },
        secret: SECRET,
        store,
        logger: { debug: onDebug },
      });
      bot.onMessage(async (ctx) => {
        events.push(`${name} start ${ctx.text}`);
        if (ctx.text === "first") {
          firstStarted.open();
          await releaseFirst.opened;
        }
        events.push(`${name} end ${ctx.text}`);
      });
      return bot;
    };
    const a = makeBot("A");
    const b = makeBot("B", (message) => message.includes("locked by another bot process") && bWaits.open());
    const serverA = await serve(a.handler);
    const serverB = await serve(b.handler);
    await Promise.all([a.start(), b.start()]);
    await b.client.webhooks.create({
      name: "to A",
      targetUrl: serverA.url,
      resource: "messages",
      event: "created",
      secret: SECRET,
    });
    const act = t.emu.act(t.emu.tokens.user);
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "first" });
    await firstStarted.opened;
    // the room's next event reaches the other process (the load balancer's choice)
    const held = t.emu.holdDeliveries();
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "second" });
    held.stop();
    const [second] = held.deliveries;
    if (!second) throw new Error("no delivery held");
    expect((await forward(serverB.url, second)).status).toBe(200);
    await bWaits.opened;
    releaseFirst.open();
    await Promise.all([a.idle(), b.idle()]);
    // Webex retries the first delivery, and this time it reaches B
    const [first] = t.emu.deliveries;
    if (!first) throw new Error("no first delivery");
    expect((await forward(serverB.url, first)).status).toBe(200);
    await b.idle();
    expect(events).toEqual(["A start first", "A end first", "B start second", "B end second"]);
    await Promise.all([a.stop(), b.stop()]);
    await Promise.all([serverA.close(), serverB.close()]);
  });

  it("renew a room's lock while a handler runs past its lease, so the other process cannot take the room", async () => {
    const time = { now: 1_000 };
    const store = memoryStore({ now: () => time.now });
    const renewals: boolean[] = [];
    // The same store, telling the test each time the bot renews a lock.
    const watched: typeof store = {
      ...store,
      async lock(key, leaseMs) {
        const lock = await store.lock(key, leaseMs);
        if (lock === undefined) return undefined;
        return {
          release: () => lock.release(),
          extend: async (ms: number) => {
            const renewed = (await lock.extend?.(ms)) ?? false;
            renewals.push(renewed);
            return renewed;
          },
        };
      },
    };
    const started = deferred();
    const finish = deferred();
    let roomId = "";
    const { bot } = await t.startBot(
      (bot) => {
        bot.onMessage(async (ctx) => {
          roomId = ctx.roomId;
          started.open();
          await finish.opened;
        });
      },
      { store: watched, roomLockLeaseMs: 90 },
    );
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "a long one" });
    await started.opened;
    const key = `wx-bot:${t.emu.people.bot.id}:lock:room:${roomId}`;
    for (let step = 0; step < 4; step++) {
      time.now += 60; // 240 ms of the store's clock in all, against a 90 ms lease: only renewals keep the room
      const seen = renewals.length;
      for (let round = 0; round < 500 && renewals.length === seen; round++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(renewals.at(-1)).toBe(true);
      expect(await store.lock(key, 1_000)).toBeUndefined();
    }
    finish.open();
    await t.settle(bot);
    expect(await store.lock(key, 1_000)).toBeDefined(); // released when the handler ended
  });
});

/** Posts a delivery's exact bytes and headers somewhere else, as a load balancer would. */
async function forward(url: string, delivery: { body: string; headers: Record<string, string> }) {
  const response = await request(url, { method: "POST", body: delivery.body, headers: delivery.headers });
  await response.body.dump();
  return { status: response.statusCode };
}

function deferred() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}
