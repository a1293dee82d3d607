import { type AttachmentAction, isApiError, type Membership, type Message, type WebexClient } from "@wx/sdk";
import type { AccessRule } from "./access-rule.js";
import { cardKey } from "./card-key.js";
import { type ContextDeps, eventContext, replyTo } from "./context.js";
import type { AnyContext, Delivered, ErrorContext, MessagingEvent } from "./contexts.js";
import { BotError } from "./errors.js";
import { type Listener, route } from "./listeners.js";
import { textWithoutMention } from "./mention.js";
import { type Middleware, runMiddleware } from "./middleware.js";
import type { BotState } from "./state.js";
import { withStoreLock } from "./store-lock.js";

/** Everything the handling of one event needs from the bot. */
export interface HandlingDeps<S extends BotState> extends ContextDeps {
  access: AccessRule;
  listeners: readonly Listener<S>[];
  middleware: readonly Middleware<S>[];
  dedupTtlMs: number;
  roomLockLeaseMs: number;
  roomLockWaitMs: number;
  reportError(error: unknown, ctx: ErrorContext<S>): Promise<void>;
}

/**
 * Handles one delivered event, start to end; never rejects (failures go to `reportError`). In order: a delivery
 * seen before is skipped, the bot's own messages are skipped, people the access rule does not allow are
 * skipped, then under the room's lock the event's objects are fetched and the middleware and handlers run.
 */
export async function handleEvent<S extends BotState>(
  event: Delivered<MessagingEvent>,
  roomId: string,
  deps: HandlingDeps<S>,
): Promise<void> {
  const log = deps.log.with({ deliveryId: event.deliveryId, type: `${event.resource}:${event.event}`, roomId });
  const ctx = eventContext<S>(event, roomId, { ...deps, log });
  try {
    const first = await deps.store.setIfAbsent(`${deps.keyPrefix}delivery:${event.deliveryId}`, 1, deps.dedupTtlMs);
    if (!first) return log.debug("a delivery seen before: skipped");
    if (isOwnMessage(event, deps.me.id)) return log.debug("the bot's own message: skipped");
    if (deps.access.restricted) {
      const email = await actorEmail(ctx);
      if (!deps.access.allows(email)) {
        return log.info("dropped: the sender is not in allowedDomains or allowedEmails", { email });
      }
    }
    await withRoomLock(deps, roomId, async () => {
      const prepared = await prepare(ctx, deps.client, deps.me.id);
      if (prepared === undefined) return;
      const { context, cardKey } = prepared;
      await runMiddleware(deps.middleware, context, async () => {
        for (const { handler, ctx: handlerCtx } of route(deps.listeners, context, { meId: deps.me.id, cardKey })) {
          try {
            await handler(handlerCtx as never);
          } catch (error) {
            await deps.reportError(error, handlerCtx as ErrorContext<S>);
          }
        }
      });
    });
  } catch (error) {
    await deps.reportError(error, ctx);
  }
}

function isOwnMessage(event: MessagingEvent, meId: string): boolean {
  return (event.resource === "messages" || event.resource === "attachmentActions") && event.data.personId === meId;
}

async function actorEmail<S extends BotState>(ctx: ErrorContext<S>): Promise<string | undefined> {
  if (ctx.event.resource === "messages" && ctx.event.data.personEmail) return ctx.event.data.personEmail;
  return (await ctx.person()).emails?.[0];
}

/** Runs `work` holding the room's lock, so that bot processes sharing a store handle one room's events one at a time. */
function withRoomLock<S extends BotState>(deps: HandlingDeps<S>, roomId: string, work: () => Promise<void>) {
  return withStoreLock(
    deps.store,
    `${deps.keyPrefix}lock:room:${roomId}`,
    {
      leaseMs: deps.roomLockLeaseMs,
      waitMs: deps.roomLockWaitMs,
      log: deps.log,
      waiting: "the room is locked by another bot process: waiting for it",
      busy: (waited) =>
        new BotError("room-busy", `room ${roomId} stayed locked by another bot process for ${waited} ms`),
    },
    work,
  );
}

/**
 * The full context of the event: the message or the card submission fetched (the webhook only names them).
 * `undefined` when the event is out of date: its message or card is gone, or it says the bot joined (or left) a
 * room it has since left (or rejoined), which happens when Webex delivers late or out of order.
 */
async function prepare<S extends BotState>(
  ctx: ErrorContext<S>,
  client: WebexClient,
  meId: string,
): Promise<{ context: AnyContext<S>; cardKey?: string } | undefined> {
  const { event, log } = ctx;
  if (event.resource === "messages") {
    if (event.event === "deleted") return { context: ctx as AnyContext<S> };
    const message = await existing(() => client.messages.get(event.data.id));
    if (message === undefined) return void log.warn("the message is gone (deleted before its event was handled)");
    const context = { ...ctx, message, text: textWithoutMention(message, ctx.me), reply: replyTo(client, message) };
    return { context: context as AnyContext<S> };
  }
  if (event.resource === "attachmentActions") {
    const action = await existing<AttachmentAction>(() => client.attachmentActions.get(event.data.id));
    if (action === undefined) return void log.warn("the card submission is gone");
    const cardMessage = await existing<Message>(() => client.messages.get(action.messageId));
    if (cardMessage === undefined) return void log.warn("the card's message is gone (deleted before the submission)");
    const card = cardMessage.attachments?.[0]?.content;
    const context = { ...ctx, action, inputs: action.inputs ?? {}, cardMessage, reply: replyTo(client, cardMessage) };
    return { context: context as AnyContext<S>, cardKey: card === undefined ? undefined : cardKey(card) };
  }
  if (event.resource === "memberships") {
    const membership = event.data as Membership;
    if (membership.personId === meId && event.event !== "updated") {
      const current = await existing(() => client.memberships.get(membership.id));
      const outdated = event.event === "created" ? current === undefined : current !== undefined;
      if (outdated) {
        return void log.info(
          event.event === "created"
            ? "the bot was added to a room it has left since: skipped"
            : "the bot was removed from a room it is back in: skipped",
        );
      }
    }
    return { context: { ...ctx, membership } as AnyContext<S> };
  }
  return { context: ctx as AnyContext<S> };
}

/** The object `get` fetches, or `undefined` when the API says it is not there (404) or not visible (403). */
async function existing<T>(get: () => Promise<T>): Promise<T | undefined> {
  try {
    return await get();
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 403)) return undefined;
    throw error;
  }
}
