import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator, type Exchange } from "../src/index.js";
import { checkExchange, describeFinding, type Finding } from "./check-exchange.js";
import { call, client } from "./helpers.js";
import { schedule } from "./meeting-helpers.js";
import { EMULATOR_ONLY, exceptionFor, exceptionsTable, SPEC_EXCEPTIONS } from "./spec-exceptions.js";
import { servedOperations } from "./spec-served.js";
import { summarize } from "./spec-summary.js";
import { emptyTally, specRecorder, suiteRecorder } from "./spec-tally.js";

// The spec check itself: what the emulator shows `onExchange`, and that the check finds what it should, told
// on real exchanges (altered where the emulator would never disagree).

const seen: Exchange[] = [];
let emu: Emulator;
let user: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await createEmulator({
    seed: 3,
    onExchange: (exchange) => {
      seen.push(exchange);
      suiteRecorder.observe(exchange);
    },
  });
  user = client(emu, emu.tokens.user);
});
beforeEach(() => {
  emu.reset();
  seen.length = 0;
});
afterAll(() => emu.close());

const last = () => seen[seen.length - 1] as Exchange;
const only = (findings: Finding[]) => findings.filter((finding) => !exceptionFor(finding));

describe("onExchange", () => {
  it("sees each request and the answer sent, bytes as sent", async () => {
    const created = await user.post("rooms?x=1", { title: "Seen" });
    expect(last()).toMatchObject({
      method: "POST",
      path: "/v1/rooms",
      search: "?x=1",
      requestContentType: "application/json",
      requestBody: { title: "Seen" },
      status: 200,
      responseContentType: "application/json;charset=UTF-8",
      responseBody: created.text,
    });
    expect(last().fault).toBeUndefined();
    await user.delete(`rooms/${created.body.id}`);
    expect(last()).toMatchObject({ method: "DELETE", status: 204, responseContentType: "", responseBody: "" });
    const missing = await user.get("nowhere");
    expect(last()).toMatchObject({
      path: "/v1/nowhere",
      status: 404,
      responseContentType: "application/json;charset=UTF-8",
      responseBody: missing.text,
    });
  });

  it("tells which fault was injected, and skips the control API", async () => {
    emu.faults.next(1, { malformedJson: true });
    await user.get("people/me");
    expect(last()).toMatchObject({ path: "/v1/people/me", status: 200, fault: { malformedJson: true } });
    expect(checkExchange(last()).findings).toEqual([]);
    const before = seen.length;
    await call(emu.url.replace("/v1/", "/_emulator/requests"));
    expect(seen.length).toBe(before);
  });

  it("is refused when it is not a function", async () => {
    await expect(createEmulator({ onExchange: "log" as never })).rejects.toThrow(/onExchange must be a function/);
  });
});

describe("the spec check", () => {
  it("passes what the emulator answers, naming the operation of each spec that has it", async () => {
    await user.get("people/me");
    const verdict = checkExchange(last());
    expect(verdict.findings).toEqual([]);
    expect(verdict.operations).toEqual([
      { spec: "messaging", name: "GET /people/me" },
      { spec: "admin", name: "GET /people/me" },
      { spec: "meeting", name: "GET /people/me" },
    ]);
  });

  it("finds a response field outside the schema, with operation, pointer, expected and got", async () => {
    const room = (await user.post("rooms", { title: "Typed" })).body;
    await user.get(`rooms/${room.id}`);
    const changed = { ...last(), responseBody: JSON.stringify({ ...room, created: 5 }) };
    const [finding, ...rest] = checkExchange(changed).findings;
    expect(rest).toEqual([]);
    expect(describeFinding(finding as Finding)).toBe(
      "GET /rooms/{roomId} (messaging) response body /created: expected type string, got 5",
    );
  });

  it("finds a missing required field, a value outside its enum and an undocumented status", async () => {
    const meeting = await schedule(user, emu.now());
    const { id: _id, ...noId } = meeting;
    expect(only(checkExchange({ ...last(), responseBody: JSON.stringify(noId) }).findings)).toMatchObject([
      { operation: "POST /meetings", part: "response body", pointer: "/id", keyword: "required", got: "absent" },
    ]);
    const room = (await user.post("rooms", { title: "Typed" })).body;
    expect(
      only(checkExchange({ ...last(), responseBody: JSON.stringify({ ...room, type: "team" }) }).findings),
    ).toMatchObject([
      {
        part: "response body",
        pointer: "/type",
        keyword: "enum",
        expected: 'one of ["direct","group"]',
        got: '"team"',
      },
    ]);
    expect(only(checkExchange({ ...last(), status: 418 }).findings)).toMatchObject([
      { part: "status", keyword: "status", got: "418" },
    ]);
  });

  it("finds a request the spec refuses that was answered 2xx, and passes one refused with 400", async () => {
    await user.get("rooms?max=2");
    expect(checkExchange(last()).findings).toEqual([]);
    expect(only(checkExchange({ ...last(), search: "?max=two" }).findings)).toMatchObject([
      { part: "query", pointer: "/max", keyword: "type", expected: "type number", got: '"two"' },
    ]);
    await user.post("rooms", { title: "Body" });
    expect(only(checkExchange({ ...last(), requestBody: { title: 7 } }).findings)).toMatchObject([
      { part: "request body", pointer: "/title", keyword: "type", got: "7" },
    ]);
    const refused = await user.post("rooms", { title: 7 });
    expect(refused.status).toBe(400);
    expect(checkExchange(last()).findings).toEqual([]);
  });

  it("checks against the patched specs: a card attachment and the 200 of an attachment action pass", async () => {
    const room = (await user.post("rooms", { title: "Cards" })).body;
    const card = { contentType: "application/vnd.microsoft.card.adaptive", content: { type: "AdaptiveCard" } };
    const message = (await user.post("messages", { roomId: room.id, text: "c", attachments: [card] })).body;
    expect(checkExchange(last()).findings).toEqual([]);
    await user.post("attachment/actions", { type: "submit", messageId: message.id, inputs: {} });
    expect(last().status).toBe(200);
    expect(checkExchange(last()).findings).toEqual([]);
  });

  it("lets a known difference through only by its exception", async () => {
    const webhook = { name: "all", targetUrl: "http://127.0.0.1:9/", resource: "all", event: "all" };
    await user.post("webhooks", webhook);
    const findings = checkExchange(last()).findings.filter((finding) => finding.spec === "messaging");
    expect(findings.map((finding) => `${finding.part} ${finding.pointer}`).sort()).toEqual([
      "request body /event",
      "request body /resource",
      "response body /event",
      "response body /resource",
    ]);
    expect(findings.map((finding) => exceptionFor(finding)?.reason)).not.toContain(undefined);
    expect(exceptionFor({ ...(findings[0] as Finding), got: '"some"' })).toBeUndefined();
  });

  it("fails the test that caused a disagreement, with a readable message, once", async () => {
    await user.get("people/me");
    const recorder = specRecorder();
    recorder.observe({ ...last(), responseBody: JSON.stringify({ id: 1 }) });
    const message = recorder.takeMismatches() ?? "";
    expect(message).toContain("GET /v1/people/me → 200");
    expect(message).toContain("GET /people/me (messaging) response body /id: expected type string, got 1");
    expect(recorder.takeMismatches()).toBeUndefined();
    expect(recorder.tally.failed).toBe(3);
  });
});

describe("coverage", () => {
  it("every emulator route is an operation of a spec, or listed as emulator-only", () => {
    const { bySpec, emulatorOnly } = servedOperations();
    expect(emulatorOnly.sort()).toEqual(Object.keys(EMULATOR_ONLY).sort());
    expect(bySpec.messaging).toContain("GET /rooms/{roomId}/meetingInfo");
    expect(bySpec.meeting).toContain("POST /meetings/{meetingId}/registrants/bulkDelete");
  });

  it("a whole run fails when a served operation went unexercised, or an exception unused", () => {
    const { problems } = summarize(emptyTally(), true);
    expect(problems).toContain("messaging GET /rooms: served, but no test exercised it");
    expect(problems).toContain(
      `exception ${SPEC_EXCEPTIONS[0]?.operation} (${SPEC_EXCEPTIONS[0]?.part}) was never used`,
    );
    expect(summarize(emptyTally(), false).problems).toEqual([]);
  });

  it("the README's table is SPEC_EXCEPTIONS and EMULATOR_ONLY", () => {
    const readme = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "../README.md"), "utf8");
    const table = /<!-- spec-exceptions:start -->\n([\s\S]*?)\n<!-- spec-exceptions:end -->/.exec(readme)?.[1];
    expect(table).toBe(exceptionsTable());
  });
});
