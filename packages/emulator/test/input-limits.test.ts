import { describe, expect, it } from "vitest";
import { call, client, expectWebexError, useEmulator } from "./helpers.js";

const t = useEmulator();

const CARD_TYPE = "application/vnd.microsoft.card.adaptive";

/** `levels` objects nested inside one another, as raw JSON text (too deep for JSON.stringify to build). */
function nested(levels: number): string {
  return `${'{"a":'.repeat(levels - 1)}{}${"}".repeat(levels - 1)}`;
}

function postRaw(path: string, body: string, token = t.emu.tokens.user) {
  return call(`${t.emu.url}${path}`, { method: "POST", token, body, headers: { "content-type": "application/json" } });
}

async function sharedRoom() {
  const room = (await t.user.post("rooms", { title: "Shared" })).body;
  await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id });
  return room;
}

/** Everyone in the room can still read it, and everyone can still list their rooms. */
async function expectRoomReadable(roomId: string) {
  for (const api of [t.user, t.admin]) {
    expect((await api.get(`messages?roomId=${roomId}`)).status).toBe(200);
    expect((await api.get("rooms")).status).toBe(200);
  }
}

describe("deeply nested JSON", () => {
  it("refuses a card nested thousands of levels deep, and the room stays readable", async () => {
    const room = await sharedRoom();
    const body = `{"roomId":"${room.id}","text":"x","attachments":[{"contentType":"${CARD_TYPE}","content":${nested(5000)}}]}`;
    expect(body.length).toBeGreaterThan(25_000);
    const res = await postRaw("messages", body);
    expectWebexError(res, 400);
    expect(res.body.message).toMatch(/64 levels/);
    await expectRoomReadable(room.id);
    expect((await t.admin.get("events")).status).toBe(200);
  });

  it("accepts a body nested exactly 64 levels and refuses 65", async () => {
    const room = await sharedRoom();
    // body (1) > attachments (2) > attachment (3) > content (4): the card itself may nest 61 levels.
    const card = (levels: number) =>
      `{"roomId":"${room.id}","text":"x","attachments":[{"contentType":"${CARD_TYPE}","content":${nested(levels)}}]}`;
    expect((await postRaw("messages", card(61))).status).toBe(200);
    expectWebexError(await postRaw("messages", card(62)), 400);
    await expectRoomReadable(room.id);
  });

  it("refuses a deep card sent as a multipart attachments part", async () => {
    const room = await sharedRoom();
    const boundary = "deepcard";
    const card = `{"contentType":"${CARD_TYPE}","content":${nested(5000)}}`;
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="roomId"\r\n\r\n${room.id}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="attachments"\r\n\r\n${card}\r\n`,
      `--${boundary}--\r\n`,
    ].join("");
    const headers = { "content-type": `multipart/form-data; boundary=${boundary}` };
    expectWebexError(
      await call(`${t.emu.url}messages`, { method: "POST", token: t.emu.tokens.user, body, headers }),
      400,
    );
    await expectRoomReadable(room.id);
  });

  it("refuses deep card inputs, so attachment actions and events stay readable", async () => {
    const room = await sharedRoom();
    const card = { contentType: CARD_TYPE, content: { type: "AdaptiveCard", version: "1.3", body: [] } };
    const message = (await t.user.post("messages", { roomId: room.id, text: "vote", attachments: [card] })).body;
    const body = `{"type":"submit","messageId":"${message.id}","inputs":${nested(5000)}}`;
    expectWebexError(await postRaw("attachment/actions", body, t.emu.tokens.admin), 400);
    expect((await t.admin.get("events")).status).toBe(200);
    await expectRoomReadable(room.id);
  });

  it("refuses deep JSON in any body, e.g. a person's addresses", async () => {
    const body = `{"emails":["deep@example.com"],"displayName":"Deep","addresses":${nested(5000)}}`;
    expectWebexError(await postRaw("people", body, t.emu.tokens.admin), 400);
    expect((await t.admin.get("people")).status).toBe(200);
  });

  it("refuses deep or self-referencing cards posted in-process with emu.act", async () => {
    const room = await sharedRoom();
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const attachments = [{ contentType: CARD_TYPE, content: deep }];
    await expect(t.emu.act(t.emu.tokens.user).postMessage({ roomId: room.id, text: "x", attachments })).rejects.toThrow(
      /\[400\]/,
    );
    const loop: Record<string, unknown> = { type: "AdaptiveCard" };
    loop.self = loop;
    const cyclic = [{ contentType: CARD_TYPE, content: loop }];
    await expect(
      t.emu.act(t.emu.tokens.user).postMessage({ roomId: room.id, text: "x", attachments: cyclic }),
    ).rejects.toThrow(/\[400\]/);
    await expectRoomReadable(room.id);
  });

  it("refuses deep JSON sent to the control API", async () => {
    const room = await sharedRoom();
    const body = `{"token":"${t.emu.tokens.user}","roomId":"${room.id}","text":"x","attachments":[{"contentType":"${CARD_TYPE}","content":${nested(5000)}}]}`;
    const res = await call(t.emu.url.replace("/v1/", "/_emulator/act/messages"), {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    expectWebexError(res, 400);
    await expectRoomReadable(room.id);
  });
});

describe("sizes", () => {
  it("caps a card at 80 000 bytes of JSON", async () => {
    const room = await sharedRoom();
    const card = (bytes: number) => {
      const content = { type: "AdaptiveCard", version: "1.3", body: [{ type: "TextBlock", text: "" }] };
      const padding = bytes - JSON.stringify(content).length;
      content.body[0] = { type: "TextBlock", text: "x".repeat(padding) };
      return [{ contentType: CARD_TYPE, content }];
    };
    expect((await t.user.post("messages", { roomId: room.id, text: "x", attachments: card(80_000) })).status).toBe(200);
    const res = await t.user.post("messages", { roomId: room.id, text: "x", attachments: card(80_001) });
    expectWebexError(res, 400);
    expect(res.body.message).toMatch(/80000 bytes/);
  });

  it("counts text and markdown in UTF-8 bytes (7439)", async () => {
    const room = await sharedRoom();
    expectWebexError(await t.user.post("messages", { roomId: room.id, markdown: "é".repeat(3720) }), 400);
    expect((await t.user.post("messages", { roomId: room.id, markdown: "é".repeat(3719) })).status).toBe(200);
  });

  it("caps titles, names and other strings, wherever they are stored", async () => {
    const long = "x".repeat(1025);
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const team = (await t.user.post("teams", { name: "T" })).body;
    const webhook = { name: "w", targetUrl: "https://example.com/hook", resource: "messages", event: "created" };
    const refused = [
      await t.user.post("rooms", { title: long }),
      await t.user.put(`rooms/${room.id}`, { title: long }),
      await t.user.post("rooms", { title: "R", description: "d".repeat(4097) }),
      await t.user.post("teams", { name: long }),
      await t.user.put(`teams/${team.id}`, { name: long }),
      await t.user.post("webhooks", { ...webhook, name: long }),
      await t.user.post("webhooks", { ...webhook, secret: long }),
      await t.user.post("webhooks", { ...webhook, targetUrl: `https://example.com/${"p".repeat(2048)}` }),
      await t.admin.post("people", { emails: ["long@example.com"], displayName: long }),
      await t.user.post("messages", { roomId: room.id, files: [`https://example.com/${"p".repeat(2048)}`] }),
    ];
    for (const res of refused) expectWebexError(res, 400);
    expect(refused[0]?.body.message).toBe("title exceeds the maximum length of 1024 characters.");
    expect((await t.user.post("rooms", { title: "x".repeat(1024) })).status).toBe(200);
    expect((await t.user.post("rooms", { title: "😀".repeat(1024) })).status).toBe(200);
    expect((await t.user.get("rooms")).status).toBe(200);
  });
});

describe("webhook filters", () => {
  const webhook = { name: "w", targetUrl: "https://example.com/hook", resource: "messages", event: "created" };

  it("refuses a filter that is not valid URL encoding", async () => {
    const res = await t.user.post("webhooks", { ...webhook, filter: "roomType=%E0%A4%A" });
    expectWebexError(res, 400);
    expect(res.body.message).toMatch(/filter/);
  });

  it("refuses a filter longer than 2048 characters", async () => {
    const filter = Array.from({ length: 300 }, () => "roomType=group").join("&");
    expectWebexError(await t.user.post("webhooks", { ...webhook, filter }), 400);
  });
});

describe("file URLs", () => {
  it("answers 400, not 500, for a file URL that is not an http(s) URL", async () => {
    const room = await sharedRoom();
    for (const files of [["not a url"], ["ftp://x"], [5], ["https://%"], ["http://[::1"], "https://"]) {
      const res = await t.user.post("messages", { roomId: room.id, files });
      expectWebexError(res, 400);
    }
    await expectRoomReadable(room.id);
  });

  it("accepts a URL whose path is not valid percent-encoding and keeps it as a link", async () => {
    const room = await sharedRoom();
    const link = "https://example.com/files/100%25%ZZ.png";
    const res = await t.user.post("messages", { roomId: room.id, files: [link] });
    expect(res.status).toBe(200);
    const file = await call(res.body.files[0], { method: "HEAD", token: t.emu.tokens.user });
    expect(file.status).toBe(302);
    expect(file.headers.location).toBe(link);
  });
});

describe("odd but accepted input", () => {
  const control = (path: string, json: unknown) =>
    call(t.emu.url.replace("/v1/", `/_emulator/${path}`), { method: "POST", json });

  async function tokenFor(personId: string): Promise<string> {
    const { clientId, clientSecret, redirectUri } = t.emu.integration;
    const code = t.emu.authorize({ personId });
    const form = { grant_type: "authorization_code", client_id: clientId, client_secret: clientSecret, code };
    const res = await call(`${t.emu.url}access_token`, {
      method: "POST",
      body: new URLSearchParams({ ...form, redirect_uri: redirectUri }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    return res.body.access_token;
  }

  it("a person created with roles: null can still use the API", async () => {
    const created = await t.admin.post("people", { emails: ["nul@example.com"], displayName: "Nul", roles: null });
    expect(created.status).toBe(200);
    expect(created.body.roles).toEqual([]);
    const nul = client(t.emu, await tokenFor(created.body.id));
    expect((await nul.get("people?email=nul@example.com")).status).toBe(200);
  });

  it("keeps a single role or license given as a string as a list", async () => {
    const license = (await t.admin.get("licenses")).body.items[0].id;
    const created = await t.admin.post("people", {
      emails: ["one@example.com"],
      displayName: "One",
      licenses: license,
    });
    expect(created.body.licenses).toEqual([license]);
    expect((await t.admin.get("licenses")).status).toBe(200);
  });

  it("control API people: fields are checked and cannot override what the emulator owns", async () => {
    const added = await control("people", { displayName: "Ctl", fields: { displayName: 5, roles: null } });
    expect(added.status).toBe(200);
    expect(added.body.person.displayName).toBe("Ctl");
    const listed = await t.admin.get("people?displayName=Ct");
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { displayName: string }) => p.displayName)).toEqual(["Ctl"]);
    expectWebexError(await control("people", { displayName: 5 }), 400);
    expectWebexError(await control("people", { displayName: "Robo", type: "robot" }), 400);
    expectWebexError(await control("people", { displayName: "x".repeat(1025) }), 400);
  });

  it("control API seed/messages needs a whole, finite count", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    for (const count of ["1e400", "1.5", "-1", '"two"']) {
      const res = await call(t.emu.url.replace("/v1/", "/_emulator/seed/messages"), {
        method: "POST",
        body: `{"roomId":"${room.id}","count":${count}}`,
        headers: { "content-type": "application/json" },
      });
      expectWebexError(res, 400);
    }
    expect((await control("seed/messages", { roomId: room.id, count: 2 })).status).toBe(204);
    expect((await t.user.get(`messages?roomId=${room.id}`)).body.items).toHaveLength(2);
  });

  it("a refused room update changes nothing", async () => {
    const team = (await t.user.post("teams", { name: "T" })).body;
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const refused = await t.user.put(`rooms/${room.id}`, { title: "New", teamId: team.id, isPublic: true });
    expectWebexError(refused, 400);
    const after = (await t.user.get(`rooms/${room.id}`)).body;
    expect(after.teamId).toBeUndefined();
    expect(after.title).toBe("R");
  });
});
