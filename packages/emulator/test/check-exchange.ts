import type { ErrorObject } from "ajv";
import type { Exchange } from "../src/index.js";
import type { SpecContent, SpecName, SpecOperation } from "./spec.js";
import { validatorFor } from "./spec.js";
import { type FoundOperation, findOperations } from "./spec-operations.js";

/** Where a finding is: the answer's status or body, or the request's body, query or path parameters. */
export type Part = "status" | "response body" | "request body" | "query" | "path";

/** One way an exchange disagrees with an operation of a spec. */
export interface Finding {
  spec: SpecName;
  /** `GET /rooms/{roomId}` */
  operation: string;
  part: Part;
  /** JSON pointer into the part (`/items/0/created`), `/max` for a query parameter, "" for the status. */
  pointer: string;
  /** The ajv keyword that failed (`type`, `required`, `enum`, …), or `status`, `content-type`, `json`. */
  keyword: string;
  expected: string;
  got: string;
}

export interface Verdict {
  /** The operations the exchange was checked against, one per spec that has it. */
  operations: Array<{ spec: SpecName; name: string }>;
  findings: Finding[];
}

/**
 * Checks an exchange against every spec operation its method and path match: the status is a documented one,
 * a 2xx answer has the documented content type and schema, and a request the spec refuses (a body, query or path
 * parameter outside its schema, a required one missing) was not answered 2xx.
 */
export function checkExchange(exchange: Exchange): Verdict {
  const path = apiPath(exchange.path);
  const found = path === undefined ? [] : findOperations(exchange.method, path);
  const findings = found.flatMap((operation) => checkOperation(exchange, operation));
  return { operations: found.map(({ spec, name }) => ({ spec, name })), findings };
}

/** `/v1/rooms/` → `rooms`; undefined outside /v1/. */
export function apiPath(path: string): string | undefined {
  if (!path.startsWith("/v1/")) return undefined;
  let rest = path.slice(4);
  while (rest.endsWith("/")) rest = rest.slice(0, -1);
  return rest;
}

function checkOperation(exchange: Exchange, found: FoundOperation): Finding[] {
  const findings: Finding[] = [];
  const report = (part: Part, pointer: string, keyword: string, expected: string, got: string) =>
    findings.push({ spec: found.spec, operation: found.name, part, pointer, keyword, expected, got });
  const { operation } = found;
  const documented = operation.responses[String(exchange.status)] ?? operation.responses.default;
  if (!documented) {
    report("status", "", "status", `one of ${Object.keys(operation.responses).join(", ")}`, String(exchange.status));
    return findings;
  }
  if (exchange.status < 200 || exchange.status > 299) return findings;
  checkResponseBody(exchange, found.spec, documented, report);
  checkParameters(exchange, found, report);
  checkRequestBody(exchange, found.spec, operation, report);
  return findings;
}

type Report = (part: Part, pointer: string, keyword: string, expected: string, got: string) => void;

function mediaType(contentType: string): string {
  return (contentType.split(";")[0] as string).trim().toLowerCase();
}

function checkResponseBody(exchange: Exchange, spec: SpecName, documented: SpecContent, report: Report): void {
  const content = documented.content ?? {};
  const sent = exchange.responseBody.length > 0;
  if (Object.keys(content).length === 0) {
    if (sent) report("response body", "", "content-type", "no body", exchange.responseContentType);
    return;
  }
  // An injected `malformedJson` fault breaks the body on purpose.
  if (exchange.fault && "malformedJson" in exchange.fault) return;
  const media = mediaType(exchange.responseContentType);
  const entry = Object.entries(content).find(([type]) => mediaType(type) === media)?.[1];
  if (!entry) {
    report(
      "response body",
      "",
      "content-type",
      Object.keys(content).join(" or "),
      exchange.responseContentType || "none",
    );
    return;
  }
  if (!entry.schema || !media.includes("json")) return;
  let body: unknown;
  try {
    body = JSON.parse(exchange.responseBody.toString());
  } catch {
    report("response body", "", "json", "JSON", exchange.responseBody.toString().slice(0, 80));
    return;
  }
  validate(spec, entry.schema as object, body, "response body", report);
}

function checkParameters(exchange: Exchange, found: FoundOperation, report: Report): void {
  const query = new URLSearchParams(exchange.search);
  for (const parameter of found.operation.parameters ?? []) {
    if (parameter.in !== "query" && parameter.in !== "path") continue;
    const part = parameter.in;
    const values =
      part === "path" ? [found.params[parameter.name]].filter((v) => v !== undefined) : query.getAll(parameter.name);
    if (values.length === 0) {
      if (parameter.required) report(part, `/${parameter.name}`, "required", "present (required)", "absent");
      continue;
    }
    if (!parameter.schema) continue;
    const schema = parameter.schema as { type?: unknown };
    const value = schema.type === "array" ? values.flatMap((v) => v.split(",")) : values[0];
    const check = validatorFor(found.spec, parameter.schema as object, true);
    const data = { value };
    if (check(data)) continue;
    for (const error of check.errors ?? []) {
      const pointer = `/${parameter.name}${error.instancePath.replace(/^\/value/, "")}`;
      report(part, pointer, error.keyword, expectation(error), JSON.stringify(value));
    }
  }
}

function checkRequestBody(exchange: Exchange, spec: SpecName, operation: SpecOperation, report: Report): void {
  const content = operation.requestBody?.content;
  if (!content) return;
  const sent = exchange.requestContentType !== "" || Object.keys(exchange.requestBody).length > 0;
  if (!sent) {
    if (operation.requestBody?.required) report("request body", "", "required", "a body (required)", "none");
    return;
  }
  // Multipart and form bodies are checked, field by field, against the JSON schema: the same fields, as text.
  const json = Object.entries(content).find(([type]) => mediaType(type).includes("json")) ?? Object.entries(content)[0];
  const schema = json?.[1].schema;
  if (schema) validate(spec, schema as object, exchange.requestBody, "request body", report);
}

function validate(spec: SpecName, schema: object, data: unknown, part: Part, report: Report): void {
  const check = validatorFor(spec, schema);
  if (check(data)) return;
  for (const error of check.errors ?? []) {
    const pointer = pointerOf(error);
    const got = error.keyword === "required" ? "absent" : shown(valueAt(data, pointer));
    report(part, pointer, error.keyword, expectation(error), got);
  }
}

/** The pointer of the value at fault: a missing or extra property's own, not its parent's. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const property = params.missingProperty ?? params.additionalProperty;
  return property === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(property)}`;
}

function expectation(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return `type ${String(params.type)}`;
    case "enum":
      return `one of ${JSON.stringify(params.allowedValues)}`;
    case "format":
      return `format ${String(params.format)}`;
    case "required":
      return "present (required)";
    case "additionalProperties":
      return "no such property";
    default:
      return error.message ?? error.keyword;
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function shown(value: unknown): string {
  if (value === undefined) return "absent";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** `GET /rooms/{roomId} (messaging) response body /items/0/created: expected format date-time, got "2020"` */
export function describeFinding(finding: Finding): string {
  const where = finding.pointer ? ` ${finding.pointer}` : "";
  return `${finding.operation} (${finding.spec}) ${finding.part}${where}: expected ${finding.expected}, got ${finding.got}`;
}
