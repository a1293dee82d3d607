import type { IncomingMessage, ServerResponse } from "node:http";
import { controlRefusal } from "./control-access.js";
import type { Engine } from "./engine.js";
import { trackingId } from "./ids.js";
import type { ControlHandler } from "./server.js";
import type { Emulator, Fault, HeldDeliveries, Json, OrgSeed } from "./types.js";
import { checkJsonDepth } from "./validate.js";

const CONTROL_BODY_LIMIT = 10 * 1024 * 1024;

// The hold started over HTTP, per emulator: the control API holds one at a time.
const holds = new WeakMap<Emulator, HeldDeliveries>();

type ControlRoute = (emu: Emulator, body: Json) => unknown | Promise<unknown>;

/**
 * The control and simulation API over HTTP, for tests written in other languages. It lives under
 * `/_emulator/`, outside `/v1/`, needs no Webex token, and mirrors the in-process `Emulator` methods.
 * Who may use it is decided in control-access.ts.
 */
const routes: Record<string, ControlRoute> = {
  "GET state": (emu) => state(emu),
  "POST reset": (emu) => emu.reset(),
  "POST seed": (emu, body) => {
    emu.reset(body as OrgSeed);
    return state(emu);
  },
  "POST people": (emu, body) => emu.addPerson(body as never),
  "POST act/messages": (emu, { token, ...input }) => emu.act(String(token)).postMessage(input),
  "POST act/cards": (emu, { token, messageId, inputs }) =>
    emu.act(String(token)).submitCard({ messageId: String(messageId), inputs: inputs as Json }),
  "POST seed/messages": (emu, { roomId, count, personId, text }) =>
    emu.seedMessages({
      roomId: String(roomId),
      count: Number(count),
      personId: personId as string | undefined,
      text: typeof text === "string" ? (i) => text.replaceAll("{i}", String(i + 1)) : undefined,
    }),
  "POST recordings": (emu, body) => emu.addRecording(body as never),
  "POST faults/next": (emu, { n, fault }) => emu.faults.next(Number(n ?? 1), fault as Fault),
  "POST faults/route": (emu, { method, path, fault, times, probability }) =>
    emu.faults.route(String(method ?? "*"), String(path), fault as Fault, {
      times: times as number | undefined,
      probability: probability as number | undefined,
    }),
  "POST faults/seed": (emu, { seed }) => emu.faults.seed(Number(seed)),
  "DELETE faults": (emu) => emu.faults.clear(),
  "GET time": (emu) => ({ now: new Date(emu.now()).toISOString() }),
  "POST time/set": (emu, { time }) => emu.setTime(typeof time === "string" ? time : Number(time)),
  "POST time/advance": (emu, { ms }) => emu.advanceTime(Number(ms)),
  "GET deliveries": (emu) => ({ items: emu.deliveries }),
  "POST deliveries/flush": (emu) => emu.flushDeliveries(),
  "POST deliveries/hold": (emu) => {
    holds.set(emu, emu.holdDeliveries());
  },
  "POST deliveries/release": async (emu, { reverse }) => {
    const held = holds.get(emu);
    if (!held) throw new Error("No deliveries are held: POST deliveries/hold first.");
    holds.delete(emu);
    await held.release({ reverse: reverse === true });
  },
  "POST deliveries/redeliver": (emu, { index }) => {
    const delivery = emu.deliveries[Number(index)];
    if (!delivery) throw new Error(`No delivery at index ${String(index)} of the log.`);
    return emu.redeliver(delivery);
  },
  "GET requests": (emu) => ({ items: emu.requests }),
  "POST authorize": (emu, body) => ({ code: emu.authorize(body) }),
  "POST tokens/expire": (emu, { token }) => emu.expireAccessToken(String(token)),
  "POST refresh-tokens/revoke": (emu, { refreshToken }) => emu.revokeRefreshToken(String(refreshToken)),
};

function state(emu: Emulator): Json {
  return {
    url: emu.url,
    seed: emu.seed,
    tokens: emu.tokens,
    people: emu.people,
    org: emu.org,
    integration: emu.integration,
    guestIssuer: emu.guestIssuer,
  };
}

export function createControlHandler(engine: Engine, emulator: () => Emulator): ControlHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const tracking = trackingId();
    const refusal = controlRefusal(req, engine.options.host, engine.options.controlKey);
    if (refusal) {
      req.resume();
      return send(res, refusal.status, error(refusal.message, tracking), tracking);
    }
    const key = `${req.method} ${url.pathname.slice("/_emulator/".length).replace(/\/+$/, "")}`;
    const route = routes[key];
    try {
      const body = await readJson(req);
      if (!route) return send(res, 404, error("Unknown control endpoint.", tracking), tracking);
      const result = await route(emulator(), body);
      if (result === undefined) return send(res, 204, undefined, tracking);
      send(res, 200, result, tracking);
    } catch (caught) {
      const status =
        typeof (caught as { status?: unknown }).status === "number" ? (caught as { status: number }).status : 400;
      send(res, status, error((caught as Error).message, tracking), tracking);
    }
  };
}

function error(message: string, tracking: string): Json {
  return { message, errors: [{ description: message }], trackingId: tracking };
}

function send(res: ServerResponse, status: number, body: unknown, tracking: string): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  const headers: Record<string, string | number> = { "Cache-Control": "no-cache", Trackingid: tracking };
  if (status !== 204) {
    headers["Content-Type"] = "application/json;charset=UTF-8";
    headers["Content-Length"] = Buffer.byteLength(text);
  }
  res.writeHead(status, headers);
  res.end(status === 204 ? undefined : text);
}

function readJson(req: IncomingMessage): Promise<Json> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= CONTROL_BODY_LIMIT) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > CONTROL_BODY_LIMIT) return reject(Object.assign(new Error("Body too large."), { status: 413 }));
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text) return resolve({});
      try {
        const value: unknown = JSON.parse(text);
        checkJsonDepth(value);
        resolve(value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
      } catch (error) {
        reject(error instanceof SyntaxError ? new Error("Malformed JSON.") : error);
      }
    });
    req.on("error", reject);
  });
}
