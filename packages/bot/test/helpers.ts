import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator, type Emulator, type EmulatorOptions } from "@wx/emulator";
import type { Logger, Room } from "@wx/sdk";
import { WebexClient } from "@wx/sdk";
import { afterAll, afterEach, beforeEach } from "vitest";
import { Bot, type BotOptions, type BotState } from "../src/index.js";

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger that keeps every line. */
export function recordingLogger(): Logger & { lines: LogLine[]; has(level: LogLine["level"], text: string): boolean } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine["level"]) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, fields });
    };
  return {
    lines,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    has: (level, text) => lines.some((line) => line.level === level && line.message.includes(text)),
  };
}

export interface Fixture {
  emu: Emulator;
  /** The seeded regular user, through the SDK. */
  user: WebexClient;
  /** A bot made by `startBot`, stopped after the test. */
  startBot<S extends BotState = BotState>(
    setup: (bot: Bot<S>) => void,
    options?: StartBotOptions,
  ): Promise<RunningBot<S>>;
  /** A group room of the user's with the bot in it (added before the bot listens for memberships). */
  roomWithBot(title?: string): Promise<Room>;
  /** Waits until every delivery was answered and the bot has handled everything (its replies' deliveries too). */
  settle(bot: { idle(): Promise<void> }): Promise<void>;
}

export type StartBotOptions = Partial<BotOptions> & {
  /** `node` (default): mounted on a loopback server that is its webhookUrl; `none`: no webhookUrl. */
  mount?: "node" | "none";
  /** `false`: no onError handler (failures go to the log). */
  onError?: false;
};

export interface RunningBot<S extends BotState> {
  bot: Bot<S>;
  /** Where the bot's handler is mounted (its webhook URL). */
  url: string;
  log: ReturnType<typeof recordingLogger>;
  errors: unknown[];
}

export const SECRET = "bot-webhook-secret";

/**
 * One emulator per test file (reset before each test), a user client, and bots started on a loopback server
 * that mounts `bot.handler`, stopped after each test.
 */
export async function useFixture(emulator: EmulatorOptions = {}): Promise<Fixture> {
  const emu = await createEmulator({ port: 0, ...emulator });
  const user = new WebexClient({ accessToken: emu.tokens.user, baseUrl: emu.url });
  const cleanups: (() => Promise<void>)[] = [];
  beforeEach(() => emu.reset());
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await user.close();
    await emu.close();
  });

  const fixture: Fixture = {
    emu,
    user,
    async startBot<S extends BotState = BotState>(setup: (bot: Bot<S>) => void, options: StartBotOptions = {}) {
      const log = recordingLogger();
      const errors: unknown[] = [];
      const { mount = "node", onError, ...botOptions } = options;
      let bot: Bot<S> | undefined;
      const server: Server = createServer((req, res) => bot?.handler(req, res));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`;
      bot = new Bot<S>({
        client: { accessToken: emu.tokens.bot, baseUrl: emu.url },
        secret: SECRET,
        webhookUrl: mount === "node" ? url : undefined,
        logger: log,
        ...botOptions,
      });
      if (onError !== false) bot.onError((error) => void errors.push(error));
      setup(bot);
      cleanups.push(async () => {
        await bot?.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      });
      await bot.start();
      return { bot, url, log, errors };
    },
    async roomWithBot(title = "Room with the bot") {
      const room = await user.rooms.create({ title });
      await user.memberships.create({ roomId: room.id, personId: emu.people.bot.id });
      return room;
    },
    async settle(bot) {
      for (let round = 0; round < 50; round++) {
        const seen = emu.deliveries.length;
        await emu.flushDeliveries();
        await bot.idle();
        if (emu.deliveries.length === seen) return;
      }
      throw new Error("deliveries kept coming after 50 rounds");
    },
  };
  return fixture;
}

/** A loopback server whose handler can be swapped (`use`), e.g. to mount a restarted bot at the same URL. */
export async function serve(handler: RequestListener): Promise<{
  url: string;
  use(next: RequestListener): void;
  close(): Promise<void>;
}> {
  let current = handler;
  const server = createServer((req, res) => current(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`,
    use: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Markdown that mentions the bot. */
export function mention(emu: Emulator, text: string, name = emu.people.bot.displayName): string {
  return `<@personId:${emu.people.bot.id}|${name}> ${text}`;
}

/** The messages of a room as the user sees them, oldest first. */
export async function messagesIn(user: WebexClient, roomId: string) {
  return (await user.messages.list({ roomId }).toArray()).reverse();
}
