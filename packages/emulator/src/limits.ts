/**
 * Every bound on what a client may store, in one place. Stored data stays within them, so reading it
 * back (a message list, a room list, an event) can never fail for anyone.
 */

export interface StringLimit {
  max: number;
  unit: "bytes" | "characters";
}

const bytes = (max: number): StringLimit => ({ max, unit: "bytes" });
const characters = (max: number): StringLimit => ({ max, unit: "characters" });

/**
 * Longest value of a string field, by field name: the same bound wherever the field appears (a room's
 * `title` and a person's job `title` alike). Only `text` and `markdown` are documented by Webex
 * (webex-api.md §5, "The maximum message length is 7439 bytes" in the messaging spec); the spec gives
 * no `maxLength` for any other field, so the rest are the emulator's own, generous bounds.
 */
export const STRING_LIMITS: Readonly<Record<string, StringLimit>> = {
  text: bytes(7439),
  markdown: bytes(7439),
  title: characters(1024),
  name: characters(1024),
  displayName: characters(1024),
  firstName: characters(1024),
  lastName: characters(1024),
  nickName: characters(1024),
  description: characters(4096),
  targetUrl: characters(2048),
  files: characters(2048),
  avatar: characters(2048),
  filter: characters(2048),
};

/** Any string field not listed above: IDs, emails, enums, secrets. */
export const DEFAULT_STRING_LIMIT = characters(1024);

/**
 * Objects and arrays in a request body nest at most this deep, the body itself being level 1 (so a
 * card in `attachments[].content` may nest 61 levels). Real cards use about ten; without a bound, one
 * deep card overflows the stack of every later JSON.stringify of the room's messages.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Largest card, as UTF-8 bytes of `attachments[].content` JSON. Webex documents none; about 80 KB is
 * the figure in circulation (webex-api.md §5) and what @wx/cards refuses beyond.
 */
export const MAX_CARD_BYTES = 80_000;
