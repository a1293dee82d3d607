import type { Finding, Part } from "./check-exchange.js";
import type { SpecName } from "./spec.js";

/**
 * The only ways the emulator may differ from the specs, besides the artefacts @wx/openapi patches before generating
 * its types (which the check applies too), each with its reason: further artefacts of the specs, disagreements with
 * the live API (../shared/reference/webex-api.md) and the emulator's own limits.
 * The emulator README's "Where the emulator differs from the specs" table is this list (a test keeps them equal).
 */
export interface SpecException {
  /** Omitted: every spec that has the operation. */
  spec?: SpecName;
  /** `POST /attachment/actions`, or `*` for any operation. */
  operation: string;
  part: Part;
  /** JSON pointer of the finding; `*` stands for one segment (an array index). Omitted: any. */
  pointer?: string;
  /** The finding's keyword (`status`, `required`, …). Omitted: any. */
  keyword?: string;
  /** The finding's `got` (e.g. the status `"200"`). Omitted: any. */
  got?: string;
  reason: string;
}

// The record of the live API the reasons cite.
const LIVE = "webex-api.md";

export const SPEC_EXCEPTIONS: SpecException[] = [
  {
    operation: "*",
    part: "status",
    got: "413",
    reason:
      "the emulator's own body limits (maxBodyBytes, maxUploadBytes): the specs list no status for an oversized body, HTTP's is 413",
  },
  {
    operation: "POST /webhooks",
    part: "request body",
    pointer: "/resource",
    keyword: "enum",
    got: '"all"',
    reason: `\`all\` (the firehose) is missing from the spec's enum; the service takes it (${LIVE} §1 webhooks)`,
  },
  {
    operation: "POST /webhooks",
    part: "request body",
    pointer: "/event",
    keyword: "enum",
    got: '"all"',
    reason: `\`all\` is missing from the spec's event enum; the service takes it (${LIVE} §1 webhooks)`,
  },
  {
    operation: "POST /webhooks",
    part: "response body",
    pointer: "/resource",
    keyword: "enum",
    got: '"all"',
    reason: "a firehose webhook is answered with the `all` it was made with",
  },
  {
    operation: "POST /webhooks",
    part: "response body",
    pointer: "/event",
    keyword: "enum",
    got: '"all"',
    reason: "a firehose webhook is answered with the `all` it was made with",
  },
  {
    spec: "messaging",
    operation: "PUT /memberships/{membershipId}",
    part: "request body",
    keyword: "required",
    reason: `the spec requires both isModerator and isRoomHidden; the Python SDK sends only isModerator (${LIVE} §1 memberships)`,
  },
  {
    spec: "meeting",
    operation: "POST /meetings",
    part: "request body",
    pointer: "/start",
    keyword: "required",
    reason:
      "required in the schema, but its description makes start and end optional with templateId, and an ad-hoc meeting has none",
  },
  {
    spec: "meeting",
    operation: "POST /meetings",
    part: "request body",
    pointer: "/end",
    keyword: "required",
    reason: "required in the schema, but optional with templateId (its description), and an ad-hoc meeting has none",
  },
  {
    spec: "meeting",
    operation: "POST /meetings",
    part: "request body",
    pointer: "/title",
    keyword: "required",
    reason: "required in the schema, but its description gives an ad-hoc meeting the user's name as default title",
  },
  {
    spec: "meeting",
    operation: "PATCH /meetings/{meetingId}",
    part: "request body",
    pointer: "/agenda",
    keyword: "type",
    got: "null",
    reason:
      "the description says agenda, recurrence and trackingCodes may be null (cleared); the schema omits nullable",
  },
  {
    spec: "meeting",
    operation: "GET /meetings",
    part: "response body",
    pointer: "/items/*/password",
    keyword: "required",
    reason: "required in the schema, but the description says an ended meeting instance has none",
  },
  {
    spec: "meeting",
    operation: "GET /meetings/{meetingId}",
    part: "response body",
    pointer: "/password",
    keyword: "required",
    reason: "required in the schema, but the description says an ended meeting instance has none",
  },
  {
    spec: "meeting",
    operation: "GET /meetings",
    part: "response body",
    pointer: "/items/*/end",
    keyword: "required",
    reason: "required in the schema, but an instance in progress has not ended yet",
  },
  {
    operation: "POST /people",
    part: "request body",
    pointer: "/roles",
    keyword: "type",
    got: "null",
    reason: "deliberate leniency: null roles are read as none (test/input-limits.test.ts, odd but accepted input)",
  },
  {
    operation: "POST /people",
    part: "request body",
    pointer: "/licenses",
    keyword: "type",
    reason:
      "deliberate leniency: one licence ID given as a string is read as a list of one (test/input-limits.test.ts)",
  },
];

/** Emulator routes no spec has, with the reason the emulator serves them. */
export const EMULATOR_ONLY: Record<string, string> = {
  "GET contents/:id":
    "file downloads: the URLs in a message's `files` (the service serves them too, outside the specs)",
  "POST access_token": `OAuth token grants and refreshes (${LIVE} §7)`,
  "POST jwt/login": `guest-issuer logins (${LIVE} §8)`,
};

/** Operations the emulator serves that no test exercises yet, with the reason. */
export const NOT_EXERCISED: Record<string, string> = {};

function pointerMatches(pattern: string, pointer: string): boolean {
  const want = pattern.split("/");
  const have = pointer.split("/");
  return want.length === have.length && want.every((segment, i) => segment === "*" || segment === have[i]);
}

/** The exception that allows `finding`, if any. */
export function exceptionFor(finding: Finding): SpecException | undefined {
  return SPEC_EXCEPTIONS.find(
    (exception) =>
      (exception.spec === undefined || exception.spec === finding.spec) &&
      (exception.operation === "*" || exception.operation === finding.operation) &&
      exception.part === finding.part &&
      (exception.pointer === undefined || pointerMatches(exception.pointer, finding.pointer)) &&
      (exception.keyword === undefined || exception.keyword === finding.keyword) &&
      (exception.got === undefined || exception.got === finding.got),
  );
}

/** The README's table of SPEC_EXCEPTIONS and EMULATOR_ONLY (between its `spec-exceptions` markers). */
export function exceptionsTable(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const code = (text: string | undefined) => (text === undefined ? "" : `\`${text}\``);
  const rows = SPEC_EXCEPTIONS.map((e) => {
    const where = [e.part, code(e.pointer)].filter(Boolean).join(" ");
    const what = [e.keyword ?? "", e.got === undefined ? "" : `got ${code(e.got)}`].filter(Boolean).join(", ");
    return `| ${e.spec ?? "all"} | \`${e.operation}\` | ${where} | ${cell(what)} | ${cell(e.reason)} |`;
  });
  const only = Object.entries(EMULATOR_ONLY).map(
    ([route, reason]) => `| none | \`${route}\` | route | in no spec | ${cell(reason)} |`,
  );
  const idle = Object.entries(NOT_EXERCISED).map(([key, reason]) => {
    const [spec, ...operation] = key.split(" ");
    return `| ${spec} | \`${operation.join(" ")}\` | route | not exercised | ${cell(reason)} |`;
  });
  return ["| spec | operation | where | finding | reason |", "|---|---|---|---|---|", ...rows, ...only, ...idle].join(
    "\n",
  );
}
