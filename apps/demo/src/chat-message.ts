import type { Message } from "@wx/models";
import type { FileLink, FileNames } from "./file-links.js";
import { plainTextHtml, renderMarkdown, unlabelledMentions } from "./markdown.js";
import type { PersonNames } from "./person-names.js";

const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/** A message as the page shows it: what a person reads, nothing of the API's bookkeeping but the thread link. */
export interface ChatMessage {
  id: string;
  parentId?: string;
  author: string;
  created: string;
  /** The newest message of the room's history: from here on (older), the page folds messages away. */
  historyBegins?: true;
  /** The rendered markdown, or the plain text. A client that shows cards shows this only without a card. */
  html: string;
  files: FileLink[];
  /** Adaptive Card contents, for the page's renderer. */
  cards: unknown[];
}

export interface ChatContext {
  names: PersonNames;
  files: FileNames;
}

/**
 * One page of messages, newest first, made ready for the page; people and file names are resolved once each.
 * `historyBeginsAt` is the index of the newest history message in the page, if it is in this page.
 */
export async function toChatMessages(
  messages: readonly Message[],
  context: ChatContext,
  historyBeginsAt?: number,
): Promise<ChatMessage[]> {
  const authors = await context.names.ofIds(messages.map((m) => m.personId));
  const chat = await Promise.all(messages.map((message) => toChatMessage(message, authors, context)));
  const first = historyBeginsAt === undefined ? undefined : chat[historyBeginsAt];
  if (first) first.historyBegins = true;
  return chat;
}

async function toChatMessage(
  message: Message,
  authors: ReadonlyMap<string, string>,
  context: ChatContext,
): Promise<ChatMessage> {
  return {
    id: message.id,
    ...(message.parentId ? { parentId: message.parentId } : {}),
    // the email only when the person cannot be looked up any more: better than no author at all
    author: authors.get(message.personId) ?? message.personEmail,
    created: message.created,
    html: await bodyHtml(message, context.names),
    files: await Promise.all((message.files ?? []).map((url, i) => context.files.linkFor(url, `file ${i + 1}`))),
    cards: (message.attachments ?? [])
      .filter((attachment) => attachment.contentType === ADAPTIVE_CARD)
      .map((attachment) => attachment.content),
  };
}

async function bodyHtml(message: Message, names: PersonNames): Promise<string> {
  if (!message.markdown) return plainTextHtml(message.text ?? "");
  const mentioned = unlabelledMentions(message.markdown);
  const byId = await names.ofIds(mentioned.filter((m) => m.kind === "personId").map((m) => m.value));
  const byEmail = new Map<string, string>();
  for (const { kind, value } of mentioned) {
    const name = kind === "personEmail" ? await names.ofEmail(value) : undefined;
    if (name) byEmail.set(value, name);
  }
  return renderMarkdown(
    message.markdown,
    (kind, value) => (kind === "personId" ? byId.get(value) : byEmail.get(value)) ?? "someone",
  );
}
