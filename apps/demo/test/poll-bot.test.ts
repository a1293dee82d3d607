import { createEmulator, type Emulator } from "@wx/emulator";
import type { Message } from "@wx/models";
import { WebexClient } from "@wx/sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { OPTIONS, type PollBot, pollBot, QUESTION } from "../src/poll-bot.js";
import { pollCard } from "../src/poll-cards.js";

let emu: Emulator;
let wx: WebexClient;
let bot: PollBot;
const replies: Message[] = [];

beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
  wx = new WebexClient({ accessToken: emu.tokens.user, baseUrl: emu.url });
  bot = pollBot({
    client: wx,
    secret: "poll-bot-test-secret",
    webhookName: "poll-bot test",
    pollName: "mine",
    votesToClose: 2,
    replyWithResults: async (poll, tally) => {
      const reply = await wx.messages.create({
        roomId: poll.roomId,
        parentId: poll.id,
        text: JSON.stringify([...tally]),
      });
      replies.push(reply);
      return reply;
    },
    log: () => {},
  });
  await bot.start({ port: 0, host: "127.0.0.1", webhookUrl: ({ port }) => `http://127.0.0.1:${port}/webhooks` });
});
afterAll(async () => {
  await bot.stop();
  await wx.close();
  await emu.close();
});

it("counts one vote per person, only for its own poll, and replies once when the last one is in", async () => {
  const room = await wx.rooms.create({ title: "Two polls" });
  const [ada, grace] = ["Ada", "Grace"].map((name) => {
    const { token } = emu.addPerson({ displayName: name, email: `${name.toLowerCase()}@example.com` });
    return { email: `${name.toLowerCase()}@example.com`, act: emu.act(token) };
  });
  if (!ada || !grace) throw new Error("two voters expected");
  for (const { email } of [ada, grace]) await wx.memberships.create({ roomId: room.id, personEmail: email });
  const post = (name: string) =>
    wx.messages.create({ roomId: room.id, text: "vote", attachments: [pollCard(QUESTION, OPTIONS, name)] });
  const [mine, other] = [await post("mine"), await post("other")];

  await ada.act.submitCard({ messageId: other.id, inputs: { vote: "Salad bar" } }); // another poll: not counted
  await ada.act.submitCard({ messageId: mine.id, inputs: { vote: "Ramen" } });
  await ada.act.submitCard({ messageId: mine.id, inputs: { vote: "Tacos" } }); // changed her mind: still one vote
  await grace.act.submitCard({ messageId: other.id, inputs: { vote: "Tacos" } }); // two votes, and still not closed
  await grace.act.submitCard({ messageId: mine.id, inputs: { vote: "Ramen" } });
  const { tally, results } = await bot.closed;
  await emu.flushDeliveries();
  await bot.idle();

  expect([...tally]).toEqual([
    ["Tacos", 1],
    ["Ramen", 1],
    ["Salad bar", 0],
  ]);
  expect(results.parentId).toBe(mine.id);
  expect(replies.map((reply) => reply.id)).toEqual([results.id]);
  expect(bot.eventsHandled).toBe(5);
});
