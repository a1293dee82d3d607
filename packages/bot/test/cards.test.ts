import { adaptiveCard, choice, inputChoiceSet, inputText, submit, textBlock, ValidationError } from "@wx/sdk";
import { describe, expect, it } from "vitest";
import { messagesIn, useFixture } from "./helpers.js";

const t = await useFixture();

function pollCard(question: string, options: readonly string[]) {
  return adaptiveCard({
    body: [
      textBlock(question),
      inputChoiceSet({ id: "vote", isRequired: true, choices: options.map((option) => choice(option, option)) }),
    ],
    actions: [submit({ title: "Vote", data: { poll: "lunch" } })],
  });
}

const feedbackCard = adaptiveCard({
  body: [inputText({ id: "comment", label: "Comment" })],
  actions: [submit({ title: "Send", data: { form: "feedback" } })],
});

describe("cards", () => {
  it("routes each submission to the handler of its card, with the inputs fetched, and replies in the card's thread", async () => {
    const votes: unknown[] = [];
    const comments: unknown[] = [];
    let pollId = "";
    const { bot, errors } = await t.startBot((bot) => {
      bot.command("poll", async (ctx) => {
        pollId = (await ctx.sendCard(pollCard(ctx.argsText, ["Tacos", "Ramen"]), "A lunch poll")).id;
        await ctx.sendCard(feedbackCard, "Feedback");
      });
      // registered with another question and other choices: the same card as far as submissions go
      bot.onCardSubmit(pollCard("template", []), async (ctx) => {
        votes.push(ctx.inputs);
        await ctx.reply(`${(await ctx.person()).displayName} voted ${ctx.inputs.vote}`);
      });
      bot.onCardSubmit(feedbackCard, (ctx) => void comments.push(ctx.inputs.comment));
    });
    const act = t.emu.act(t.emu.tokens.user);
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "poll Where to eat?" });
    await t.settle(bot);
    const cards = (await messagesIn(t.user, (await t.user.messages.get(pollId)).roomId)).filter(
      (m) => m.attachments?.length,
    );
    expect(cards).toHaveLength(2);
    await act.submitCard({ messageId: pollId, inputs: { vote: "Ramen", poll: "lunch" } });
    await act.submitCard({ messageId: cards[1]?.id as string, inputs: { comment: "more ramen", form: "feedback" } });
    await t.settle(bot);

    expect(errors).toEqual([]);
    expect(votes).toEqual([{ vote: "Ramen", poll: "lunch" }]);
    expect(comments).toEqual(["more ramen"]);
    const reply = (await t.user.messages.list({ roomId: cards[0]?.roomId as string, parentId: pollId }).toArray())[0];
    expect(reply?.markdown).toBe(`${t.emu.people.user.displayName} voted Ramen`);
  });

  it("refuses an invalid card before sending anything", async () => {
    const failures: unknown[] = [];
    const { bot } = await t.startBot((bot) => {
      bot.onMessage(async (ctx) => {
        const broken = { type: "AdaptiveCard", body: [{ type: "Input.Text" }] } as const;
        await ctx.sendCard(broken as never, "fallback").catch((error: unknown) => failures.push(error));
        await ctx.sendCard(feedbackCard, "").catch((error: unknown) => failures.push(error));
      });
    });
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "card please" });
    const sentBefore = t.emu.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages")).length;
    await t.settle(bot);
    expect(failures[0]).toBeInstanceOf(ValidationError);
    expect(failures[1]).toBeInstanceOf(TypeError);
    expect(t.emu.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages")).length).toBe(sentBefore);
  });
});
