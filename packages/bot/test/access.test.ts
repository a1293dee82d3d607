import { WebexClient } from "@wx/sdk";
import { describe, expect, it } from "vitest";
import { useFixture } from "./helpers.js";

const t = await useFixture();

describe("allowedDomains and allowedEmails", () => {
  it("drop messages from anyone else before any middleware or handler, with a log line", async () => {
    const reached: string[] = [];
    const { bot, log } = await t.startBot(
      (bot) => {
        bot.use(async (ctx, next) => {
          reached.push(`middleware ${ctx.type}`);
          await next();
        });
        bot.onMessage((ctx) => void reached.push(ctx.text));
      },
      { allowedDomains: ["Friends.example"], allowedEmails: ["guest@elsewhere.example"] },
    );
    const friend = t.emu.addPerson({ displayName: "Friend", email: "pat@friends.example" });
    const guest = t.emu.addPerson({ displayName: "Guest", email: "GUEST@elsewhere.example" });
    const stranger = t.emu.addPerson({ displayName: "Stranger", email: "sam@sub.friends.example" });
    for (const sender of [friend, guest, stranger]) {
      await t.emu.act(sender.token).postMessage({ toPersonId: t.emu.people.bot.id, text: sender.person.displayName });
      await t.settle(bot);
    }
    expect(reached).toEqual(["middleware messages:created", "Friend", "middleware messages:created", "Guest"]);
    expect(log.lines.filter((line) => line.message.includes("not in allowedDomains or allowedEmails"))).toHaveLength(1);
  });

  it("apply to memberships and card submissions too, whose sender is looked up", async () => {
    const joins: string[] = [];
    const votes: unknown[] = [];
    const card = { type: "AdaptiveCard", actions: [{ type: "Action.Submit", data: { ok: "yes" } }] } as const;
    let cardId = "";
    const { bot, errors } = await t.startBot(
      (bot) => {
        bot.onJoin(async (ctx) => {
          joins.push(ctx.roomId);
          cardId = (await ctx.sendCard(card, "ok?")).id;
        });
        bot.onCardSubmit(card, (ctx) => void votes.push(ctx.inputs.ok));
      },
      { allowedDomains: ["friends.example"] },
    );
    const friend = t.emu.addPerson({ displayName: "Friend", email: "pat@friends.example" });
    const friendClient = new WebexClient({ accessToken: friend.token, baseUrl: t.emu.url });
    const friendly = await friendClient.rooms.create({ title: "Friends" });
    await friendClient.memberships.create({ roomId: friendly.id, personId: t.emu.people.bot.id });
    await t.user.rooms
      .create({ title: "Not friends" })
      .then((room) => t.user.memberships.create({ roomId: room.id, personId: t.emu.people.bot.id }));
    await t.settle(bot);
    expect(joins).toEqual([friendly.id]);

    await friendClient.memberships.create({ roomId: friendly.id, personId: t.emu.people.user.id });
    await t.emu.act(t.emu.tokens.user).submitCard({ messageId: cardId, inputs: { ok: "yes" } });
    await t.emu.act(friend.token).submitCard({ messageId: cardId, inputs: { ok: "yes" } });
    await t.settle(bot);
    expect(votes).toEqual(["yes"]);
    expect(errors).toEqual([]);
    await friendClient.close();
  });
});
