import type { AdaptiveCardJson, Message, MessageCreateFields, Person, Room, WebexClient } from "@wx/sdk";
import type { Delivered, ErrorContext, MessagingEvent, Outgoing } from "./contexts.js";
import type { BotLog } from "./logger.js";
import type { BotState } from "./state.js";
import { stateScope } from "./state.js";
import type { BotStore } from "./store.js";

/** What a context needs from its bot. */
export interface ContextDeps {
  client: WebexClient;
  me: Person;
  log: BotLog;
  store: BotStore;
  /** Prefix of the bot's keys in the store. */
  keyPrefix: string;
  stateTtlMs: number;
}

/** The room of an event: `data.roomId`, or `data.id` for a rooms event. */
export function roomIdOf(event: MessagingEvent): string | undefined {
  const data = event.data as { id?: unknown; roomId?: unknown };
  const roomId = event.resource === "rooms" ? data.id : data.roomId;
  return typeof roomId === "string" && roomId !== "" ? roomId : undefined;
}

/** The person who caused an event. */
export function actorIdOf(event: MessagingEvent): string {
  const personId = (event.data as { personId?: unknown }).personId;
  if (event.resource === "messages" || event.resource === "attachmentActions") {
    if (typeof personId === "string") return personId;
  }
  return event.actorId;
}

/** The context every handler's context is built on. */
export function eventContext<S extends BotState>(
  event: Delivered<MessagingEvent>,
  roomId: string,
  deps: ContextDeps,
): ErrorContext<S> {
  const { client, me, store, keyPrefix, stateTtlMs } = deps;
  const actorId = actorIdOf(event);
  let room: Promise<Room> | undefined;
  let person: Promise<Person> | undefined;
  const say = async (message: Outgoing): Promise<Message> => client.messages.create(outgoing(message, roomId, "say"));
  return {
    type: `${event.resource}:${event.event}` as ErrorContext["type"],
    event,
    roomId,
    client,
    me,
    log: deps.log,
    state: {
      room: stateScope(store, `${keyPrefix}state:room:${roomId}:`, stateTtlMs),
      person: stateScope(store, `${keyPrefix}state:person:${actorId}:`, stateTtlMs),
    },
    room() {
      room ??= client.rooms.get(roomId).catch((error: unknown) => {
        room = undefined;
        throw error;
      });
      return room;
    },
    person() {
      person ??= client.people.get(actorId).catch((error: unknown) => {
        person = undefined;
        throw error;
      });
      return person;
    },
    say,
    async sendCard(card: AdaptiveCardJson, fallbackText: string) {
      if (typeof fallbackText !== "string" || fallbackText.trim() === "") {
        throw new TypeError("sendCard: give the text that clients without cards show (fallbackText)");
      }
      return client.messages.create({ roomId, text: fallbackText, attachments: [card] });
    },
  };
}

/** `reply`: posts in the thread of `message` (a reply to a reply goes to the thread's first message). */
export function replyTo(
  client: WebexClient,
  message: Pick<Message, "id" | "parentId" | "roomId">,
): (reply: Outgoing) => Promise<Message> {
  return async (reply) =>
    client.messages.create({
      ...outgoing(reply, message.roomId, "reply"),
      parentId: message.parentId ?? message.id,
    } as MessageCreateFields);
}

function outgoing(message: Outgoing, roomId: string, caller: string): MessageCreateFields {
  if (typeof message === "string") {
    if (message.trim() === "") throw new TypeError(`${caller}: the message is empty`);
    return { roomId, markdown: message };
  }
  if (typeof message !== "object" || message === null) {
    throw new TypeError(`${caller}: the message must be markdown text or the message's fields`);
  }
  for (const destination of ["roomId", "toPersonId", "toPersonEmail"]) {
    if (destination in message) {
      throw new TypeError(
        `${caller} posts in the event's room; send elsewhere with ctx.client.messages.create (got ${destination})`,
      );
    }
  }
  return { ...message, roomId } as MessageCreateFields;
}
