import { createEmulator, type Emulator } from "@wx/emulator";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bot, type Fleet, mention, roomWithBot, startFleet } from "./fleet/fleet.js";
import { POLL_CARD } from "./fleet/poll-card.js";
import { type FleetReport, JOURNAL_KEY, type JournalLine } from "./fleet/protocol.js";
import { hasRedisServer, NEEDS_REDIS, useRedisServer } from "./redis-server.js";

const PREFIX = "fleet-test:";

type Kind<K extends FleetReport["kind"]> = Extract<FleetReport, { kind: K }>;
const ofKind =
  <K extends FleetReport["kind"]>(kind: K) =>
  (report: FleetReport): report is Kind<K> =>
    report.kind === kind;

describe.skipIf(!hasRedisServer)(`three bot processes on one Redis${NEEDS_REDIS}`, { timeout: 240_000 }, () => {
  const redis = useRedisServer();
  let emu: Emulator;
  let fleet: Fleet | undefined;
  const start = async (options: { roomLockLeaseMs?: number; storeTimeoutMs?: number } = {}) => {
    fleet = await startFleet({ emu, redisUrl: redis.server.url, prefix: PREFIX, ...options });
    return fleet;
  };
  const journal = async (roomId: string): Promise<string[]> => {
    const client = createClient({ url: redis.server.url });
    await client.connect();
    try {
      const lines = (await client.lRange(JOURNAL_KEY, 0, -1)).map((line) => JSON.parse(line) as JournalLine);
      return lines.filter((line) => line.roomId === roomId).map((line) => `${line.at} ${line.text}`);
    } finally {
      await client.close();
    }
  };
  /** Re-sends deliveries of the log (the same bytes: a Webex retry); the proxy routes each to another process. */
  const redeliver = async (indexes: number[]) => {
    for (const index of indexes) await emu.redeliver(emu.deliveries[index] as (typeof emu.deliveries)[number]);
  };

  beforeAll(async () => {
    emu = await createEmulator({ port: 0 });
  });
  beforeEach(async () => {
    emu.reset();
    await redis.server.flushAll();
  });
  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("handles every event exactly once across the fleet, re-deliveries to other processes included", async () => {
    const fleet = await start();
    const rooms = await Promise.all([1, 2, 3, 4].map((n) => roomWithBot(emu, `room ${n}`)));
    const act = emu.act(emu.tokens.user);
    for (let n = 0; n < 10; n++) {
      for (const roomId of rooms) await act.postMessage({ roomId, markdown: mention(emu, `message ${n}`) });
    }
    await emu.flushDeliveries();
    const firstDeliveries = emu.deliveries.length;
    expect(firstDeliveries).toBe(40);
    // A third of them again, each reaching a process other than the one that got it first.
    const again = Array.from({ length: firstDeliveries }, (_, index) => index).filter((index) => index % 3 === 0);
    await redeliver(again);
    for (const body of new Set(fleet.proxy.routed.map((route) => route.body))) {
      const instances = fleet.proxy.routed.filter((route) => route.body === body).map((route) => route.instance);
      expect(new Set(instances).size).toBe(instances.length);
    }
    await fleet.waitFor("40 handled", () => fleet.reports.filter(ofKind("handled")).length >= 40);
    await fleet.waitFor(
      `${again.length} skipped`,
      () => fleet.reports.filter(ofKind("skipped")).length >= again.length,
    );

    const handled = fleet.reports.filter(ofKind("handled"));
    const skipped = fleet.reports.filter(ofKind("skipped"));
    expect(handled).toHaveLength(40);
    expect(new Set(handled.map((report) => report.deliveryId)).size).toBe(40);
    expect(skipped).toHaveLength(again.length);
    for (const skip of skipped) {
      const original = handled.find((report) => report.deliveryId === skip.deliveryId);
      expect(original?.instance).toBeDefined();
      expect(original?.instance).not.toBe(skip.instance);
    }
    expect(new Set(handled.map((report) => report.instance))).toEqual(new Set([0, 1, 2]));
    for (const roomId of rooms) {
      const texts = handled.filter((report) => report.roomId === roomId).map((report) => report.text);
      expect(texts.sort()).toEqual(Array.from({ length: 10 }, (_, n) => `message ${n}`).sort());
    }
    expect(fleet.reports.filter(ofKind("error"))).toEqual([]);
  });

  it("tallies a 200-vote poll to exactly 200 while a quarter of the votes are delivered twice", async () => {
    const fleet = await start();
    const roomId = await roomWithBot(emu, "poll room");
    const poll = (await bot(emu, "POST", "messages", {
      roomId,
      text: "Lunch?",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: POLL_CARD }],
    })) as { id: string };
    const act = emu.act(emu.tokens.user);
    for (let n = 0; n < 200; n++) {
      await act.submitCard({ messageId: poll.id, inputs: { vote: n % 2 ? "tacos" : "ramen", poll: "lunch" } });
    }
    await emu.flushDeliveries();
    const votes = emu.deliveries
      .map((delivery, index) => ({ index, resource: (JSON.parse(delivery.body) as { resource: string }).resource }))
      .filter((delivery) => delivery.resource === "attachmentActions")
      .map((delivery) => delivery.index);
    expect(votes).toHaveLength(200);
    const again = votes.filter((_, n) => n % 4 === 1);
    await redeliver(again);

    await fleet.waitFor("200 votes", () => fleet.reports.filter(ofKind("voted")).length >= 200);
    await fleet.waitFor("the re-deliveries skipped", () => fleet.reports.filter(ofKind("skipped")).length >= 50);
    const voted = fleet.reports.filter(ofKind("voted"));
    expect(voted).toHaveLength(200);
    // Each vote saw the count before it: 1, 2, …, 200 once each, whichever process counted it.
    expect(voted.map((report) => report.votes).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, n) => n + 1),
    );
    expect(new Set(voted.map((report) => report.instance)).size).toBe(3);
    const client = createClient({ url: redis.server.url });
    await client.connect();
    try {
      const key = `${PREFIX}wx-bot:${emu.people.bot.id}:state:room:${roomId}:votes`;
      expect(await client.get(key)).toBe("200");
      expect(await client.pTTL(key)).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    expect(fleet.reports.filter(ofKind("error"))).toEqual([]);
  });

  it("handles one room's event that reaches another process while an earlier one is being handled after it", async () => {
    const fleet = await start();
    const roomId = await roomWithBot(emu, "ordered room");
    const act = emu.act(emu.tokens.user);
    const tags = ["1", "2", "3", "4", "5", "6"];
    await act.postMessage({ roomId, markdown: mention(emu, "hold 1") });
    for (const [n, tag] of tags.entries()) {
      await fleet.waitFor(`hold ${tag} started`, (r) => r.kind === "started" && r.text === `hold ${tag}`);
      const next = tags[n + 1];
      if (next !== undefined) {
        // The next event is delivered (answered) while this one is still being handled, in some process.
        await act.postMessage({ roomId, markdown: mention(emu, `hold ${next}`) });
        await emu.flushDeliveries();
      }
      fleet.go(tag);
    }
    await fleet.waitFor("hold 6 handled", (r) => r.kind === "handled" && r.text === "hold 6");
    expect(await journal(roomId)).toEqual(tags.flatMap((tag) => [`start hold ${tag}`, `end hold ${tag}`]));
    // Round robin put consecutive events in different processes: the order held across processes.
    const instances = fleet.reports.filter(ofKind("started")).map((report) => report.instance);
    expect(new Set(instances).size).toBe(3);
  });

  it("loses the event of a process killed mid-handler (not re-handled), and frees its room when the lease ends", async () => {
    const fleet = await start({ roomLockLeaseMs: 2_000 });
    const [roomId, otherRoom] = await Promise.all([roomWithBot(emu, "crash room"), roomWithBot(emu, "other room")]);
    const act = emu.act(emu.tokens.user);
    await act.postMessage({ roomId, markdown: mention(emu, "hold crash") });
    const started = await fleet.waitFor("hold crash started", (r): r is Kind<"started"> => r.kind === "started");
    await fleet.kill(started.instance);
    await emu.flushDeliveries();
    const delivery = emu.deliveries.findIndex((d) => d.body.includes(roomId));
    // Webex got a 200 for it, so it would not re-send it; if it did, the fleet has already seen it.
    await redeliver([delivery]);
    const skipped = await fleet.waitFor("the re-delivery skipped", ofKind("skipped"));
    expect(skipped.deliveryId).toBe(started.deliveryId);
    expect(skipped.instance).not.toBe(started.instance);
    // Other rooms go on at once; the crashed room's next event waits for the dead holder's lease to end.
    await act.postMessage({ roomId: otherRoom, markdown: mention(emu, "elsewhere") });
    await act.postMessage({ roomId, markdown: mention(emu, "after the crash") });
    await fleet.waitFor("the next event of the room", (r) => r.kind === "handled" && r.text === "after the crash");
    await fleet.waitFor("the other room's event", (r) => r.kind === "handled" && r.text === "elsewhere");
    expect(await journal(roomId)).toEqual(["start hold crash", "start after the crash", "end after the crash"]);
    expect(fleet.reports.filter((r) => r.kind === "handled" && r.text === "hold crash")).toEqual([]);
    expect(fleet.reports.filter(ofKind("error"))).toEqual([]);
  });

  it("waits through a Redis restart: an event delivered meanwhile is handled once it is back; what it forgot is handled again", async () => {
    // Commands wait for Redis up to the store's timeoutMs: long enough here for a restart on a loaded machine.
    const fleet = await start({ storeTimeoutMs: 120_000 });
    const roomId = await roomWithBot(emu, "restart room");
    const act = emu.act(emu.tokens.user);
    await act.postMessage({ roomId, markdown: mention(emu, "before") });
    await fleet.waitFor("before handled", (r) => r.kind === "handled" && r.text === "before");

    await redis.server.stop();
    await act.postMessage({ roomId, markdown: mention(emu, "during") });
    await emu.flushDeliveries(); // answered 200 by a process whose store now waits for Redis
    expect(emu.deliveries.at(-1)?.status).toBe(200);
    await redis.server.start();
    await fleet.waitFor("during handled", (r) => r.kind === "handled" && r.text === "during");

    // Redeliver both: "during" was recorded after the restart and is skipped; "before" was recorded in the
    // database that the restart emptied (this server saves nothing), so it is handled a second time.
    await redeliver([0, 1]);
    await fleet.waitFor("during skipped", (r) => r.kind === "skipped");
    await fleet.waitFor(
      "before again",
      () => fleet.reports.filter((r) => r.kind === "handled" && r.text === "before").length === 2,
    );
    const handledTexts = fleet.reports.filter(ofKind("handled")).map((report) => report.text);
    expect(handledTexts.sort()).toEqual(["before", "before", "during"]);
    expect(fleet.reports.filter(ofKind("skipped"))).toHaveLength(1);
  });
});
