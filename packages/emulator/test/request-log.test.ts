import { describe, expect, it } from "vitest";
import { RequestLog } from "../src/request-log.js";
import { useEmulator } from "./helpers.js";

const t = useEmulator();

describe("the request log", () => {
  it("keeps the last N requests, oldest first, overwriting the oldest", () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 5; i++) log.add("GET", `/v1/r${i}`, 200, Date.parse("2030-01-01T00:00:00Z") + i);
    expect(log.entries().map((e) => e.path)).toEqual(["/v1/r3", "/v1/r4", "/v1/r5"]);
    expect(log.entries()[0]?.at).toBe("2030-01-01T00:00:00.003Z");
    log.clear();
    expect(log.entries()).toEqual([]);
  });

  it("records every API request with its status, errors included", async () => {
    await t.user.get("people/me");
    await t.user.get("rooms/nope");
    await t.user.delete("people/me");
    expect(t.emu.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /v1/people/me 200",
      "GET /v1/rooms/nope 404",
      "DELETE /v1/people/me 403",
    ]);
  });
});
