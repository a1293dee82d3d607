import { describe, expect, it } from "vitest";
import { call, expectWebexError, useEmulator } from "./helpers.js";

const t = useEmulator();

function rawMultipart(boundary: string, roomId: string): Buffer {
  return Buffer.from(
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="roomId"',
      "",
      roomId,
      `--${boundary}`,
      'Content-Disposition: form-data; name="files"; filename="notes.txt"',
      "Content-Type: text/plain",
      "",
      "mixed case",
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}

function postMultipart(body: Buffer, contentType: string) {
  return call(`${t.emu.url}messages`, {
    method: "POST",
    token: t.emu.tokens.user,
    body,
    headers: { "content-type": contentType },
  });
}

describe("multipart boundaries", () => {
  it("parses a body with the boundary's exact, mixed case", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    for (const contentType of [
      "multipart/form-data; boundary=AbCdEf",
      'multipart/form-data; boundary="AbCdEf"',
      "Multipart/Form-Data; Boundary=AbCdEf",
    ]) {
      const res = await postMultipart(rawMultipart("AbCdEf", room.id), contentType);
      expect(res.status, res.text).toBe(200);
      const file = await call(res.body.files[0], { token: t.emu.tokens.user });
      expect(file.text).toBe("mixed case");
    }
  });

  it("does not match a boundary that differs only in case", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    expectWebexError(await postMultipart(rawMultipart("AbCdEf", room.id), "multipart/form-data; boundary=abcdef"), 400);
  });
});
