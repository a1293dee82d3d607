// Named corrections of the official specs, applied to an in-memory copy before types are generated; the files in
// specs/ stay as Cisco publishes them. Each patch says why, and throws when its target is gone, so a new spec
// version that fixes (or moves) an artefact is noticed instead of silently patched past.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SPEC_FILES = {
  messaging: "webex-messaging.json",
  admin: "webex-admin.json",
  meeting: "webex-meeting.json",
};
export const SPEC_DIR = join(dirname(fileURLToPath(import.meta.url)), "../specs");
export const METHODS = ["get", "put", "post", "delete", "patch", "head"];

export const PATCHES = [
  {
    name: "attachment-is-a-card",
    spec: "messaging",
    reason:
      "`Attachment` describes the ECM File object; real clients send and receive card attachments as {contentType, content}",
    apply(spec) {
      at(spec, "components", "schemas", "Attachment");
      spec.components.schemas.Attachment = {
        type: "object",
        required: ["contentType", "content"],
        properties: {
          contentType: { type: "string", description: 'e.g. "application/vnd.microsoft.card.adaptive"' },
          content: { type: "object", additionalProperties: true, description: "The card." },
        },
      };
    },
  },
  {
    name: "attachment-action-answers-200",
    spec: "messaging",
    reason: "`POST /attachment/actions` is documented as 202; the live API and the SDKs answer 200",
    apply(spec) {
      const responses = at(spec, "paths", "/attachment/actions", "post", "responses");
      at(responses, "202");
      responses["200"] = { ...responses["202"], description: "OK" };
      delete responses["202"];
    },
  },
  {
    name: "message-has-parent-and-html",
    spec: "messaging",
    reason: "the `Message` schema omits `parentId` and `html`, which messages carry (`ListMessage` has them)",
    apply(spec) {
      const message = at(spec, "components", "schemas", "Message", "properties");
      const listed = at(spec, "components", "schemas", "ListMessage", "properties");
      if (message.parentId || message.html) throw new Error("Message already has parentId or html");
      message.parentId = at(listed, "parentId");
      message.html = at(listed, "html");
    },
  },
  {
    name: "unique-operation-ids",
    spec: "admin",
    reason:
      "four operationIds are used twice (the partner copies of the report operations, and SCIM's Get Group Members); openapi-typescript refuses duplicates",
    apply(spec) {
      const seen = new Set();
      let renamed = 0;
      for (const [path, item] of Object.entries(spec.paths)) {
        for (const method of METHODS) {
          const operation = item[method];
          if (!operation?.operationId) continue;
          if (seen.has(operation.operationId)) {
            operation.operationId = `${operation.operationId} (${method.toUpperCase()} ${path})`;
            renamed++;
          }
          seen.add(operation.operationId);
        }
      }
      if (renamed === 0) throw new Error("no duplicate operationId left");
    },
  },
  {
    name: "tracking-code-update-declares-its-id",
    spec: "meeting",
    reason: "`PUT /admin/meeting/config/trackingCodes/{trackingCodeId}` does not declare the path parameter it names",
    apply(spec) {
      const operation = at(spec, "paths", "/admin/meeting/config/trackingCodes/{trackingCodeId}", "put");
      operation.parameters ??= [];
      if (operation.parameters.some((parameter) => parameter.in === "path")) throw new Error("already declared");
      operation.parameters.unshift({
        name: "trackingCodeId",
        in: "path",
        required: true,
        description: "Unique identifier for the tracking code.",
        schema: { type: "string" },
      });
    },
  },
  {
    name: "no-examples",
    spec: "*",
    reason:
      "examples are not types: they would be 40% of the generated text, and many show `+00:00` timestamps where the live API sends `Z` with milliseconds",
    apply(spec) {
      if (dropExamples(spec) === 0) throw new Error("no example left");
    },
  },
];

/** The spec `name` (messaging, admin or meeting) read from specs/ with every patch for it applied. */
export function patchedSpec(name, patches = PATCHES) {
  const spec = JSON.parse(readFileSync(join(SPEC_DIR, SPEC_FILES[name]), "utf8"));
  for (const patch of patches) {
    if (patch.spec !== name && patch.spec !== "*") continue;
    try {
      patch.apply(spec);
    } catch (error) {
      throw new Error(`patch ${patch.name} no longer applies to ${SPEC_FILES[name]}: ${error.message}`);
    }
  }
  return spec;
}

/** `"METHOD /path"` of every operation of a spec, in the spec's order. */
export function operationKeys(spec) {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function at(node, ...keys) {
  let here = node;
  for (const key of keys) {
    here = here?.[key];
    if (here === undefined) throw new Error(`${keys.join(" > ")} not found`);
  }
  return here;
}

/** Removes `example` and `examples` keywords (not properties that happen to be named so); returns how many. */
function dropExamples(node, isPropertyMap = false) {
  if (!node || typeof node !== "object") return 0;
  let dropped = 0;
  for (const key of Object.keys(node)) {
    if (!isPropertyMap && !Array.isArray(node) && (key === "example" || key === "examples")) {
      delete node[key];
      dropped++;
    } else {
      dropped += dropExamples(node[key], key === "properties" && !Array.isArray(node));
    }
  }
  return dropped;
}
