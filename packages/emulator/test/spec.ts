import path from "node:path";
import { fileURLToPath } from "node:url";
import AjvModule, { type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";
// @ts-expect-error a plain .mjs script, without types
import { patchedSpec as patched } from "../../openapi/scripts/patch-specs.mjs";

const patchedSpec = patched as (name: SpecName) => unknown;

/** The official OpenAPI specs (packages/openapi/specs, unchanged copies), patched and compiled once for ajv. */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const specDir = path.join(repoRoot, "packages/openapi/specs");
export const SPEC_FILES = {
  messaging: "webex-messaging.json",
  admin: "webex-admin.json",
  meeting: "webex-meeting.json",
} as const;
export type SpecName = keyof typeof SPEC_FILES;
export const SPEC_NAMES = Object.keys(SPEC_FILES) as SpecName[];

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: unknown;
}

export interface SpecContent {
  content?: Record<string, { schema?: unknown }>;
}

export interface SpecOperation {
  parameters?: SpecParameter[];
  requestBody?: SpecContent & { required?: boolean };
  responses: Record<string, SpecContent>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: Record<string, unknown> };
}

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

const specs = new Map<SpecName, OpenApiSpec>();

/**
 * A spec with @wx/openapi's patches applied (the documented artefacts, each with its reason, in
 * packages/openapi/scripts/patch-specs.mjs), as JSON Schema (see `adapt`); read once.
 */
export function loadSpec(name: SpecName): OpenApiSpec {
  let spec = specs.get(name);
  if (!spec) {
    spec = adapt(patchedSpec(name)) as OpenApiSpec;
    specs.set(name, spec);
  }
  return spec;
}

type AjvInstance = InstanceType<typeof Ajv>;
const instances = new Map<boolean, AjvInstance>();

/** One ajv with the three specs' components added as `messaging`, `admin` and `meeting`; `coerce` for query strings. */
function compiler(coerce = false): AjvInstance {
  let ajv = instances.get(coerce);
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, logger: false, coerceTypes: coerce ? "array" : false });
    addFormats(ajv);
    for (const name of SPEC_NAMES) ajv.addSchema({ $id: name, components: loadSpec(name).components });
    instances.set(coerce, ajv);
  }
  return ajv;
}

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * The validator of a schema found in spec `spec` (inline or a `$ref`), compiled once per schema object.
 * With `coerce`, strings are turned into the numbers and booleans the schema asks for, as query values must be.
 */
export function validatorFor(spec: SpecName, schema: object, coerce = false): ValidateFunction {
  const key = coerce ? wrapperOf(schema) : schema;
  let validate = compiled.get(key);
  if (!validate) {
    const rebased = rebase(schema, spec) as object;
    const target = coerce ? { type: "object", properties: { value: rebased } } : rebased;
    validate = compiler(coerce).compile(target);
    compiled.set(key, validate);
  }
  return validate;
}

const wrappers = new WeakMap<object, object>();
function wrapperOf(schema: object): object {
  let wrapper = wrappers.get(schema);
  if (!wrapper) {
    wrapper = { coerced: schema };
    wrappers.set(schema, wrapper);
  }
  return wrapper;
}

/** Fails the test with ajv's errors unless `body` matches the spec's schema `schema`. */
export function checkSchema(spec: SpecName, schema: string, body: unknown): void {
  const validate = compiler().getSchema(`${spec}#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema} in ${spec}`);
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${schema}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
}

/** The schema a spec operation answers 200 with: `$ref` name, or the inline schema compiled on the fly. */
export function checkResponse(spec: SpecName, method: string, pathTemplate: string, body: unknown): void {
  const content = loadSpec(spec).paths[pathTemplate]?.[method.toLowerCase()]?.responses["200"]?.content;
  const schema = content ? Object.values(content)[0]?.schema : undefined;
  if (!schema) throw new Error(`no 200 schema for ${method} ${pathTemplate} in ${spec}`);
  const validate = validatorFor(spec, schema);
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
