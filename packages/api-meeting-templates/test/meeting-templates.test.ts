import type { Paginated } from "@wx/core";
import type { MeetingTemplate } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { MeetingTemplatesApi } from "../src/index.js";

const { emu, session, sent } = await useEmulator();
const templates = new MeetingTemplatesApi(session);

it("lists the seeded templates, meeting and webinar, and filters them by type", async () => {
  const all = await templates.list().toArray();
  expect(all.length).toBeGreaterThan(1);
  expect(new Set(all.map((t) => t.templateType))).toEqual(new Set(["meeting", "webinar"]));
  for (const template of all) {
    expect(template).toMatchObject({ id: expect.any(String), name: expect.any(String), locale: "en_US" });
    expect(typeof template.isDefault).toBe("boolean");
  }
  const webinars = await templates.list({ templateType: "webinar" }).toArray();
  expect(webinars.length).toBeGreaterThan(0);
  expect(webinars.every((t) => t.templateType === "webinar")).toBe(true);
  expect(sent.at(-1)).toMatch(/^GET .*\/v1\/meetings\/templates\?templateType=webinar$/);
  const defaults = await templates.list({ isDefault: true }).toArray();
  expect(defaults.every((t) => t.isDefault)).toBe(true);
});

it("gets a template with the meeting it creates, which meetings.create takes as it is", async () => {
  const [first] = await templates.list({ templateType: "meeting" }).first(1);
  if (!first) throw new Error("no seeded meeting template");
  const template = await templates.get(first.id);
  expect(template).toMatchObject({ id: first.id, name: first.name });
  expect(template.meeting).toMatchObject({ title: expect.any(String) });
  const created = await session.request<{ title: string }>({
    method: "POST",
    path: "meetings",
    json: { ...template.meeting, templateId: template.id },
  });
  expect(created.title).toBe(template.meeting?.title);
});

it("reports an unknown template as a 404", async () => {
  await expect(templates.get("bm90LWEtdGVtcGxhdGU")).rejects.toMatchObject({ status: 404 });
  expect(emu.requests.at(-1)?.status).toBe(404);
});

it("types results as templates", () => {
  expectTypeOf(templates.list()).toEqualTypeOf<Paginated<MeetingTemplate>>();
  expectTypeOf(templates.get).returns.resolves.toEqualTypeOf<MeetingTemplate>();
});
