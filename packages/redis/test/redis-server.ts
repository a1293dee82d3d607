import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { afterAll, beforeAll } from "vitest";

/** Where Debian's package puts the server; tests that need it skip themselves by name when it is absent. */
export const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";
export const hasRedisServer = existsSync(REDIS_SERVER);
/** Appended to the name of every suite that needs a real server, so a skip says why. */
export const NEEDS_REDIS = hasRedisServer ? "" : " (skipped: redis-server is not installed)";

const STARTUP_LIMIT_MS = 60_000;

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops the server (its data is gone: nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port after `stop()`, empty. */
  start(): Promise<void>;
  /** `stop()` then `start()`: a Redis outage and recovery. */
  restart(): Promise<void>;
  /** FLUSHALL over a raw socket, so tests can start from an empty database without a client. */
  flushAll(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Sends one inline command and resolves with the first reply line. */
export function rawCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let reply = "";
    socket.setTimeout(STARTUP_LIMIT_MS, () => socket.destroy(new Error(`redis-server: no reply to ${command}`)));
    socket.once("error", reject);
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      const end = reply.indexOf("\r\n");
      if (end >= 0) {
        socket.end();
        resolve(reply.slice(0, end));
      }
    });
    socket.connect(port, "127.0.0.1", () => socket.write(`${command}\r\n`));
  });
}

/** Spawns the server and resolves once it says it accepts connections; rejects if it exits first or takes too long. */
function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "notice"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`redis-server on port ${port} not ready after ${STARTUP_LIMIT_MS} ms:\n${log}`));
    }, STARTUP_LIMIT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`redis-server on port ${port} exited (${code}) before it was ready:\n${log}`));
    };
    child.once("exit", onExit);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    const onOutput = (chunk: Buffer) => {
      log += chunk.toString();
      if (!log.includes("Ready to accept connections")) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      child.stdout?.off("data", onOutput);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(child);
    };
    child.stdout?.on("data", onOutput);
    child.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts a real, empty `redis-server` on a free loopback port and waits until it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  let port = 0;
  let child: ChildProcess | undefined;
  // Another process may take the probed port before redis-server binds it: try a few fresh ones.
  for (let attempt = 0; child === undefined; attempt++) {
    port = await freePort();
    try {
      child = await launch(port);
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  const pong = await rawCommand(port, "PING");
  if (pong !== "+PONG") throw new Error(`redis-server answered PING with ${pong}`);

  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (!child) return;
      const stopping = child;
      child = undefined;
      stopping.kill("SIGKILL");
      await exited(stopping);
    },
    async start() {
      if (child) throw new Error("redis-server is already running");
      child = await launch(port);
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    async flushAll() {
      const reply = await rawCommand(port, "FLUSHALL");
      if (reply !== "+OK") throw new Error(`FLUSHALL answered ${reply}`);
    },
  };
  return server;
}

/**
 * A server of its own for the calling test file (call inside a `describe.skipIf(!hasRedisServer)`): started
 * before the file's tests, stopped after them. Read `redis.server` inside tests and hooks.
 */
export function useRedisServer(): { readonly server: RedisServer } {
  let current: RedisServer | undefined;
  beforeAll(async () => {
    current = await startRedisServer();
  });
  afterAll(async () => {
    await current?.stop();
  });
  return {
    get server() {
      if (!current) throw new Error("the redis-server is started in beforeAll: read it inside a test or hook");
      return current;
    },
  };
}
