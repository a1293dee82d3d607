import type {
  AdaptiveCardJson,
  AttachmentAction,
  AttachmentActionWebhookEvent,
  Membership,
  MembershipWebhookEvent,
  Message,
  MessageContent,
  MessageWebhookEvent,
  Person,
  Room,
  RoomWebhookEvent,
  SubmittedInputs,
  WebexClient,
} from "@wx/sdk";
import type { BotLog } from "./logger.js";
import type { BotState, StateAccess } from "./state.js";

/** A webhook event as the bot hands it on: what Webex sent, plus the id that identifies this delivery. */
export type Delivered<E> = E & { deliveryId: string };

/** What `say` and `reply` send: markdown as a string, or the message's fields (`text`, `files`, …). */
export type Outgoing = string | (MessageContent & { parentId?: string });

/** What every handler gets. `T` names the trigger, e.g. `"messages:created"`; `E` is the webhook event. */
export interface EventContext<S extends BotState, T extends string, E> {
  /** `resource:event`, e.g. `"memberships:created"`: narrows a context of any kind (`if (ctx.type === …)`). */
  readonly type: T;
  /** The webhook event, checked and typed, with its `deliveryId`. */
  readonly event: Delivered<E>;
  /** The room the event happened in. */
  readonly roomId: string;
  /** The bot's client, for any other call. */
  readonly client: WebexClient;
  /** The bot's own person. */
  readonly me: Person;
  /** Log lines with this event's delivery id, type and room. */
  readonly log: BotLog;
  /** State kept in the bot's store: `state.room` (this room's) and `state.person` (the actor's). */
  readonly state: StateAccess<S>;
  /** The room, fetched on the first call and kept. */
  room(): Promise<Room>;
  /** The person who caused the event, fetched on the first call and kept. */
  person(): Promise<Person>;
  /** Posts in the room: a string is markdown. */
  say(message: Outgoing): Promise<Message>;
  /** Posts a card in the room, with `fallbackText` for clients that cannot show cards. */
  sendCard(card: AdaptiveCardJson, fallbackText: string): Promise<Message>;
}

/** A new message (or an edited one, `E = "updated"`), fetched: the webhook only names it. */
export interface MessageContext<S extends BotState = BotState, E extends "created" | "updated" = "created">
  extends EventContext<S, `messages:${E}`, MessageWebhookEvent<E>> {
  readonly message: Message;
  /** The message's text without the bot's mention, trimmed. */
  readonly text: string;
  /** Posts in the message's thread. */
  reply(message: Outgoing): Promise<Message>;
}

/** A message `bot.hears` matched. */
export interface HearsContext<S extends BotState = BotState> extends MessageContext<S> {
  /** The match: `match[0]` is the text matched, `match[1]`… the groups of a RegExp. */
  readonly match: RegExpExecArray;
}

/** A message `bot.command` matched: "poll lunch \"at noon\"". */
export interface CommandContext<S extends BotState = BotState> extends MessageContext<S> {
  /** The command's name, lower case, without `/`. */
  readonly command: string;
  /** The words after it (quoted words kept together). */
  readonly args: string[];
  /** Everything after the command, as written. */
  readonly argsText: string;
}

/** A deleted message: only its ids are left. */
export type MessageDeletedContext<S extends BotState = BotState> = EventContext<
  S,
  "messages:deleted",
  MessageWebhookEvent<"deleted">
>;

/** A card submission, with its inputs fetched. */
export interface CardActionContext<S extends BotState = BotState, I = Record<string, unknown>>
  extends EventContext<S, "attachmentActions:created", AttachmentActionWebhookEvent> {
  /** The attachment action, inputs included. */
  readonly action: AttachmentAction;
  /** What was submitted: every input by id, plus the Submit action's `data`. */
  readonly inputs: I;
  /** The message that carries the card. */
  readonly cardMessage: Message;
  /** Posts in the card message's thread. */
  reply(message: Outgoing): Promise<Message>;
}

/** A submission of the card given to `bot.onCardSubmit`: `inputs` typed from that card. */
export type CardSubmitContext<C extends AdaptiveCardJson, S extends BotState = BotState> = CardActionContext<
  S,
  SubmittedInputs<C>
>;

/** Someone joined or left a room, or their membership changed. */
export interface MembershipContext<
  S extends BotState = BotState,
  E extends "created" | "updated" | "deleted" = "created" | "updated" | "deleted",
> extends EventContext<S, `memberships:${E}`, MembershipWebhookEvent<E>> {
  readonly membership: Membership;
}

/** The bot was added to a room. */
export type JoinContext<S extends BotState = BotState> = MembershipContext<S, "created">;
/** The bot was removed from a room (it can no longer post there). */
export type LeaveContext<S extends BotState = BotState> = MembershipContext<S, "deleted">;

/** A room was created, updated or migrated (its id changed). */
export type RoomContext<
  S extends BotState = BotState,
  E extends "created" | "updated" | "migrated" = "created" | "updated" | "migrated",
> = EventContext<S, `rooms:${E}`, RoomWebhookEvent<E>>;

/** Every kind of context; narrow it with `ctx.type`. Middleware gets this. */
export type AnyContext<S extends BotState = BotState> =
  | MessageContext<S, "created">
  | MessageContext<S, "updated">
  | MessageDeletedContext<S>
  | CardActionContext<S>
  | MembershipContext<S, "created">
  | MembershipContext<S, "updated">
  | MembershipContext<S, "deleted">
  | RoomContext<S, "created">
  | RoomContext<S, "updated">
  | RoomContext<S, "migrated">;

/** The events the bot handles, by resource. */
export interface BotEvents {
  messages: "created" | "updated" | "deleted";
  attachmentActions: "created";
  memberships: "created" | "updated" | "deleted";
  rooms: "created" | "updated" | "migrated";
}

export type BotResource = keyof BotEvents;

/** The context of `bot.on(resource, event)`; `event: "all"` gives every event of the resource. */
export type ContextFor<S extends BotState, R extends BotResource, E extends BotEvents[R] | "all"> = Extract<
  AnyContext<S>,
  { type: E extends "all" ? `${R}:${string}` : `${R}:${E}` }
>;

/** A webhook event of a resource the bot handles. */
export type MessagingEvent =
  | MessageWebhookEvent
  | AttachmentActionWebhookEvent
  | MembershipWebhookEvent
  | RoomWebhookEvent;

/** What `onError` gets with the error: the event's context, as far as it was built (narrow with `ctx.type`). */
export type ErrorContext<S extends BotState = BotState> = EventContext<S, AnyContext["type"], MessagingEvent>;
