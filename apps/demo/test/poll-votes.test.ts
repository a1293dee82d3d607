import { createEmulator, type Emulator } from "@wx/emulator";
import { WebexClient } from "@wx/sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pollCard } from "../src/poll-cards.js";
import { pollVotes } from "../src/poll-votes.js";

let emu: Emulator;
let admin: WebexClient;
beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
  admin = new WebexClient({ accessToken: emu.tokens.admin, baseUrl: emu.url });
});
afterAll(async () => {
  await admin.close();
  await emu.close();
});

it("without a webhook URL, finds the poll's votes through the events API", async () => {
  const room = await admin.rooms.create({ title: "Polled" });
  await admin.memberships.create({ roomId: room.id, personId: emu.people.user.id as string });
  const poll = await admin.messages.create({
    roomId: room.id,
    text: "vote",
    attachments: [pollCard("Q?", ["A", "B"])],
  });
  const action = await emu.act(emu.tokens.user).submitCard({ messageId: poll.id, inputs: { vote: "B" } });
  const lines: string[] = [];
  expect(await pollVotes(admin, poll, 300, (line) => lines.push(line))).toEqual([action.id]);
  expect(lines[0]).toMatch(/polling the events API/);
});

it("says what to do when the token may not read events", async () => {
  await using user = new WebexClient({ accessToken: emu.tokens.user, baseUrl: emu.url });
  const room = await user.rooms.create({ title: "Not polled" });
  const poll = await user.messages.create({ roomId: room.id, text: "vote", attachments: [pollCard("Q?", ["A"])] });
  const lines: string[] = [];
  expect(await pollVotes(user, poll, 300, (line) => lines.push(line))).toEqual([]);
  expect(lines.at(-1)).toMatch(/pass --webhook-url/);
});
