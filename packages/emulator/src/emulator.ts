import type { AddressInfo } from "node:net";
import { createControlHandler } from "./control.js";
import { submitCard } from "./domain/cards.js";
import { postMessage, seedMessages } from "./domain/messages.js";
import { addRecordingRules, seedRecording } from "./domain/recordings.js";
import type { PersonRecord } from "./domain/store.js";
import { Engine, resolveOptions } from "./engine.js";
import { badRequest, WebexHttpError } from "./errors.js";
import { readOrgSeed } from "./org-seed.js";
import { allResources } from "./resources/index.js";
import { authorize } from "./resources/oauth.js";
import { recordingJson } from "./resources/recordings.js";
import { Router } from "./router.js";
import { checkFields } from "./rules.js";
import { createApiServer } from "./server.js";
import type { Actor, AddPersonInput, Emulator, EmulatorOptions, Json, Person, Recording } from "./types.js";
import { checkJsonDepth, optionalBoolean, optionalString, parseTime, requiredString } from "./validate.js";

/** Starts a stateful local Webex API on `host:port` and resolves once it listens. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const engine = new Engine(resolveOptions(options));
  const router = new Router(allResources.flatMap((resource) => resource.routes));
  let emulator: Emulator | undefined;
  const server = createApiServer(
    engine,
    router,
    createControlHandler(engine, () => emulator as Emulator),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(engine.options.port, engine.options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = engine.options.host.includes(":") ? `[${engine.options.host}]` : engine.options.host;
  engine.host = `${host}:${port}`;
  engine.baseUrl = `http://${engine.host}/v1/`;

  const act = (token: string): Actor => {
    const caller = engine.authenticate(token);
    if (!caller) throw new Error("emu.act: unknown or expired token");
    const ctx = () => ({ engine, store: engine.store, caller, baseUrl: engine.baseUrl });
    // In-process input is checked as a request body would be: it may even refer to itself.
    return {
      postMessage: async (input) =>
        plainErrors(() => {
          checkJsonDepth(input, "The message");
          return postMessage(ctx(), input);
        }),
      submitCard: async (input) =>
        plainErrors(() => {
          checkJsonDepth(input, "The card submission");
          return submitCard(ctx(), { type: "submit", ...input });
        }),
    };
  };

  emulator = {
    url: engine.baseUrl,
    seed: engine.options.seed,
    get tokens() {
      return engine.tokens;
    },
    get people() {
      return engine.seededPeople();
    },
    get org() {
      return { id: engine.orgId, displayName: engine.org.displayName };
    },
    get integration() {
      return engine.identities.integration;
    },
    get guestIssuer() {
      return engine.identities.guestIssuer;
    },
    faults: engine.faults,
    deliveries: engine.webhooks.deliveries,
    get requests() {
      return engine.requests.entries();
    },
    now: () => engine.now(),
    setTime: (time) => engine.clock.set(typeof time === "string" ? parseTime(time, "setTime") : time),
    advanceTime: (ms) => engine.clock.advance(ms),
    authorize: (opts = {}) => authorize(engine, opts),
    revokeRefreshToken: (refreshToken) => {
      engine.store.refreshTokens.delete(refreshToken);
    },
    expireAccessToken: (token) => {
      const record = engine.store.tokens.get(token);
      if (record) record.expiresAtMs = Number.NEGATIVE_INFINITY;
    },
    addPerson: (input) => {
      const person = engine.createPerson(readAddPerson(input));
      return { person: person.json as Person, token: engine.issueToken(person.id) };
    },
    act,
    seedMessages: (input) => seedMessages(engine, input),
    addRecording: (input) =>
      plainErrors(() => {
        const body = input as unknown as Json;
        checkJsonDepth(body, "addRecording input");
        const fields = checkFields(addRecordingRules, body);
        const host = fields.hostEmail ? engine.store.personByEmail(fields.hostEmail) : engine.seededPeople().user;
        if (!host) throw badRequest(`addRecording: no person with the email ${fields.hostEmail}`);
        const person = engine.store.people.get(host.id as string);
        return recordingJson(seedRecording(engine, person as PersonRecord, fields)) as Recording;
      }),
    flushDeliveries: () => engine.webhooks.flush(),
    holdDeliveries: () => engine.webhooks.holdDeliveries(),
    redeliver: (delivery) => engine.webhooks.redeliver(delivery),
    reset: (seed) => engine.reset(seed === undefined ? undefined : readOrgSeed(seed)),
    close: async () => {
      engine.webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return emulator;
}

/** In-process callers get a plain Error saying `[status] message`, with `status` (the control API answers it). */
function plainErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof WebexHttpError) {
      throw Object.assign(new Error(`[${error.status}] ${error.message}`), { status: error.status });
    }
    throw error;
  }
}

/** Only the documented fields, checked like a request body: `emu.addPerson` is reachable over the control API. */
function readAddPerson(input: AddPersonInput): {
  displayName: string;
  email?: string;
  type: "person" | "bot";
  admin: boolean;
} {
  return plainErrors(() => {
    const body = input as unknown as Json;
    checkJsonDepth(body, "addPerson input");
    const type = optionalString(body, "type") ?? "person";
    if (type !== "person" && type !== "bot") throw badRequest("type must be 'person' or 'bot'.");
    return {
      displayName: requiredString(body, "displayName"),
      email: optionalString(body, "email"),
      type,
      admin: optionalBoolean(body, "admin") ?? false,
    };
  });
}
