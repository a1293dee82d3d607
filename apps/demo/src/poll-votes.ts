import { setTimeout as delay } from "node:timers/promises";
import { ApiError } from "@wx/core";
import type { Message } from "@wx/models";
import type { WebexClient } from "@wx/sdk";

/**
 * Without a public webhook URL, collects the poll's card submissions by polling the events API until
 * `timeoutMs` has passed. Reading events needs a compliance officer's token; without one there is nothing
 * to poll, and the demo says so.
 */
export async function pollVotes(
  wx: WebexClient,
  poll: Message,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  const ids = new Set<string>();
  log(`no --webhook-url: polling the events API for votes for ${Math.round(timeoutMs / 1000)} s`);
  while (Date.now() < deadline) {
    try {
      for await (const event of wx.events.list({
        resource: "attachmentActions",
        type: "created",
        from: poll.created,
      })) {
        const data = event.data as { id?: string; messageId?: string } | undefined;
        if (data?.id && data.messageId === poll.id) ids.add(data.id);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        log("this token may not read events (compliance officer only): pass --webhook-url to collect votes");
        break;
      }
      throw error;
    }
    await delay(Math.min(5_000, Math.max(0, deadline - Date.now())));
  }
  return [...ids];
}
