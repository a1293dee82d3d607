import { describe, expect, it } from "vitest";
import { type ApiResponse, call, qs, useEmulator } from "./helpers.js";

const t = useEmulator();

/**
 * What WebexPythonSDK's `_fix_next_url` does to a next link: the original values of max, roomId,
 * parentId, mentionedPeople, before and beforeMessage overwrite the link's, every other original
 * parameter is re-appended when missing, and the query is rebuilt without URL-encoding.
 */
function pythonFixNextUrl(next: string, original: Record<string, string>): string {
  const url = new URL(next);
  const params = new Map<string, string>(url.searchParams.entries());
  for (const key of ["max", "roomId", "parentId", "mentionedPeople", "before", "beforeMessage"]) {
    if (original[key] !== undefined) params.set(key, original[key]);
  }
  for (const [key, value] of Object.entries(original)) if (!params.has(key)) params.set(key, value);
  const query = [...params].map(([k, v]) => `${k}=${v}`).join("&");
  return `${url.origin}${url.pathname}?${query}`;
}

function nextLink(res: ApiResponse): string | undefined {
  const link = res.headers.link;
  if (!link) return undefined;
  expect(link).toMatch(/^<http:\/\/[^>]+>; rel="next"$/);
  return /^<([^>]+)>/.exec(link)?.[1];
}

async function walk(path: string, original: Record<string, string>, token: string, fix = true) {
  const ids: string[] = [];
  let url: string | undefined = `${t.emu.url}${path}?${qs(original)}`;
  let pages = 0;
  while (url) {
    const res = await call(url, { token });
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((item: { id: string }) => item.id));
    pages++;
    const next = nextLink(res);
    url = next && (fix ? pythonFixNextUrl(next, original) : next);
    if (pages > 100) throw new Error("pagination does not end");
  }
  return { ids, pages };
}

describe("pagination", () => {
  it("pages messages with absolute next links whose cursor survives re-appended queries", async () => {
    const room = (await t.user.post("rooms", { title: "Busy" })).body;
    t.emu.seedMessages({ roomId: room.id, count: 1234 });
    const plain = await walk("messages", { roomId: room.id, max: "100" }, t.emu.tokens.user, false);
    const fixed = await walk("messages", { roomId: room.id, max: "100" }, t.emu.tokens.user);
    expect(plain.pages).toBe(13);
    expect(fixed.ids).toEqual(plain.ids);
    expect(new Set(fixed.ids).size).toBe(1234);
  });

  it("keeps beforeMessage and mentionedPeople in effect on every page for a re-appending client", async () => {
    const room = (await t.user.post("rooms", { title: "Bot room" })).body;
    await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.bot.id });
    const mentionIds: string[] = [];
    for (let i = 0; i < 25; i++) {
      const markdown = i % 2 === 0 ? `<@personId:${t.emu.people.bot.id}|Bot> ${i}` : `plain ${i}`;
      const msg = (await t.user.post("messages", { roomId: room.id, markdown })).body;
      if (i % 2 === 0) mentionIds.unshift(msg.id);
    }
    const result = await walk("messages", { roomId: room.id, mentionedPeople: "me", max: "3" }, t.emu.tokens.bot);
    expect(result.ids).toEqual(mentionIds);
    const anchor = mentionIds[4] as string;
    const older = await walk(
      "messages",
      { roomId: room.id, mentionedPeople: "me", beforeMessage: anchor, max: "2" },
      t.emu.tokens.bot,
    );
    expect(older.ids).toEqual(mentionIds.slice(5));
  });

  it("defaults messages to 50 per page and caps max", async () => {
    const room = (await t.user.post("rooms", { title: "Defaults" })).body;
    t.emu.seedMessages({ roomId: room.id, count: 1500 });
    const first = await t.user.get(`messages?${qs({ roomId: room.id })}`);
    expect(first.body.items).toHaveLength(50);
    const capped = await t.user.get(`messages?${qs({ roomId: room.id, max: 5000 })}`);
    expect(capped.body.items).toHaveLength(1000);
    expect(nextLink(capped)).toContain("max=5000");
    expect((await t.user.get(`messages?${qs({ roomId: room.id, max: "abc" })}`)).status).toBe(400);
    expect((await t.user.get(`messages?${qs({ roomId: room.id, cursor: "%%%" })}`)).status).toBe(400);
  });

  it("pages rooms, people, memberships and webhooks with their default sizes", async () => {
    for (let i = 0; i < 105; i++) await t.user.post("rooms", { title: `Room ${i}` });
    const rooms = await walk("rooms", {}, t.emu.tokens.user);
    expect(rooms.pages).toBe(2);
    expect(new Set(rooms.ids).size).toBe(105);
    const small = await walk("rooms", { max: "10", type: "group" }, t.emu.tokens.user);
    expect(small.pages).toBe(11);
    for (let i = 0; i < 4; i++) t.emu.addPerson({ displayName: `Extra ${i}` });
    const people = await walk("people", { max: "2" }, t.emu.tokens.admin);
    expect(people.ids).toHaveLength(7);
    for (let i = 0; i < 3; i++) {
      await t.user.post("webhooks", {
        name: `w${i}`,
        targetUrl: "http://127.0.0.1:9/",
        resource: "messages",
        event: "created",
      });
    }
    expect((await walk("webhooks", { max: "1" }, t.emu.tokens.user)).ids).toHaveLength(3);
    expect((await walk("memberships", { max: "50" }, t.emu.tokens.user)).ids).toHaveLength(105);
  });
});
