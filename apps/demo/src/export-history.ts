import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { WebexClient } from "@wx/sdk";
import { progressBar } from "./progress.js";

/** Streams a room's whole history, newest first, to a JSONL file; returns the number of messages written. */
export async function exportHistory(wx: WebexClient, roomId: string, file: string, expected?: number): Promise<number> {
  const out = createWriteStream(file);
  const bar = progressBar("exporting history", expected);
  let count = 0;
  try {
    for await (const message of wx.messages.list({ roomId, max: 1000 })) {
      if (!out.write(`${JSON.stringify(message)}\n`)) await once(out, "drain");
      if (++count % 500 === 0) bar.update(count);
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  bar.finish(count);
  return count;
}
