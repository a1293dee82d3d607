/** Why the bot itself could not go on, as opposed to an error of the API or of a handler. */
export type BotErrorCode = "not-started" | "already-started" | "stopped" | "room-busy" | "webhooks-busy" | "no-room";

/** An error of the framework: a misuse (`code` says which), or a room (or the webhooks) whose lock stayed taken. */
export class BotError extends Error {
  override name = "BotError";
  readonly code: BotErrorCode;

  constructor(code: BotErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
