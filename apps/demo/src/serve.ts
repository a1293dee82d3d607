import { readFile } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { WebexClient } from "@wx/sdk";

const require = createRequire(import.meta.url);
const RENDERER = require.resolve("adaptivecards/dist/adaptivecards.min.js");

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>wx demo</title>
<style>
  body { font: 15px system-ui, sans-serif; margin: 2rem; max-width: 56rem; color: #1d1d1f }
  h1 { font-size: 1.3rem } h2 { font-size: 1.1rem; margin-top: 2rem }
  .message { border-left: 3px solid #ccc; padding: .3rem .8rem; margin: .5rem 0 }
  .reply { margin-left: 2rem; border-color: #7aa7ff }
  .who { color: #666; font-size: .85rem } .card { margin-top: .4rem; max-width: 28rem }
</style>
<script src="/adaptivecards.js"></script></head>
<body><h1>wx demo: rooms and messages</h1><div id="rooms">loading…</div>
<script>
async function main() {
  const rooms = await (await fetch("/api/rooms")).json();
  const root = document.getElementById("rooms");
  root.textContent = "";
  for (const room of rooms) {
    const section = document.createElement("section");
    section.className = "room";
    const title = document.createElement("h2");
    title.textContent = room.title;
    section.append(title);
    const messages = await (await fetch("/api/rooms/" + encodeURIComponent(room.id) + "/messages")).json();
    for (const message of messages.reverse()) {
      const div = document.createElement("div");
      div.className = "message" + (message.parentId ? " reply" : "");
      const who = document.createElement("div");
      who.className = "who";
      who.textContent = message.personEmail || "";
      const text = document.createElement("div");
      text.textContent = message.text || "";
      div.append(who, text);
      for (const attachment of message.attachments || []) {
        const card = new AdaptiveCards.AdaptiveCard();
        card.parse(attachment.content);
        const rendered = card.render();
        rendered.classList.add("card");
        div.append(rendered);
      }
      section.append(div);
    }
    root.append(section);
  }
  document.body.dataset.ready = "true";
}
main().catch((error) => { document.body.dataset.error = String(error); });
</script></body></html>`;

/** A small page at 127.0.0.1 listing rooms and their newest messages, cards rendered by the official renderer. */
export async function serveUi(wx: WebexClient, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const renderer = await readFile(RENDERER);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const messagesOf = /^\/api\/rooms\/([^/]+)\/messages$/.exec(url.pathname);
      if (url.pathname === "/") return send(res, 200, "text/html; charset=utf-8", PAGE);
      if (url.pathname === "/adaptivecards.js") return send(res, 200, "text/javascript", renderer);
      if (url.pathname === "/api/rooms")
        return sendJson(res, await wx.rooms.list({ sortBy: "lastactivity" }).first(20));
      if (messagesOf?.[1]) {
        return sendJson(res, await wx.messages.list({ roomId: decodeURIComponent(messagesOf[1]), max: 50 }).first(50));
      }
      send(res, 404, "text/plain", "not found");
    } catch (error) {
      send(res, 502, "text/plain", error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { "content-type": type }).end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, "application/json", JSON.stringify(value));
}
