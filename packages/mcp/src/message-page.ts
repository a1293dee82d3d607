import type { Message } from "@wx/sdk";
import { showMessage } from "./shown/message.js";
import type { ToolContext } from "./tool.js";

export interface MessageQuery {
  roomId: string;
  /** ISO time: only messages sent before it. */
  before?: string;
  /** Only messages sent before this one (the cursor's position). */
  beforeMessage?: string;
  /** ISO time: stop at messages sent before it. */
  since?: string;
  /** Only messages that mention the caller (what a bot may list in a group room). */
  mentionsMe?: boolean;
  limit: number;
}

export interface MessagePage {
  /** Newest first, as the API lists them. */
  messages: Message[];
  /** Whether older messages (after `since`) remain; they start before the last of `messages`. */
  more: boolean;
}

/** Empty pages (which Webex may send) are followed, but no further than this in one call. */
const MAX_PAGES = 20;
/** The API's largest page when filtering by mentions. */
const MAX_MENTIONS_PAGE = 100;

/**
 * Up to `limit` messages of a room, newest first, stopping at `since` and short of the output cap (at least one
 * message). The position to go on from is the oldest message returned, so new messages arriving meanwhile neither
 * shift nor repeat what the next call reads.
 */
export async function readMessagePage(context: ToolContext, query: MessageQuery): Promise<MessagePage> {
  const sinceMs = query.since === undefined ? undefined : Date.parse(query.since);
  const list = context.wx.messages.list(
    {
      roomId: query.roomId,
      before: query.before,
      beforeMessage: query.beforeMessage,
      mentionedPeople: query.mentionsMe ? "me" : undefined,
      max: query.mentionsMe ? Math.min(query.limit, MAX_MENTIONS_PAGE) : query.limit,
    },
    context.call(),
  );
  const messages: Message[] = [];
  let bytes = 0;
  let pages = 0;
  for await (const page of list.pages()) {
    for (const message of page.items) {
      if (sinceMs !== undefined && Date.parse(message.created) < sinceMs) return { messages, more: false };
      // the name is not known yet: the email stands in for it when measuring
      const size = Buffer.byteLength(JSON.stringify(showMessage(message, message.personEmail)));
      if (messages.length === query.limit || (messages.length > 0 && bytes + size > context.maxOutputBytes)) {
        return { messages, more: true };
      }
      messages.push(message);
      bytes += size;
    }
    if (page.nextUrl === undefined) return { messages, more: false };
    if (messages.length === query.limit || ++pages === MAX_PAGES) return { messages, more: messages.length > 0 };
  }
  return { messages, more: false };
}
