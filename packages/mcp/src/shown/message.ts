import type { Message } from "@wx/sdk";
import { z } from "zod";
import { shortTime } from "./room.js";

const messageFields = {
  id: z.string(),
  /** The sender's display name (their email when the name could not be looked up). */
  from: z.string(),
  at: z.string(),
  text: z.string(),
  /** How many files are attached. */
  files: z.number().int().optional(),
  card: z.literal(true).optional(),
  edited: z.literal(true).optional(),
  /** Set on a reply whose thread starts in older messages than these. */
  replyTo: z.string().optional(),
};

export const shownReply = z.object(messageFields);

/** A message as the model sees it: no HTML, markdown twin, room or person ids; replies nested under their parent. */
export const shownMessage = z.object({ ...messageFields, replies: z.array(shownReply).optional() });

export type ShownReply = z.infer<typeof shownReply>;
export type ShownMessage = z.infer<typeof shownMessage>;

export function showMessage(message: Message, senderName: string): ShownMessage {
  return {
    id: message.id,
    from: senderName,
    at: message.created,
    text: message.text ?? message.markdown ?? "",
    files: message.files?.length || undefined,
    card: message.attachments?.length ? true : undefined,
    edited: message.updated ? true : undefined,
    replyTo: message.parentId,
  };
}

export function renderMessage(message: ShownMessage): string {
  const lines = [`- ${line(message)}`];
  for (const reply of message.replies ?? []) lines.push(`  - ↳ ${line(reply)}`);
  return lines.join("\n");
}

function line(message: ShownReply): string {
  const extras = [
    message.files ? `${message.files} file${message.files > 1 ? "s" : ""}` : "",
    message.card ? "card" : "",
    message.edited ? "edited" : "",
    message.replyTo ? `reply to ${message.replyTo}` : "",
  ].filter(Boolean);
  const tail = extras.length ? ` [${extras.join(", ")}]` : "";
  return `${shortTime(message.at)} ${message.from}: ${message.text.replace(/\n/g, "\n    ")}${tail} (id: ${message.id})`;
}
