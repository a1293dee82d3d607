import { MAX_PERSON_IDS, type Message } from "@wx/sdk";
import type { ToolContext } from "./tool.js";

export interface SenderNames {
  /** Display name by person id. */
  names: Map<string, string>;
  /** Set when the lookup failed and emails stand in for names. */
  note?: string;
}

/**
 * The display names of the messages' senders, one people lookup per 85 distinct senders (not one per message).
 * A failed lookup is reported in `note` and the messages fall back to the senders' emails; a timeout or a
 * cancellation is not a lookup failure and propagates.
 */
export async function senderNames(context: ToolContext, messages: readonly Message[]): Promise<SenderNames> {
  const ids = [...new Set(messages.map((message) => message.personId))];
  const names = new Map<string, string>();
  try {
    for (let start = 0; start < ids.length; start += MAX_PERSON_IDS) {
      const chunk = ids.slice(start, start + MAX_PERSON_IDS);
      for await (const person of context.wx.people.list({ id: chunk, max: chunk.length }, context.call())) {
        names.set(person.id, person.displayName);
      }
    }
  } catch (error) {
    if (context.call().signal?.aborted) throw error;
    return {
      names,
      note: `sender names could not be looked up (${error instanceof Error ? error.message : String(error)}); emails shown instead`,
    };
  }
  return { names };
}

export function senderName(names: SenderNames, message: Message): string {
  return names.names.get(message.personId) ?? message.personEmail;
}
