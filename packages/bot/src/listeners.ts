import { parseCommand } from "./command.js";
import type {
  AnyContext,
  BotEvents,
  BotResource,
  CardActionContext,
  CommandContext,
  HearsContext,
  MembershipContext,
  MessageContext,
} from "./contexts.js";
import type { BotState } from "./state.js";

/** A handler: whatever it returns is awaited and otherwise ignored; what it throws goes to `onError`. */
export type Handler<C> = (ctx: C) => unknown;

/** One registration (`hears`, `command`, …), kept in the order it was made. */
export type Listener<S extends BotState> =
  | { kind: "hears"; pattern: RegExp; handler: Handler<HearsContext<S>> }
  | { kind: "command"; name: string; handler: Handler<CommandContext<S>> }
  | { kind: "message" | "fallback"; handler: Handler<MessageContext<S>> }
  // biome-ignore lint/suspicious/noExplicitAny: each card's handler takes that card's inputs; the key picks the card
  | { kind: "card"; key: string; handler: Handler<CardActionContext<S, any>> }
  | { kind: "join"; handler: Handler<MembershipContext<S, "created">> }
  | { kind: "leave"; handler: Handler<MembershipContext<S, "deleted">> }
  | { kind: "membership"; handler: Handler<MembershipContext<S>> }
  | { kind: "event"; resource: BotResource; event: string; handler: Handler<AnyContext<S>> };

/** A handler with the context it is called with. */
export interface Invocation {
  handler: Handler<never>;
  ctx: unknown;
}

/**
 * The handlers an event reaches, in the order they were registered: every listener whose trigger matches
 * (so "hello" and /.*\/ both answer "hello there"), then, for a new message that no `hears` or `command`
 * matched, the `fallback` handlers.
 */
export function route<S extends BotState>(
  listeners: readonly Listener<S>[],
  ctx: AnyContext<S>,
  facts: { meId: string; cardKey?: string },
): Invocation[] {
  const calls: Invocation[] = [];
  const call = <C>(handler: Handler<C>, context: C) => calls.push({ handler: handler as Handler<never>, ctx: context });
  let understood = false;
  for (const listener of listeners) {
    switch (listener.kind) {
      case "hears": {
        if (ctx.type !== "messages:created") break;
        const match = listener.pattern.exec(ctx.text);
        if (match) {
          understood = true;
          call(listener.handler, { ...ctx, match });
        }
        break;
      }
      case "command": {
        if (ctx.type !== "messages:created") break;
        const parsed = parseCommand(ctx.text);
        if (parsed?.name === listener.name) {
          understood = true;
          call(listener.handler, { ...ctx, command: parsed.name, args: parsed.args, argsText: parsed.argsText });
        }
        break;
      }
      case "message":
        if (ctx.type === "messages:created") call(listener.handler, ctx);
        break;
      case "card":
        if (ctx.type === "attachmentActions:created" && facts.cardKey === listener.key) call(listener.handler, ctx);
        break;
      case "join":
        if (ctx.type === "memberships:created" && ctx.membership.personId === facts.meId) call(listener.handler, ctx);
        break;
      case "leave":
        if (ctx.type === "memberships:deleted" && ctx.membership.personId === facts.meId) call(listener.handler, ctx);
        break;
      case "membership":
        if (ctx.type.startsWith("memberships:")) call(listener.handler, ctx as MembershipContext<S>);
        break;
      case "event":
        if (ctx.type === `${listener.resource}:${listener.event}` || isAllOf(listener, ctx.type)) {
          call(listener.handler, ctx);
        }
        break;
    }
  }
  if (!understood && ctx.type === "messages:created") {
    for (const listener of listeners) if (listener.kind === "fallback") call(listener.handler, ctx);
  }
  return calls;
}

function isAllOf(listener: { resource: string; event: string }, type: string): boolean {
  return listener.event === "all" && type.startsWith(`${listener.resource}:`);
}

const MESSAGE_KINDS = new Set(["hears", "command", "message", "fallback"]);

/**
 * The webhooks the listeners need: one per resource, for its one event or for `all` when they need several.
 * (attachmentActions has only `created`.)
 */
export function wantedWebhooks<S extends BotState>(listeners: readonly Listener<S>[]): Map<BotResource, string> {
  const events = new Map<BotResource, Set<string>>();
  const need = (resource: BotResource, event: BotEvents[BotResource] | "all") => {
    const set = events.get(resource) ?? new Set<string>();
    set.add(event);
    events.set(resource, set);
  };
  for (const listener of listeners) {
    if (MESSAGE_KINDS.has(listener.kind)) need("messages", "created");
    else if (listener.kind === "card") need("attachmentActions", "created");
    else if (listener.kind === "join") need("memberships", "created");
    else if (listener.kind === "leave") need("memberships", "deleted");
    else if (listener.kind === "membership") need("memberships", "all");
    else if (listener.kind === "event") need(listener.resource, listener.event as BotEvents[BotResource]);
  }
  const wanted = new Map<BotResource, string>();
  for (const [resource, set] of events) {
    const event = set.size === 1 ? ([...set][0] as string) : "all";
    wanted.set(resource, resource === "attachmentActions" ? "created" : event);
  }
  return wanted;
}
