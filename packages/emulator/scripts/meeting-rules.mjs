#!/usr/bin/env node
// Writes src/domain/meeting-rules.ts: the body rule tables of the meetings API, derived from the
// official spec's request schemas (webex-meeting.json), so the emulator checks every field the spec
// takes with the spec's types and enums. Limits the spec states only in prose are added from LIMITS.
//   node scripts/meeting-rules.mjs [path/to/webex-meeting.json]   (default: packages/openapi/specs)
//   pnpm biome format --write src/domain/meeting-rules.ts          (then: the repo's formatting)
// A nested field set several tables share (one schema used in several places) is declared once as a const.
// test/meeting-rules.test.ts fails when the committed file differs from what this script writes.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SPEC = join(here, "../../openapi/specs/webex-meeting.json");
export const OUTPUT = join(here, "../src/domain/meeting-rules.ts");

/** Rule table name → request schema. */
const TABLES = {
  createMeetingRules: "CreateMeetingObject",
  updateMeetingRules: "UpdateMeetingObject",
  patchMeetingRules: "PatchMeetingObject",
  createInviteeRules: "CreateInviteeObject",
  createInviteesRules: "CreateInviteesObject",
  updateInviteeRules: "UpdateInviteeObject",
  registrantRules: "RegistrantFormObject",
  queryRegistrantsRules: "queryRegistrants",
  deleteRecordingRules: "DeleteRecordingObject",
};

/** Required in the spec, but not always: a meeting from a template or an ad-hoc one needs no times. */
const NOT_REQUIRED = { CreateMeetingObject: ["title", "start", "end"] };

/** Limits the spec gives in its descriptions only ("can be a maximum of 128 characters long"). */
const LIMITS = {
  "CreateMeetingObject.title": { maxLength: 128 },
  "CreateMeetingObject.agenda": { maxLength: 1300 },
  "CreateMeetingObject.invitees": { maxItems: 1000 },
  "CreateMeetingObject.integrationTags": { maxItems: 3 },
  "UpdateMeetingObject.title": { maxLength: 128 },
  "UpdateMeetingObject.agenda": { maxLength: 1300 },
  "UpdateMeetingObject.integrationTags": { maxItems: 3 },
  "PatchMeetingObject.title": { maxLength: 128 },
  "PatchMeetingObject.agenda": { maxLength: 1300 },
  "PatchMeetingObject.integrationTags": { maxItems: 3 },
  "InviteeObjectForCreateMeeting.displayName": { maxLength: 128 },
  "CreateInviteeObject.displayName": { maxLength: 128 },
  "CreateInviteesItemObject.displayName": { maxLength: 128 },
  "UpdateInviteeObject.displayName": { maxLength: 128 },
  "CreateInviteesObject.items": { maxItems: 100 },
  "DeleteRecordingObject.comment": { maxLength: 255 },
};

const MAX_DEPTH = 4;

/** Each table as plain data: `{ createMeetingRules: { title: { type: "string", … }, … }, … }`. */
export function tables(specPath = DEFAULT_SPEC) {
  return Object.fromEntries(Object.entries(entries(specPath)).map(([table, list]) => [table, asObject(list)]));
}

function asObject(list) {
  return Object.fromEntries(
    list.map(([field, { fields, schema: _schema, ...rule }]) => [
      field,
      fields ? { ...rule, fields: asObject(fields) } : rule,
    ]),
  );
}

function entries(specPath) {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const schemas = spec.components.schemas;
  const resolve = (node) => (node?.$ref ? schemas[node.$ref.split("/").pop()] : node);
  const refName = (node) => node?.$ref?.split("/").pop();

  function fields(schema, name, depth) {
    const required = new Set((schema.required ?? []).filter((f) => !(NOT_REQUIRED[name] ?? []).includes(f)));
    const out = [];
    for (const [field, raw] of Object.entries(schema.properties ?? {})) {
      const rule = ruleOf(raw, depth, `${name}.${field}`);
      if (!rule) continue;
      if (required.has(field)) rule.required = true;
      Object.assign(rule, LIMITS[`${name}.${field}`]);
      out.push([field, rule]);
    }
    return out;
  }

  function ruleOf(raw, depth, where) {
    const node = resolve(raw);
    if (!node) return undefined;
    const type = node.type ?? (node.properties ? "object" : undefined);
    if (type === "string") return node.enum ? { type: "string", values: node.enum } : { type: "string" };
    if (type === "boolean") return { type: "boolean" };
    if (type === "number" || type === "integer") {
      return type === "integer" ? { type: "number", integer: true } : { type: "number" };
    }
    if (type === "array") {
      const item = resolve(node.items);
      if (!item || item.type === "string") return { type: "strings" };
      if (item.type === "object" || item.properties) {
        const name = refName(node.items) ?? where;
        return depth < MAX_DEPTH
          ? { type: "objects", fields: fields(item, name, depth + 1), schema: name }
          : { type: "objects" };
      }
      return { type: "objects" };
    }
    if (type === "object") {
      const name = refName(raw) ?? where;
      return depth < MAX_DEPTH && node.properties
        ? { type: "object", fields: fields(node, name, depth + 1), schema: name }
        : { type: "object" };
    }
    return undefined;
  }

  return Object.fromEntries(
    Object.entries(TABLES).map(([table, schemaName]) => [table, fields(schemas[schemaName], schemaName, 1)]),
  );
}

export function generate(specPath = DEFAULT_SPEC) {
  const all = entries(specPath);
  const shared = sharedFieldSets(all);
  const render = (entries, indent) => {
    const pad = "  ".repeat(indent);
    const lines = entries.map(([field, rule]) => {
      const { fields: nested, schema: _schema, ...rest } = rule;
      const parts = Object.entries(rest).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
      const name = nested && shared.get(fieldSetKey(nested))?.name;
      if (name) parts.push(`fields: ${name}`);
      else if (nested) parts.push(`fields: {\n${render(nested, indent + 2)}\n${pad}  }`);
      return `${pad}${/^[A-Za-z_$][\w$]*$/.test(field) ? field : JSON.stringify(field)}: { ${parts.join(", ")} },`;
    });
    return lines.join("\n");
  };

  let text =
    "// Generated by scripts/meeting-rules.mjs from the official webex-meeting.json (CC BY 4.0,\n" +
    "// github.com/webex/webex-openapi-specs): one rule per field of each request schema. Do not edit;\n" +
    "// run `node scripts/meeting-rules.mjs` after a spec update (test/meeting-rules.test.ts checks it).\n" +
    'import { rules } from "../rules.js";\n';
  // Nested field sets the tables share (one schema used in several): declared once, deepest first.
  for (const { name, fields } of shared.values()) text += `\nconst ${name} = rules({\n${render(fields, 1)}\n});\n`;
  for (const [table, schemaName] of Object.entries(TABLES)) {
    text += `\n/** ${schemaName} */\nexport const ${table} = rules({\n${render(all[table], 1)}\n});\n`;
  }
  return text;
}

const fieldSetKey = (fields) => JSON.stringify(fields);

/**
 * Field lists that occur more than once across the tables, by `fieldSetKey`, each with a const name from its
 * schema (`meetingOptionsFields`); in post-order (a Map keeps it), so a set is declared after the sets it uses.
 */
function sharedFieldSets(all) {
  const seen = new Map();
  const visit = (list) => {
    for (const [, rule] of list) {
      if (!rule.fields) continue;
      visit(rule.fields);
      const k = fieldSetKey(rule.fields);
      if (!seen.has(k)) seen.set(k, { count: 0, schema: rule.schema, fields: rule.fields });
      seen.get(k).count++;
    }
  };
  for (const list of Object.values(all)) visit(list);
  const names = new Set();
  const shared = new Map();
  for (const [k, { count, schema, fields }] of seen) {
    if (count < 2) continue;
    // An inline schema is named by where it is ("CreateMeetingObject.meetingOptions"): its field name then.
    const stem = (schema.split(".").pop() ?? schema).replace(/Object$/, "");
    const base = `${stem.replace(/^./, (c) => c.toLowerCase())}Fields`;
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base}${n}`;
    names.add(name);
    shared.set(k, { name, fields });
  }
  return shared;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT, generate(process.argv[2]));
  console.log(`wrote ${OUTPUT}`);
}
