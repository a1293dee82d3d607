import type { AddressInfo } from "node:net";
import { createControlHandler } from "./control.js";
import { Engine, resolveOptions } from "./engine.js";
import { badRequest, WebexHttpError } from "./errors.js";
import { hydraId } from "./ids.js";
import { authorize } from "./oauth.js";
import { submitCard } from "./routes/attachment-actions.js";
import { allRoutes } from "./routes/index.js";
import { appendMessage, postMessage } from "./routes/messages.js";
import { createApiServer, Router } from "./server.js";
import type { MessageRecord } from "./store.js";
import type { Actor, AddPersonInput, Emulator, EmulatorOptions, Json, Person, SeedMessagesInput } from "./types.js";
import { checkJsonDepth, optionalBoolean, optionalString, requiredString } from "./validate.js";

/** Starts a stateful local Webex API on `host:port` and resolves once it listens. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const engine = new Engine(resolveOptions(options));
  const router = new Router(allRoutes);
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
  engine.baseUrl = `http://${host}:${port}/v1/`;
  const identities = engine.identities;

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
    tokens: engine.tokens,
    get people() {
      return engine.seededPeople();
    },
    org: { id: engine.orgId, displayName: "Emulated Org" },
    integration: identities.integration,
    guestIssuer: identities.guestIssuer,
    faults: engine.faults,
    deliveries: engine.webhooks.deliveries,
    requests: engine.requests,
    authorize: (opts = {}) => authorize(engine, opts),
    revokeRefreshToken: (refreshToken) => {
      engine.store.refreshTokens.delete(refreshToken);
    },
    expireAccessToken: (token) => {
      const record = engine.store.tokens.get(token);
      if (record) record.expiresAtMs = 0;
    },
    addPerson: (input) => {
      const person = engine.createPerson(readAddPerson(input));
      return { person: person.json as Person, token: engine.issueToken(person.id) };
    },
    act,
    seedMessages: (input) => seedMessages(engine, input),
    flushDeliveries: () => engine.webhooks.flush(),
    reset: () => engine.reset(),
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

/** Bulk insert without webhooks or events, for demos and benchmarks. */
function seedMessages(engine: Engine, input: SeedMessagesInput): void {
  const room = engine.store.rooms.get(input.roomId);
  if (!room) throw new Error(`seedMessages: unknown room ${input.roomId}`);
  const personId = input.personId ?? room.creatorId;
  if (!engine.store.people.has(personId)) throw new Error(`seedMessages: unknown person ${personId}`);
  if (!Number.isSafeInteger(input.count) || input.count < 0) {
    throw new Error(`seedMessages: count must be a whole number >= 0, got ${input.count}`);
  }
  const start = Math.max(room.lastActivityMs, Date.now() - input.count);
  for (let i = 0; i < input.count; i++) {
    const createdMs = start + i;
    const uuid = engine.store.random.uuid1(createdMs);
    const message: MessageRecord = {
      id: hydraId("MESSAGE", uuid),
      uuid,
      seq: engine.store.nextSeq(),
      roomId: room.id,
      personId,
      text: input.text ? input.text(i) : `Message ${i + 1}`,
      createdMs,
      edits: 0,
      deleted: false,
    };
    appendMessage(room, message);
    engine.store.messages.set(message.id, message);
  }
}
