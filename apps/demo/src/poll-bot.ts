import { Bot, type BotOptions } from "@wx/bot";
import type { Message } from "@wx/models";
import { pollCard } from "./poll-cards.js";

export const QUESTION = "Where do we go for lunch?";
export const OPTIONS = ["Tacos", "Ramen", "Salad bar"] as const;

/** Each poll's ballots (by its message id): each person's vote, by their id. */
type PollState = { room: { ballots: Record<string, Record<string, string>> } };

export interface PollBotOptions extends Pick<BotOptions, "client" | "secret" | "webhookUrl" | "webhookName"> {
  /** The poll's name in its card's Submit data: the bot's webhook hears every room, and counts only this poll. */
  pollName: string;
  /** The number of people who have to vote before the poll closes. */
  votesToClose: number;
  /** Posts the results in the poll's thread, exactly once (see create-once.ts: the bot never posts again). */
  replyWithResults(poll: Message, tally: Map<string, number>): Promise<Message>;
  log(line: string): void;
}

export interface PollBot extends Bot<PollState> {
  /** The first poll to close, with its tally and the results reply; rejects with the first failure. */
  closed: Promise<{ tally: Map<string, number>; results: Message }>;
  /** Events that reached the handlers (a re-delivery never does). */
  eventsHandled: number;
}

/** The poll bot's handlers: votes arrive as card submissions and are kept in the room's state. */
export function pollBot({ pollName, votesToClose, replyWithResults, log, ...options }: PollBotOptions): PollBot {
  let fail: (error: unknown) => void = () => {};
  let close: (closed: Awaited<PollBot["closed"]>) => void = () => {};
  const closed = new Promise<Awaited<PollBot["closed"]>>((resolve, reject) => {
    [close, fail] = [resolve, reject];
  });
  closed.catch(() => {}); // awaited by the caller; this keeps a failure before then from counting as unhandled
  const logger = { warn: (line: string) => log(`bot: ${line}`), error: (line: string) => fail(new Error(line)) };
  const bot: PollBot = Object.assign(new Bot<PollState>({ ...options, logger }), { closed, eventsHandled: 0 });

  bot.use(async (_ctx, next) => {
    bot.eventsHandled++;
    await next();
  });
  bot.onCardSubmit(pollCard(QUESTION, OPTIONS, pollName), async (ctx) => {
    const poll = ctx.cardMessage;
    const all = await ctx.state.room.update("ballots", (ballots = {}) => ({
      ...ballots,
      [poll.id]: { ...ballots[poll.id], [ctx.action.personId]: ctx.inputs.vote },
    }));
    const ballots = all[poll.id] ?? {};
    if (Object.keys(ballots).length !== votesToClose) return; // a changed vote does not close it again
    const tally = tallyOf(ballots);
    close({ tally, results: await replyWithResults(poll, tally) });
  });
  bot.onError(fail);
  return bot;
}

/** The votes for each option, in the poll's order. */
export function tallyOf(ballots: Record<string, string>): Map<string, number> {
  const tally = new Map<string, number>(OPTIONS.map((option) => [option, 0]));
  for (const vote of Object.values(ballots)) tally.set(vote, (tally.get(vote) ?? 0) + 1);
  return tally;
}
