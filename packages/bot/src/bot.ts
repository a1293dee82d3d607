import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AdaptiveCardJson, DeliveredWebhookEvent, Person, WebexClient, Webhook } from "@wx/sdk";
import { type AccessRule, accessRule } from "./access-rule.js";
import { cardKey } from "./card-key.js";
import { commandName } from "./command.js";
import { roomIdOf } from "./context.js";
import type {
  AnyContext,
  BotEvents,
  BotResource,
  CardSubmitContext,
  CommandContext,
  ContextFor,
  Delivered,
  ErrorContext,
  HearsContext,
  JoinContext,
  LeaveContext,
  MembershipContext,
  MessageContext,
  MessagingEvent,
} from "./contexts.js";
import { BotError } from "./errors.js";
import { EventQueue } from "./event-queue.js";
import { handleEvent } from "./handle-event.js";
import { type Handler, type Listener, wantedWebhooks } from "./listeners.js";
import { type BotLog, botLog } from "./logger.js";
import { memoryStore } from "./memory-store.js";
import type { Middleware } from "./middleware.js";
import { type BotOptions, type ResolvedBotOptions, resolveBotOptions, webhookUrlOf } from "./options.js";
import { compilePattern } from "./pattern.js";
import { createReceiver, type Receiver } from "./receiver.js";
import { type BotServer, listen } from "./server.js";
import type { BotState } from "./state.js";
import type { BotStore } from "./store.js";
import { withStoreLock } from "./store-lock.js";
import { type RetryOptions, reconcileWithRetries } from "./webhook-retries.js";
import { removeWebhooks } from "./webhook-upkeep.js";

export interface StartOptions {
  /** Serve the webhook (and `GET /healthz`) on this port (0: any free one). Without it, mount `bot.handler`. */
  port?: number;
  /** The interface to listen on. Default: all. */
  host?: string;
  /**
   * The public URL Webex posts to, instead of the constructor's; or a function of the address the bot's own
   * server bound (needs `port`), e.g. `({ port }) => \`http://127.0.0.1:${port}/webex\`` on port 0.
   */
  webhookUrl?: string | ((address: AddressInfo) => string);
}

export interface BotStarted {
  /** The port the bot's own server listens on, when `start` was given one. */
  port: number | undefined;
  /** The bot's webhooks after reconciling (none without `webhookUrl`). */
  webhooks: Webhook[];
}

export interface StopOptions {
  /** The longest to wait for queued and running events. Default 30 000 ms. */
  timeoutMs?: number;
  /** Also delete the bot's own webhooks (at its URL, named `<webhookName>: …`); other apps' stay. Default false. */
  removeWebhooks?: boolean;
}

/** What `onError` handlers are given. */
export type ErrorHandler<S extends BotState> = (error: unknown, ctx: ErrorContext<S>) => unknown;

type Lifecycle = "new" | "starting" | "running" | "stopping" | "stopped";

// Reconciling lists and writes a few webhooks; a crashed process's lock frees the others after this.
const WEBHOOKS_LOCK_LEASE_MS = 60_000;

const BOT_RESOURCES: ReadonlySet<string> = new Set(["messages", "attachmentActions", "memberships", "rooms"]);

/**
 * A Webex bot: register handlers, then `start()`. Every delivery is checked (signature), answered at once, and
 * handled after: re-deliveries once, the bot's own messages and people not allowed never, one room's events in
 * order, at most `concurrency` at a time. See the README for the whole contract.
 */
export class Bot<S extends BotState = BotState> {
  /** The bot account's client. */
  readonly client: WebexClient;
  /** The webhook endpoint as a Node `http` handler (Express: mount it before any body parser). */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The webhook endpoint for a web `Request` (any Fetch API framework). */
  readonly fetchHandler: (request: Request) => Promise<Response>;

  readonly #options: ResolvedBotOptions;
  readonly #store: BotStore;
  readonly #access: AccessRule;
  readonly #log: BotLog;
  readonly #queue: EventQueue;
  readonly #receiver: Receiver;
  readonly #listeners: Listener<S>[] = [];
  readonly #middleware: Middleware<S>[] = [];
  readonly #errorHandlers: ErrorHandler<S>[] = [];
  #state: Lifecycle = "new";
  #me: Person | undefined;
  #server: BotServer | undefined;
  #starting: Promise<BotStarted> | undefined;
  /** The URL `start()` reconciled webhooks for, so `stop({ removeWebhooks })` finds them. */
  #webhookUrl: string | undefined;

  constructor(options: BotOptions) {
    this.#options = resolveBotOptions(options);
    this.client = this.#options.client;
    this.#store = options.store ?? memoryStore();
    this.#access = accessRule(options.allowedDomains, options.allowedEmails);
    this.#log = botLog(options.logger);
    this.#queue = new EventQueue(this.#options.concurrency, this.#options.maxQueuedEvents);
    this.#receiver = createReceiver({
      secret: this.#options.secrets,
      queue: this.#queue,
      log: this.#log,
      refusal: () => (this.#state === "running" ? undefined : this.#state === "stopping" ? "stopping" : "not started"),
      accept: (event) => this.#accept(event),
    });
    this.handler = (req, res) => this.#receiver.node(req, res);
    this.fetchHandler = (request) => this.#receiver.fetch(request);
  }

  /** The bot's own person, known once `start()` has resolved. */
  get me(): Person | undefined {
    return this.#me;
  }

  /** Messages containing `pattern`: a string is a whole word or phrase, any case; a RegExp is tested as given. */
  hears(pattern: string | RegExp, handler: Handler<HearsContext<S>>): this {
    return this.#listen({ kind: "hears", pattern: compilePattern(pattern), handler });
  }

  /** Messages whose first word is `name` (or `/name`), any case: `ctx.args` holds the words after it. */
  command(name: string, handler: Handler<CommandContext<S>>): this {
    return this.#listen({ kind: "command", name: commandName(name), handler });
  }

  /** Submissions of `card` (any card with the same input ids and Submit data): `ctx.inputs` typed from it. */
  onCardSubmit<const C extends AdaptiveCardJson>(card: C, handler: Handler<CardSubmitContext<C, S>>): this {
    if (typeof card !== "object" || card === null || (card as { type?: unknown }).type !== "AdaptiveCard") {
      throw new TypeError("bot.onCardSubmit: the first argument must be an Adaptive Card");
    }
    return this.#listen({ kind: "card", key: cardKey(card), handler });
  }

  /** Every new message that reaches the bot (besides any `hears` or `command` that matches it). */
  onMessage(handler: Handler<MessageContext<S>>): this {
    return this.#listen({ kind: "message", handler });
  }

  /** New messages that no `hears` or `command` matched: "Sorry, I did not get that". */
  fallback(handler: Handler<MessageContext<S>>): this {
    return this.#listen({ kind: "fallback", handler });
  }

  /** The bot was added to a room. */
  onJoin(handler: Handler<JoinContext<S>>): this {
    return this.#listen({ kind: "join", handler });
  }

  /** The bot was removed from a room. */
  onLeave(handler: Handler<LeaveContext<S>>): this {
    return this.#listen({ kind: "leave", handler });
  }

  /** Any membership event in the bot's rooms: people added, removed, made moderator (the bot's own too). */
  onMembership(handler: Handler<MembershipContext<S>>): this {
    return this.#listen({ kind: "membership", handler });
  }

  /** Any event of a resource: `bot.on("rooms", "updated", …)`, or `"all"` its events. */
  on<R extends BotResource, E extends BotEvents[R] | "all">(
    resource: R,
    event: E,
    handler: Handler<ContextFor<S, R, E>>,
  ): this {
    if (!BOT_RESOURCES.has(resource)) {
      throw new TypeError(`bot.on: the resource must be one of ${[...BOT_RESOURCES].join(", ")}`);
    }
    if (typeof event !== "string" || (event as string) === "")
      throw new TypeError("bot.on: the event must be a string");
    return this.#listen({ kind: "event", resource, event, handler: handler as Handler<AnyContext<S>> });
  }

  /** Middleware: runs before the handlers of every event, in the order added; `await next()` runs the rest. */
  use(middleware: Middleware<S>): this {
    if (typeof middleware !== "function") throw new TypeError("bot.use: the middleware must be a function");
    this.#middleware.push(middleware);
    return this;
  }

  /** Receives what a handler or middleware throws (and the framework's own failures); without one, a log line. */
  onError(handler: ErrorHandler<S>): this {
    if (typeof handler !== "function") throw new TypeError("bot.onError: the handler must be a function");
    this.#errorHandlers.push(handler);
    return this;
  }

  /**
   * Fetches the bot's person, starts its server when given a `port`, reconciles its webhooks when it has a
   * `webhookUrl`, and from then on accepts deliveries (before that, and after `stop()`, they are answered 503).
   */
  start(options: StartOptions = {}): Promise<BotStarted> {
    this.#starting = this.#start(options);
    return this.#starting;
  }

  async #start(options: StartOptions): Promise<BotStarted> {
    if (this.#state !== "new") {
      throw new BotError(
        this.#state === "stopped" ? "stopped" : "already-started",
        `bot.start: the bot is ${this.#state}`,
      );
    }
    checkPort(options.port);
    const givenUrl = options.webhookUrl;
    if (typeof givenUrl === "function" && options.port === undefined) {
      throw new TypeError("bot.start: webhookUrl as a function needs a port (the address it is given)");
    }
    if (typeof givenUrl !== "function") webhookUrlOf(givenUrl, "bot.start: webhookUrl");
    if (this.#listeners.length === 0) this.#log.warn("start: no handlers are registered");
    this.#state = "starting";
    try {
      this.#me = await this.client.people.me();
      if (options.port !== undefined) {
        this.#server = await listen(options.port, options.host, this.handler, () =>
          this.#state === "running" ? "ok" : this.#state,
        );
      }
      const address = this.#server?.address;
      const webhookUrl =
        typeof givenUrl === "function"
          ? webhookUrlOf(givenUrl(address as AddressInfo), "bot.start: webhookUrl(address)")
          : (givenUrl ?? this.#options.webhookUrl);
      this.#state = "running";
      const { webhookName, secrets, webhookRetries, sleep } = this.#options;
      this.#webhookUrl = webhookUrl;
      const webhooks =
        webhookUrl === undefined
          ? []
          : await this.#reconcileWebhooks(this.#me, webhookUrl, webhookName, secrets[0] as string, {
              retries: webhookRetries,
              sleep,
            });
      this.#log.info(`started as ${this.#me.displayName}`, { port: address?.port, webhooks: webhooks.length });
      return { port: address?.port, webhooks };
    } catch (error) {
      this.#state = "new";
      this.#webhookUrl = undefined;
      await this.#server?.close();
      this.#server = undefined;
      throw error;
    }
  }

  /**
   * Stops accepting (deliveries are answered 503), finishes the events queued and running (waiting at most
   * `timeoutMs`), then closes the server and a client the bot made. The webhooks stay, so nothing is lost
   * between a stop and the next start, unless `removeWebhooks` (then only the bot's own are deleted). A
   * stopped bot cannot be started again.
   */
  async stop(options: StopOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new TypeError("bot.stop: timeoutMs must be >= 0");
    // A start under way is let finish (or fail), so that what it opened is closed here.
    if (this.#state === "starting") await this.#starting?.catch(() => undefined);
    if (this.#state === "stopped" || this.#state === "stopping") return;
    this.#state = "stopping";
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.#queue.idle().then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.#log.warn(`stop: gave up waiting after ${timeoutMs} ms`, {
        running: this.#queue.running,
        waiting: this.#queue.waiting,
      });
    }
    await this.#server?.close();
    this.#server = undefined;
    try {
      const url = this.#webhookUrl;
      if (options.removeWebhooks && url !== undefined) {
        await removeWebhooks(this.client, { url, name: this.#options.webhookName, log: this.#log });
      }
    } finally {
      if (this.#options.ownsClient) await this.client.close();
      this.#state = "stopped";
    }
  }

  /**
   * Under the store's lock, so that bot processes sharing a store and starting at once (a fleet's rollout) do
   * not each create the webhooks: duplicates would deliver every event twice, under two delivery ids.
   */
  #reconcileWebhooks(me: Person, url: string, name: string, secret: string, retry: RetryOptions): Promise<Webhook[]> {
    const options = {
      leaseMs: WEBHOOKS_LOCK_LEASE_MS,
      waitMs: this.#options.roomLockWaitMs,
      log: this.#log,
      waiting: "another bot process is reconciling the webhooks: waiting for it",
      busy: (waited: number) =>
        new BotError("webhooks-busy", `bot.start: another bot process kept the webhooks locked for ${waited} ms`),
    };
    return withStoreLock(this.#store, `wx-bot:${me.id}:lock:webhooks`, options, () =>
      reconcileWithRetries(
        this.client,
        { url, name, secret, wanted: wantedWebhooks(this.#listeners), log: this.#log },
        retry,
      ),
    );
  }

  /** Resolves once no event is waiting or being handled (handy in tests, and before a planned shutdown). */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  #listen(listener: Listener<S>): this {
    if (typeof listener.handler !== "function")
      throw new TypeError(`bot: the ${listener.kind} handler must be a function`);
    this.#listeners.push(listener);
    return this;
  }

  /** A checked delivery, after the 200: queued in its room's lane, or its place given back. */
  #accept(event: DeliveredWebhookEvent): void {
    const roomId = BOT_RESOURCES.has(event.resource) ? roomIdOf(event as MessagingEvent) : undefined;
    const me = this.#me;
    if (roomId === undefined || me === undefined) {
      this.#queue.release();
      this.#log.debug("an event the bot does not handle: skipped", { type: `${event.resource}:${event.event}` });
      return;
    }
    this.#queue.push(roomId, () =>
      handleEvent<S>(event as Delivered<MessagingEvent>, roomId, {
        client: this.client,
        me,
        log: this.#log,
        store: this.#store,
        keyPrefix: `wx-bot:${me.id}:`,
        stateTtlMs: this.#options.stateTtlMs,
        dedupTtlMs: this.#options.dedupTtlMs,
        roomLockLeaseMs: this.#options.roomLockLeaseMs,
        roomLockWaitMs: this.#options.roomLockWaitMs,
        access: this.#access,
        listeners: this.#listeners,
        middleware: this.#middleware,
        reportError: (error, ctx) => this.#reportError(error, ctx),
      }),
    );
  }

  async #reportError(error: unknown, ctx: ErrorContext<S>): Promise<void> {
    if (this.#errorHandlers.length === 0) {
      const reason = error instanceof Error ? error.message : String(error);
      return ctx.log.error(`handling ${ctx.type} failed: ${reason}`, { error });
    }
    for (const handler of this.#errorHandlers) {
      try {
        await handler(error, ctx);
      } catch (failure) {
        ctx.log.error("an onError handler threw", { error: failure });
      }
    }
  }
}

function checkPort(port: unknown): void {
  if (port !== undefined && (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new TypeError(`bot.start: port must be a whole number from 0 to 65535, got ${String(port)}`);
  }
}
