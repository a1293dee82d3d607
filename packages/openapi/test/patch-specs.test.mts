import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { operationKeys, PATCHES, patchedSpec, SPEC_DIR, SPEC_FILES } from "../scripts/patch-specs.mjs";

type SpecName = keyof typeof SPEC_FILES;
const NAMES = Object.keys(SPEC_FILES) as SpecName[];
const raw = (name: SpecName) => readFileSync(join(SPEC_DIR, SPEC_FILES[name]), "utf8");

describe("the patch step", () => {
  it("patches an in-memory copy and leaves the files in specs/ as published", () => {
    const before = NAMES.map(raw);
    for (const name of NAMES) expect(JSON.stringify(patchedSpec(name))).not.toBe(JSON.stringify(JSON.parse(raw(name))));
    expect(NAMES.map(raw)).toEqual(before);
  });

  it("gives card attachments as {contentType, content}, 200 for attachment actions, and parentId/html on Message", () => {
    const spec = patchedSpec("messaging");
    expect(spec.components.schemas.Attachment.required).toEqual(["contentType", "content"]);
    expect(Object.keys(spec.paths["/attachment/actions"].post.responses)).toContain("200");
    expect(Object.keys(spec.paths["/attachment/actions"].post.responses)).not.toContain("202");
    expect(Object.keys(spec.components.schemas.Message.properties)).toEqual(
      expect.arrayContaining(["parentId", "html"]),
    );
  });

  it("leaves no duplicate operationId, undeclared path parameter or example", () => {
    for (const name of NAMES) {
      const spec = patchedSpec(name);
      const ids = Object.values(spec.paths).flatMap((item) =>
        Object.values(item as Record<string, { operationId?: string }>).flatMap((op) => op?.operationId ?? []),
      );
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const key of operationKeys(spec)) {
        const [method, path] = key.split(" ") as [string, string];
        const item = spec.paths[path];
        const declared = [...(item.parameters ?? []), ...(item[method.toLowerCase()].parameters ?? [])]
          .filter((parameter: { in: string }) => parameter.in === "path")
          .map((parameter: { name: string }) => parameter.name);
        for (const [, param] of path.matchAll(/\{([^}]+)\}/g)) expect(declared, `${name}: ${key}`).toContain(param);
      }
      expect(JSON.stringify(spec)).not.toMatch(/"examples?":\s*(?!\{"type")/);
    }
  });

  it("throws, naming the patch, when a patch's target is gone", () => {
    const gone = { name: "gone", spec: "messaging", reason: "test", apply: () => PATCHES[0]?.apply({}) };
    expect(() => patchedSpec("messaging", [gone])).toThrow(/patch gone no longer applies to webex-messaging.json/);
  });

  it("counts the operations typed per spec", () => {
    const counts = Object.fromEntries(NAMES.map((name) => [name, operationKeys(patchedSpec(name)).length]));
    expect(counts).toEqual({ messaging: 59, admin: 144, meeting: 166 });
    expect(new Set(NAMES.flatMap((name) => operationKeys(patchedSpec(name)))).size).toBe(333);
  });
});
