export type { AccessRule } from "./access-rule.js";
export { Bot, type BotStarted, type ErrorHandler, type StartOptions, type StopOptions } from "./bot.js";
export { cardKey } from "./card-key.js";
export type {
  AnyContext,
  BotEvents,
  BotResource,
  CardActionContext,
  CardSubmitContext,
  CommandContext,
  ContextFor,
  Delivered,
  ErrorContext,
  EventContext,
  HearsContext,
  JoinContext,
  LeaveContext,
  MembershipContext,
  MessageContext,
  MessageDeletedContext,
  MessagingEvent,
  Outgoing,
  RoomContext,
} from "./contexts.js";
export { BotError, type BotErrorCode } from "./errors.js";
export type { Handler } from "./listeners.js";
export type { BotLog } from "./logger.js";
export { type MemoryStoreOptions, memoryStore } from "./memory-store.js";
export type { Middleware } from "./middleware.js";
export type { BotOptions } from "./options.js";
export type { BotState, StateAccess, StateOf, StateScope } from "./state.js";
export type { BotStore, StoreLock } from "./store.js";
