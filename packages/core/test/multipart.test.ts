import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { multipartBody, Session, ValidationError } from "../src/index.js";

let server: TestServer;
let session: Session;
beforeAll(async () => {
  server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
  session = new Session({ accessToken: "t", baseUrl: server.baseUrl });
});
afterAll(async () => {
  await session.close();
  await server.close();
});

/** Parses the multipart body the server received with the platform's own parser. */
async function received(index: number) {
  const req = server.requests[index];
  const form = await new Response(new Uint8Array(req?.body ?? []), {
    headers: { "content-type": req?.headers["content-type"] ?? "" },
  }).formData();
  return { form, headers: req?.headers ?? {} };
}

describe("multipart uploads", () => {
  it.each([
    [
      "a local path",
      async () => {
        const file = join(tmpdir(), "wx-report.pdf");
        await writeFile(file, "%PDF-1.4 hello");
        return { source: file };
      },
    ],
    ["a Buffer", async () => ({ source: Buffer.from("%PDF-1.4 hello"), filename: "wx-report.pdf" })],
    ["a Uint8Array", async () => ({ source: new TextEncoder().encode("%PDF-1.4 hello"), filename: "wx-report.pdf" })],
    ["a File", async () => ({ source: new File(["%PDF-1.4 hello"], "wx-report.pdf", { type: "application/pdf" }) })],
    [
      "a stream",
      async () => ({
        source: Readable.from([Buffer.from("%PDF-1.4 "), Buffer.from("hello")]),
        filename: "wx-report.pdf",
      }),
    ],
  ])("sends the fields then the file from %s", async (_name, make) => {
    const before = server.requests.length;
    const body = await multipartBody(
      { roomId: "R1", text: "see attached", markdown: undefined },
      "files",
      await make(),
    );
    await session.request({ method: "POST", path: "messages", body });
    const { form, headers } = await received(before);
    expect([...form.keys()]).toEqual(["roomId", "text", "files"]);
    expect(form.get("roomId")).toBe("R1");
    const file = form.get("files") as File;
    expect(file.name).toBe("wx-report.pdf");
    expect(file.type).toBe("application/pdf");
    expect(await file.text()).toBe("%PDF-1.4 hello");
    expect(headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("refuses a path that does not exist before anything is sent", async () => {
    const before = server.requests.length;
    await expect(multipartBody({}, "files", { source: "/no/such/file.png" })).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests.length).toBe(before);
  });
});
