import { describe, expect, it } from "vitest";
import { call, qs, useEmulator } from "./helpers.js";

const t = useEmulator();

/**
 * webexpythonsdk 2.0.5 `_fix_next_url`, on the raw query string as the SDK does it: the next link's
 * own pairs stay as sent (still URL-encoded), the original values of max, roomId, parentId,
 * mentionedPeople, before and beforeMessage overwrite theirs without encoding, and any other original
 * parameter missing from the link is appended, also without encoding.
 */
function webexPythonSdkNextUrl(next: string, original: Record<string, string>): string {
  const [base, query = ""] = next.split("?") as [string, string?];
  const pairs = new Map<string, string>();
  for (const pair of query.split("&")) {
    const at = pair.indexOf("=");
    if (at > 0) pairs.set(pair.slice(0, at), pair.slice(at + 1));
  }
  const critical = ["max", "roomId", "parentId", "mentionedPeople", "before", "beforeMessage"];
  for (const [key, value] of Object.entries(original)) {
    if (critical.includes(key) || !pairs.has(key)) pairs.set(key, value);
  }
  return `${base}?${[...pairs].map(([key, value]) => `${key}=${value}`).join("&")}`;
}

/** Follows next links the way the SDK does, returning every item id and each page's status. */
async function walkLikeTheSdk(path: string, original: Record<string, string>, token: string) {
  const ids: string[] = [];
  const statuses: number[] = [];
  let url: string | undefined = `${t.emu.url}${path}?${qs(original)}`;
  while (url && statuses.length < 50) {
    const res = await call(url, { token });
    statuses.push(res.status);
    if (res.status !== 200) break;
    ids.push(...res.body.items.map((item: { id: string }) => item.id));
    const next = /^<([^>]+)>; rel="next"$/.exec(res.headers.link ?? "")?.[1];
    url = next && webexPythonSdkNextUrl(next, original);
  }
  return { ids, statuses };
}

describe("what the Python SDK sends", () => {
  it("pages messages before a Python isoformat() time, whose '+00:00' comes back unencoded on page 2", async () => {
    const room = (await t.user.post("rooms", { title: "Offset" })).body;
    t.emu.seedMessages({ roomId: room.id, count: 7 });
    // datetime.now(timezone.utc).isoformat(): microseconds and a "+00:00" offset.
    const before = `${new Date(Date.now() + 60_000).toISOString().slice(0, -1)}760+00:00`;
    const all = (await t.user.get(`messages?${qs({ roomId: room.id })}`)).body.items.map((m: { id: string }) => m.id);

    const paged = await walkLikeTheSdk("messages", { roomId: room.id, before, max: "2" }, t.emu.tokens.user);

    expect(paged.statuses).toEqual([200, 200, 200, 200]);
    expect(paged.ids).toEqual(all);
  });

  it("still refuses a before that is not a time", async () => {
    const room = (await t.user.post("rooms", { title: "Bad time" })).body;
    const res = await t.user.get(`messages?${qs({ roomId: room.id, before: "yesterday 10:00" })}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("before must be an ISO 8601 time");
  });

  it("pages admin audit events with the offset=0 the SDK always sends next to the cursor", async () => {
    for (let i = 0; i < 3; i++) {
      await t.admin.post("people", { emails: [`audited${i}@example.com`], displayName: `Audited ${i}` });
    }
    const day = 24 * 3600 * 1000;
    const original = {
      orgId: t.emu.org.id,
      to: new Date(Date.now() + day).toISOString(),
      max: "1",
      offset: "0",
      from: new Date(Date.now() - 30 * day).toISOString(),
    };

    const paged = await walkLikeTheSdk("adminAudit/events", original, t.emu.tokens.admin);

    expect(paged.statuses.every((status) => status === 200)).toBe(true);
    expect(paged.ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
  });
});
