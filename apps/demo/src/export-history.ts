import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { WebexClient } from "@wx/sdk";
import { progressBar } from "./progress.js";

/** Streams a room's whole history, newest first, to a JSONL file; returns the number of messages written. */
export async function exportHistory(wx: WebexClient, roomId: string, file: string, expected?: number): Promise<number> {
  const bar = progressBar("exporting history", expected);
  let count = 0;
  async function* lines() {
    for await (const message of wx.messages.list({ roomId, max: 1000 })) {
      yield `${JSON.stringify(message)}\n`;
      if (++count % 500 === 0) bar.update(count);
    }
  }
  // pipeline applies backpressure and rejects on an error on either side (a bad path, a failed page)
  await pipeline(lines(), createWriteStream(file));
  bar.finish(count);
  return count;
}
