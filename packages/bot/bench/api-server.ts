// A minimal Webex API for the benchmark, in its own process: GET people/me, GET messages/{id} (a message saying
// "hello" in the room the id names), POST messages. Answers at once, so the bot's own cost is what is measured.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const json = { "content-type": "application/json;charset=UTF-8" };
const me = JSON.stringify({ id: "bench-bot", displayName: "Bench Bot", emails: ["bot@bench.example"], type: "bot" });

const server = createServer((req, res) => {
  const path = (req.url ?? "").split("?")[0] ?? "";
  if (req.method === "GET" && path === "/v1/people/me") return void res.writeHead(200, json).end(me);
  if (req.method === "GET" && path.startsWith("/v1/messages/")) {
    const id = decodeURIComponent(path.slice("/v1/messages/".length));
    const roomId = id.split(":")[0];
    const message = { id, roomId, roomType: "direct", text: "hello", personId: "someone", personEmail: "a@b.example" };
    return void res.writeHead(200, json).end(JSON.stringify(message));
  }
  if (req.method === "POST" && path === "/v1/messages") {
    req.resume();
    req.on("end", () => res.writeHead(200, json).end('{"id":"reply"}'));
    return;
  }
  res.writeHead(404, json).end('{"message":"not found"}');
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`);
});
process.on("disconnect", () => process.exit(0));
