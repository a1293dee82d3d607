import { json, startTestServer, type TestServer } from "../../../../testing/test-server.js";

/** A loopback server that records each request and answers 200 with `{ id: "M1", items: [] }`, 204 to DELETE. */
export function startRecorder(): Promise<TestServer> {
  return startTestServer((req, res) =>
    req.method === "DELETE" ? res.writeHead(204).end() : json(res, 200, { id: "M1", items: [] }),
  );
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
