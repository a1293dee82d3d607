import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AjvModule from "ajv";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";

/** The official OpenAPI specs (../shared/reference/openapi), compiled once for ajv. */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const specDir = path.resolve(repoRoot, "../shared/reference/openapi");
const FILES = { messaging: "webex-messaging.json", admin: "webex-admin.json", meeting: "webex-meeting.json" };
export type SpecName = keyof typeof FILES;

export const haveSpecs = Object.values(FILES).every((file) => existsSync(path.join(specDir, file)));
export const skipNote = `skipped when ${path.relative(repoRoot, specDir)} is absent`;

// ajv and ajv-formats are CommonJS; their default export sits on `.default` under ESM interop.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null type, `example` goes. */
function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapt);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples") continue;
    out[key] = adapt(value);
  }
  if (out.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  delete out.nullable;
  return out;
}

function loadSpec(name: SpecName) {
  const spec = adapt(JSON.parse(readFileSync(path.join(specDir, FILES[name]), "utf8"))) as {
    components: { schemas: Record<string, unknown> };
  };
  if (name === "messaging") {
    // Known artefact (openapi/README.md): real card attachments are {contentType, content}.
    spec.components.schemas.Attachment = {
      type: "object",
      required: ["contentType", "content"],
      properties: { contentType: { type: "string" }, content: { type: "object" } },
    };
  }
  return { $id: name, components: spec.components };
}

let ajv: InstanceType<typeof Ajv> | undefined;

function compiled(): InstanceType<typeof Ajv> {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(ajv);
    for (const name of Object.keys(FILES) as SpecName[]) ajv.addSchema(loadSpec(name));
  }
  return ajv;
}

/** Fails the test with ajv's errors unless `body` matches the spec's schema `schema`. */
export function checkSchema(spec: SpecName, schema: string, body: unknown): void {
  const validate = compiled().getSchema(`${spec}#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema} in ${spec}`);
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${schema}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
}

/** The schema a spec operation answers 200 with: `$ref` name, or the inline schema compiled on the fly. */
export function checkResponse(spec: SpecName, method: string, pathTemplate: string, body: unknown): void {
  const raw = JSON.parse(readFileSync(path.join(specDir, FILES[spec]), "utf8")) as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
    >;
  };
  const content = raw.paths[pathTemplate]?.[method.toLowerCase()]?.responses["200"]?.content;
  const schema = content ? Object.values(content)[0]?.schema : undefined;
  if (!schema) throw new Error(`no 200 schema for ${method} ${pathTemplate} in ${spec}`);
  const validate = compiled().compile({ ...(adapt(rebase(schema, spec)) as object) });
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${method} ${pathTemplate}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
}

/** `#/components/...` refs of an inline schema, pointed at the spec added under its name. */
function rebase(node: unknown, spec: SpecName): unknown {
  if (Array.isArray(node)) return node.map((item) => rebase(item, spec));
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `${spec}${value}` : rebase(value, spec);
  }
  return out;
}
