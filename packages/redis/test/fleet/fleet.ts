import { type ChildProcess, fork } from "node:child_process";
import type { Emulator } from "@wx/emulator";
import type { FleetBotSettings, FleetCall, FleetReport } from "./protocol.js";
import { type RoundRobinProxy, roundRobinProxy } from "./round-robin-proxy.js";

export const FLEET_SECRET = "fleet-webhook-secret";
const WAIT_LIMIT_MS = 120_000;
const STOP_LIMIT_MS = 60_000;

export interface Fleet {
  proxy: RoundRobinProxy;
  /** Every report of every instance, in the order the parent received them (not a global clock: see journal). */
  reports: FleetReport[];
  /** Resolves with the first report matching `test`, counting those already received; rejects after 2 minutes. */
  waitFor<R extends FleetReport>(what: string, test: (report: FleetReport) => report is R): Promise<R>;
  waitFor(what: string, test: (report: FleetReport) => boolean): Promise<FleetReport>;
  /** Has one instance call `GET /people/{personId}`; it answers with a "called" report carrying `tag`. */
  call(instance: number, tag: string, personId: string): void;
  /** Lets the handler holding on "hold <tag>" finish (sent to every live instance). */
  go(tag: string): void;
  /** SIGKILLs one instance and takes it out of the proxy's rotation, as a balancer's health check would. */
  kill(instance: number): Promise<void>;
  /** Stops every live instance (SIGTERM, then waits for it to exit) and the proxy. */
  stop(): Promise<void>;
}

export interface FleetOptions {
  emu: Emulator;
  redisUrl: string;
  prefix: string;
  size?: number;
  roomLockLeaseMs?: number;
  storeTimeoutMs?: number;
  rateLimiterPrefix?: FleetBotSettings["rateLimiterPrefix"];
  oauth?: FleetBotSettings["oauth"];
}

/**
 * `size` bot processes (test/fleet/bot-process.ts) on one Redis and one emulator, behind a round-robin proxy
 * that is the target of the bot's two webhooks (messages and card submissions).
 */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const size = options.size ?? 3;
  const reports: FleetReport[] = [];
  const waiters = new Set<() => void>();
  const children: ChildProcess[] = [];
  const received = (report: FleetReport) => {
    reports.push(report);
    for (const wake of waiters) wake();
  };
  const ports = await Promise.all(
    Array.from({ length: size }, async (_, instance) => {
      const settings: FleetBotSettings = {
        instance,
        apiUrl: options.emu.url,
        token: options.emu.tokens.bot,
        secret: FLEET_SECRET,
        redisUrl: options.redisUrl,
        prefix: options.prefix,
        roomLockLeaseMs: options.roomLockLeaseMs,
        storeTimeoutMs: options.storeTimeoutMs,
        rateLimiterPrefix: options.rateLimiterPrefix,
        oauth: options.oauth,
      };
      const child = fork(new URL("./bot-process.ts", import.meta.url), [JSON.stringify(settings)], {
        execArgv: ["--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      children[instance] = child;
      child.on("message", (message) => received(message as FleetReport));
      return new Promise<number>((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`fleet instance ${instance} exited (${code})`));
        child.once("exit", onExit);
        child.on("message", (message: FleetReport) => {
          if (message.kind !== "ready") return;
          child.off("exit", onExit);
          resolve(message.port);
        });
      });
    }),
  );
  const proxy = await roundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}/`));
  for (const resource of ["messages", "attachmentActions"]) {
    await bot(options.emu, "POST", "webhooks", {
      name: `fleet: ${resource}`,
      targetUrl: proxy.url,
      resource,
      event: "created",
      secret: FLEET_SECRET,
    });
  }
  const live = () => children.filter((child) => child.exitCode === null && child.signalCode === null);

  const fleet: Fleet = {
    proxy,
    reports,
    waitFor(what: string, test: (report: FleetReport) => boolean) {
      const found = reports.find(test);
      if (found) return Promise.resolve(found);
      return new Promise<FleetReport>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fleet: no ${what} within ${WAIT_LIMIT_MS} ms; reports: ${JSON.stringify(reports)}`));
        }, WAIT_LIMIT_MS);
        const check = () => {
          const report = reports.find(test);
          if (!report) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(report);
        };
        waiters.add(check);
      });
    },
    call(instance, tag, personId) {
      const call: FleetCall = { call: { tag, personId } };
      children[instance]?.send(call);
    },
    go(tag) {
      for (const child of live()) child.send({ go: tag });
    },
    async kill(instance) {
      const child = children[instance] as ChildProcess;
      proxy.drop(instance);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      await Promise.all(
        live().map(async (child) => {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGTERM");
          // bot.stop() waits at most 30 s for its queue; one that is still running after that is ended.
          const timer = setTimeout(() => child.kill("SIGKILL"), STOP_LIMIT_MS);
          await exited;
          clearTimeout(timer);
        }),
      );
      await proxy.close();
    },
  };
  return fleet as Fleet;
}

/** A REST call to the emulator as the bot. */
export async function bot(emu: Emulator, method: string, path: string, json?: unknown): Promise<unknown> {
  return call(emu, emu.tokens.bot, method, path, json);
}

/** A REST call to the emulator as the seeded user. */
export async function user(emu: Emulator, method: string, path: string, json?: unknown): Promise<unknown> {
  return call(emu, emu.tokens.user, method, path, json);
}

async function call(emu: Emulator, token: string, method: string, path: string, json?: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, emu.url), {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

/** A group room of the user's with the bot in it. */
export async function roomWithBot(emu: Emulator, title: string): Promise<string> {
  const room = (await user(emu, "POST", "rooms", { title })) as { id: string };
  await user(emu, "POST", "memberships", { roomId: room.id, personId: emu.people.bot.id });
  return room.id;
}

/** Markdown that mentions the bot (a bot gets group-room messages only when mentioned). */
export function mention(emu: Emulator, text: string): string {
  return `<@personId:${emu.people.bot.id}|${emu.people.bot.displayName}> ${text}`;
}
