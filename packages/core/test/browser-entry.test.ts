import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
// The fetch entry alone (browsers, workers, Bun, Deno): no file system, no settable User-Agent.
import { multipartBody, Session, ValidationError } from "../src/index.fetch.js";

let server: TestServer;
let session: Session;
beforeAll(async () => {
  server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
  session = new Session({ accessToken: "t", baseUrl: server.baseUrl, caller: "my-app" });
});
afterAll(async () => {
  await session.close();
  await server.close();
});

async function upload(source: Blob | ReadableStream<Uint8Array>) {
  const before = server.requests.length;
  const body = await multipartBody({ roomId: "R1" }, "files", { source, filename: "note.txt" });
  await session.request({ method: "POST", path: "messages", body });
  const req = server.requests[before];
  const form = await new Response(new Uint8Array(req?.body ?? []), {
    headers: { "content-type": req?.headers["content-type"] ?? "" },
  }).formData();
  return form.get("files") as File;
}

describe("the fetch entry", () => {
  it("refuses an upload from a local path with a ValidationError before anything is sent", async () => {
    const before = server.requests.length;
    const attempt = multipartBody({ roomId: "R1" }, "files", { source: "/etc/hostname" });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(/local path need @wx\/core's Node entry.*Blob/);
    expect(server.requests.length).toBe(before);
  });

  it("uploads a Blob and a web ReadableStream", async () => {
    const fromBlob = await upload(new Blob(["hello blob"], { type: "text/plain" }));
    expect(await fromBlob.text()).toBe("hello blob");
    expect(fromBlob.type).toBe("text/plain");
    const stream = new Blob(["hello ", "stream"]).stream();
    expect(await (await upload(stream)).text()).toBe("hello stream");
  });

  it("names the SDK in Spark-User-Agent, with the caller, and sets no User-Agent of its own", async () => {
    const before = server.requests.length;
    await session.request({ path: "people/me" });
    const headers = server.requests[before]?.headers ?? {};
    expect(headers["spark-user-agent"]).toMatch(/^wx\/\S+ \{"implementation":\{"name":"fetch"\}/);
    expect(JSON.parse(String(headers["spark-user-agent"]).replace(/^\S+ /, "")).organization).toEqual({
      caller: "my-app",
    });
    expect(String(headers["user-agent"])).not.toMatch(/^wx\//);
  });
});
