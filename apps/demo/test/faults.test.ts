import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator, type Emulator } from "@wx/emulator";
import { sleep, WebexClient } from "@wx/sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runScenario, type ScenarioResult } from "../src/scenario.js";
import { openTarget, type Target, type Voter } from "../src/target.js";

let emu: Emulator;
let target: Target;
let result: ScenarioResult;
let rateLimits = 0;
let retries = 0;

beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
  target = await openTarget({ emulator: emu });
  // 10% 429s (Retry-After 0 or 1 s), 5% 503s and random delays on every route
  // at least one 429 and one 503 whatever the dice say, then the random ones
  emu.faults.next(1, { status: 429, retryAfter: 1 });
  emu.faults.next(1, { status: 503 });
  // the first matching rule wins, so a rule that must apply comes before the random ones
  emu.faults.route("POST", "webhooks", { status: 503 }, { times: 1 }); // the bot's start registers its webhook
  randomFaults();
  // a client whose session reports each wait through its hooks
  const observed = new WebexClient({
    accessToken: emu.tokens.user,
    baseUrl: emu.url,
    onRateLimit: () => rateLimits++,
    onRetry: () => retries++,
    // every wait really happens, twenty times shorter, so the run stays quick
    sleep: (ms, signal) => sleep(ms / 20, signal),
  });
  await target.wx.close();
  const makeVoters = target.makeVoters;
  target = {
    ...target,
    wx: observed,
    close: () => observed.close(),
    makeVoters: (names) => deliveredLateAndTwice(makeVoters(names)),
  };
  result = await runScenario(target, {
    historySize: 3000,
    exportFile: join(tmpdir(), `wx-demo-faults-${process.pid}.jsonl`),
    voteTimeoutMs: 60_000,
    log: () => {},
  });
  emu.faults.clear();
}, 170_000);

function randomFaults(): void {
  emu.faults.route("*", "*", { status: 429, retryAfter: 0 }, { probability: 0.05 });
  emu.faults.route("*", "*", { status: 429, retryAfter: 1 }, { probability: 0.053 });
  emu.faults.route("*", "*", { status: 503 }, { probability: 0.059 });
  emu.faults.route("*", "*", { delayMs: 150 }, { probability: 0.05 });
  emu.faults.route("*", "*", { delayMs: 20 }, { probability: 0.15 });
}

/**
 * Voters whose card submissions reach the bot only once all of them have voted, last first (as late, reordered
 * deliveries do), and then the first two once more, the same bytes and signature, as a Webex retry.
 */
function deliveredLateAndTwice(voters: Voter[]): Voter[] {
  const held = emu.holdDeliveries();
  let submitted = 0;
  return voters.map((voter) => ({
    ...voter,
    submitCard: async (messageId, inputs) => {
      await voter.submitCard(messageId, inputs);
      if (++submitted < voters.length) return;
      emu.faults.clear();
      emu.faults.route("POST", "messages", { status: 503 }, { times: 1 }); // the next post: the bot's results reply
      randomFaults();
      await held.release({ reverse: true });
      for (const delivery of held.deliveries.slice(0, 2)) await emu.redeliver(delivery);
    },
  }));
}

const cardSubmissions = () =>
  emu.deliveries.filter((d) => d.body.includes(result.poll.id) && JSON.parse(d.body).resource === "attachmentActions");

afterAll(async () => {
  await target.close();
  await emu.close();
});

it("met rate limits and server errors on the way", () => {
  expect(rateLimits).toBeGreaterThan(0);
  expect(retries + rateLimits).toBeGreaterThan(1);
});

it("delivered the votes late, out of order and some twice, and the bot handled each once", () => {
  expect(cardSubmissions()).toHaveLength(4 + 2);
  expect(cardSubmissions().every((d) => d.status === 200)).toBe(true);
  expect(new Set(cardSubmissions().map((d) => d.body)).size).toBe(4);
  expect(result.webhookEvents).toBe(4);
});

it("completes with every vote counted exactly once", () => {
  expect([...result.tally]).toEqual([
    ["Tacos", 2],
    ["Ramen", 1],
    ["Salad bar", 1],
  ]);
});

it("started the bot and posted its reply although their first POSTs failed with a 503", () => {
  const failed = (path: string) =>
    emu.requests.filter((r) => r.method === "POST" && r.path === path && r.status === 503);
  expect(failed("/v1/webhooks").length).toBeGreaterThan(0);
  expect(failed("/v1/messages").length).toBeGreaterThan(0);
  expect(result.results.parentId).toBe(result.poll.id);
});

it("replied with the results once, in the poll's thread", async () => {
  const thread = await target.wx.messages.list({ roomId: result.room.id, parentId: result.poll.id }).toArray();
  expect(thread.map((m) => m.id)).toEqual([result.results.id]);
});

it("posted each message exactly once and lost none", async () => {
  const all = await target.wx.messages.list({ roomId: result.room.id, max: 1000 }).toArray();
  for (const marker of result.posted.keys()) {
    expect(all.filter((m) => m.text?.includes(marker)).length, marker).toBe(1);
  }
  expect(result.posted.size).toBe(3);
  expect(all).toHaveLength(3000 + result.posted.size);
  expect(result.exported).toBe(all.length);
});

it("created the team, the room and each membership once", async () => {
  const teams = await target.wx.teams.list().toArray();
  expect(teams.filter((t) => t.name === result.team.name)).toHaveLength(1);
  const rooms = await target.wx.rooms.list({ teamId: result.team.id }).toArray();
  expect(rooms.filter((r) => r.title === result.room.title)).toHaveLength(1);
  const members = await target.wx.memberships.list({ roomId: result.room.id }).toArray();
  expect(new Set(members.map((m) => m.personEmail)).size).toBe(members.length);
  expect(members).toHaveLength(5);
});
