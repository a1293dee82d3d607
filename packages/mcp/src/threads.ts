import type { ShownMessage } from "./shown/message.js";

/**
 * Oldest first, each reply under the message that starts its thread. A reply whose thread starts before these
 * messages stays at the top level and keeps `replyTo`, so the model can still tell it is a reply.
 */
export function groupThreads(newestFirst: readonly ShownMessage[]): ShownMessage[] {
  const top: ShownMessage[] = [];
  const threadOf = new Map<string, ShownMessage>();
  for (const message of [...newestFirst].reverse()) {
    const thread = message.replyTo === undefined ? undefined : threadOf.get(message.replyTo);
    if (thread) {
      const { replyTo: _parent, replies: _none, ...reply } = message;
      thread.replies = [...(thread.replies ?? []), reply];
      threadOf.set(message.id, thread);
    } else {
      top.push(message);
      threadOf.set(message.id, message);
    }
  }
  return top;
}
