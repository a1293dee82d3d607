export { createEmulator } from "./emulator.js";
export type {
  Actor,
  AddPersonInput,
  AuthorizeOptions,
  Delivery,
  Emulator,
  EmulatorOptions,
  Fault,
  Faults,
  GuestIssuer,
  HeldDeliveries,
  Integration,
  Json,
  Person,
  PostMessageInput,
  RequestLogEntry,
  RouteFaultOptions,
  SeededPeople,
  SeedMessagesInput,
  Tokens,
} from "./types.js";
export { sign as signWebhookBody } from "./webhooks.js";
