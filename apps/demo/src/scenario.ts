import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiError } from "@wx/core";
import type { Message, Room, Team } from "@wx/models";
import type { WebexClient } from "@wx/sdk";
import { createOnce } from "./create-once.js";
import { exportHistory } from "./export-history.js";
import { OPTIONS, pollBot, QUESTION, tallyOf } from "./poll-bot.js";
import { pollCard, resultsCard } from "./poll-cards.js";
import { pollVotes } from "./poll-votes.js";
import type { Target } from "./target.js";

export interface ScenarioOptions {
  /** Messages seeded into the room before the export (emulator only). */
  historySize: number;
  /** Where the room's history is written. */
  exportFile: string;
  /** Public URL that forwards to the bot's local server (live mode); without it the demo polls for votes. */
  webhookUrl?: string;
  /** Port of the bot's local server (0: any). */
  receiverPort?: number;
  /** How long to wait for votes. */
  voteTimeoutMs: number;
  log: (line: string) => void;
}

export interface ScenarioResult {
  team: Team;
  room: Room;
  /** The first message this run posted: the room's history is what came before it. */
  intro: Message;
  poll: Message;
  results: Message;
  tally: Map<string, number>;
  webhookEvents: number;
  exported: number;
  /** Every message this run posted, by its unique marker. */
  posted: Map<string, string>;
  /** The secret the webhooks were registered with. */
  webhookSecret: string;
}

const VOTERS = ["Ada", "Grace", "Linus", "Barbara"] as const;

/** The poll bot's whole run: team, room, people, messages, a file, a card poll, the bot, votes, results, export. */
export async function runScenario(target: Target, options: ScenarioOptions): Promise<ScenarioResult> {
  const { wx } = target;
  const { log } = options;
  const runId = randomUUID().slice(0, 8);
  const posted = new Map<string, string>();
  const post = async (fields: Parameters<typeof wx.messages.create>[0] & { roomId: string }, label: string) => {
    const marker = `[${runId}:${label}]`;
    const withMarker = { ...fields, text: `${fields.text ?? ""} ${marker}`.trim() };
    const message = await createOnce(
      () => wx.messages.create(withMarker),
      async () =>
        (await wx.messages.list({ roomId: fields.roomId, max: 50 }).first(50)).find((m) => m.text?.includes(marker)),
    );
    posted.set(marker, message.id);
    return message;
  };

  const me = await wx.people.me();
  log(`signed in as ${me.displayName} (${target.mode})`);

  const teamName = `Lunch crew ${runId}`;
  const team = await createOnce(
    () => wx.teams.create({ name: teamName }),
    async () => (await wx.teams.list().toArray()).find((t) => t.name === teamName),
  );
  const roomTitle = "Lunch poll"; // unique within this run's team, which is how it is found again
  const room = await createOnce(
    () => wx.rooms.create({ title: roomTitle, teamId: team.id, description: "Where the poll bot runs" }),
    async () => (await wx.rooms.list({ teamId: team.id }).toArray()).find((r) => r.title === roomTitle),
  );
  log(`created team "${team.name}" and room "${room.title}"`);
  if (target.emu) {
    target.emu.seedMessages({ roomId: room.id, count: options.historySize, personId: me.id });
    log(`seeded ${options.historySize} messages of history into the room`);
  }

  const voters = target.makeVoters(VOTERS);
  for (const voter of voters) {
    await createOnce(
      () => wx.memberships.create({ roomId: room.id, personEmail: voter.email }),
      async () => (await wx.memberships.list({ roomId: room.id, personEmail: voter.email }).toArray())[0],
    ).catch((error) => {
      if (!(error instanceof ApiError && error.status === 409)) throw error; // already a member: a retry that had landed
    });
  }
  if (voters.length) log(`added ${voters.map((v) => v.name).join(", ")}`);

  const secret = randomBytes(24).toString("base64url");
  const webhookName = `poll-bot ${runId}`;
  const replyWithResults = (poll: Message, tally: Map<string, number>) =>
    post(
      {
        roomId: poll.roomId,
        parentId: poll.id,
        text: `Results: ${[...tally].map(([o, n]) => `${o} ${n}`).join(", ")}`,
        attachments: [resultsCard(QUESTION, tally)],
      },
      "results",
    );
  // Without a public URL the live service cannot reach the bot: the votes are polled for instead.
  const viaWebhooks = target.mode === "emulator" || options.webhookUrl !== undefined;
  const bot = pollBot({
    client: wx,
    secret,
    webhookName,
    pollName: runId,
    votesToClose: Math.max(voters.length, 1),
    replyWithResults,
    log,
  });
  // a directory of its own, so the file people see is called plainly "lunch-menu.csv"
  const menuDir = await mkdtemp(join(tmpdir(), "wx-demo-menu-"));
  const menu = join(menuDir, "lunch-menu.csv");
  try {
    if (viaWebhooks) {
      const { webhooks } = await bot.start({
        port: options.receiverPort ?? 0,
        host: "127.0.0.1",
        webhookUrl: options.webhookUrl ?? (({ port }) => `http://127.0.0.1:${port}/webhooks`),
      });
      log(`started the poll bot: ${webhooks.length} webhook with a secret -> ${webhooks[0]?.targetUrl}`);
    }

    await writeFile(menu, "option,price\nTacos,9\nRamen,12\nSalad bar,10\n");
    const first = voters[0];
    const mention = first ? `<@personEmail:${first.email}|${first.name}>` : "everyone";
    const intro = await post(
      { roomId: room.id, markdown: `**Lunch poll** is open, ${mention}: the menu is attached.`, files: [menu] },
      "intro",
    );
    const poll = await post(
      {
        roomId: room.id,
        text: `${QUESTION} (open this in a client that shows cards)`,
        attachments: [pollCard(QUESTION, OPTIONS, runId)],
      },
      "poll",
    );
    log(`posted a markdown message with a mention and a file, then the poll card`);

    await Promise.all(
      voters.map((voter, i) => voter.submitCard(poll.id, { vote: OPTIONS[i % OPTIONS.length] as string, poll: runId })),
    );
    const { tally, results } = viaWebhooks
      ? await withTimeout(bot.closed, options.voteTimeoutMs, `waited ${options.voteTimeoutMs} ms for the votes`)
      : await polledResults(wx, poll, options.voteTimeoutMs, log, replyWithResults);
    log(
      `counted ${[...tally.values()].reduce((a, b) => a + b, 0)} votes; replied in the poll's thread with the results card`,
    );

    const expected = target.emu ? options.historySize + posted.size : undefined;
    const exported = await exportHistory(wx, room.id, options.exportFile, expected);
    log(`exported ${exported} messages to ${options.exportFile}`);

    const webhookEvents = bot.eventsHandled;
    return { team, room, intro, poll, results, tally, webhookEvents, exported, posted, webhookSecret: secret };
  } finally {
    await bot.stop({ removeWebhooks: true }); // the demo is done: its webhooks go too, other apps' stay
    await rm(menuDir, { recursive: true, force: true });
  }
}

/** Without webhooks: the polled votes' attachment actions, fetched and counted. */
async function polledResults(
  wx: WebexClient,
  poll: Message,
  timeoutMs: number,
  log: (line: string) => void,
  replyWithResults: (poll: Message, tally: Map<string, number>) => Promise<Message>,
) {
  const ballots: Record<string, string> = {};
  for (const id of await pollVotes(wx, poll, timeoutMs, log)) {
    const action = await wx.attachmentActions.get(id);
    ballots[action.personId] = String((action.inputs as Record<string, unknown>)?.vote ?? "");
  }
  const tally = tallyOf(ballots);
  return { tally, results: await replyWithResults(poll, tally) };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
