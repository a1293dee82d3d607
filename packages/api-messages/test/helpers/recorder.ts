import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/messages?roomId=R`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Recorder {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A loopback server that records each request and answers 200 with `{ id: "M1", items: [] }`. */
export async function startRecorder(): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(req.method === "DELETE" ? 204 : 200, { "content-type": "application/json" });
    res.end(req.method === "DELETE" ? "" : JSON.stringify({ id: "M1", items: [] }));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The parts of a multipart/form-data body, in order. */
export function parseMultipart(
  contentType: string | undefined,
  body: Buffer,
): { name: string; filename?: string; contentType?: string; data: Buffer }[] {
  const boundary = /boundary=(.+)$/.exec(contentType ?? "")?.[1];
  if (!boundary) throw new Error(`not multipart: ${contentType}`);
  const parts = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter) + delimiter.length;
  for (;;) {
    if (body.subarray(start, start + 2).toString() === "--") break;
    const end = body.indexOf(delimiter, start);
    const raw = body.subarray(start + 2, end - 2); // drop the CRLF after the delimiter and before the next one
    const split = raw.indexOf("\r\n\r\n");
    const head = raw.subarray(0, split).toString();
    parts.push({
      name: /name="([^"]*)"/.exec(head)?.[1] ?? "",
      filename: /filename="([^"]*)"/.exec(head)?.[1],
      contentType: /content-type: (.+)/i.exec(head)?.[1]?.trim(),
      data: raw.subarray(split + 4),
    });
    start = end + delimiter.length;
  }
  return parts;
}
