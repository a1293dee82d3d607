import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";
import { checkResponse } from "./spec.js";

const t = useEmulator();

describe("meeting templates", () => {
  it("lists the site's seeded meeting and webinar templates, filtered by type, default and standard", async () => {
    const all = (await t.user.get("meetings/templates")).body.items;
    expect(all.length).toBe(4);
    for (const template of all) {
      expect(template).toMatchObject({ locale: "en_US", siteUrl: "emulated.webex.com" });
      expect(Buffer.from(template.id, "base64").toString()).toMatch(/^[0-9a-f]{32}:[A-Z]-[\w-]+$/);
    }
    const types = async (query: Record<string, string>) =>
      (await t.user.get(`meetings/templates?${qs(query)}`)).body.items.map((x: { name: string }) => x.name);
    expect(await types({ templateType: "webinar" })).toEqual(["Webex Events Default", "Product launch"]);
    expect(await types({ isDefault: "true" })).toEqual(["Webex Meetings Default", "Webex Events Default"]);
    expect(await types({ isStandard: "false", templateType: "meeting" })).toEqual(["Team sync"]);
    expect(await types({ locale: "fr_FR" })).toEqual([]);
    expectWebexError(await t.user.get("meetings/templates?templateType=party"), 400);
    expectWebexError(await t.user.get("meetings/templates?isDefault=maybe"), 400);
  });

  it("gets a template with the meeting it makes, which POST /meetings takes as it is", async () => {
    const [team] = (await t.user.get("meetings/templates?isStandard=false&templateType=meeting")).body.items;
    const template = (await t.user.get(`meetings/templates/${team.id}`)).body;
    expect(template).toMatchObject({
      ...team,
      meeting: { title: "Team sync", hostEmail: t.emu.people.user.emails[0] },
    });
    expect(Date.parse(template.meeting.start)).toBeGreaterThan(t.emu.now());
    const created = (await t.user.post("meetings", { ...template.meeting, templateId: template.id })).body;
    expect(created).toMatchObject({ title: "Team sync", enabledAutoRecordMeeting: true, joinBeforeHostMinutes: 5 });
    const fromIdOnly = await t.user.post("meetings", { templateId: template.id, title: "Just the id" });
    expect(fromIdOnly.body).toMatchObject({ title: "Just the id", enabledJoinBeforeHost: true });
    const [webinar] = (await t.user.get("meetings/templates?templateType=webinar&isDefault=false")).body.items;
    const launch = (await t.user.post("meetings", { templateId: webinar.id, title: "Launch" })).body;
    expect(launch).toMatchObject({ scheduledType: "webinar", registration: { autoAcceptRequest: true } });
  });

  it("answers an unknown template with 404 and a missing token with 401", async () => {
    expectWebexError(await t.user.get("meetings/templates/bm90LWEtdGVtcGxhdGU"), 404);
    expect((await fetch(`${t.emu.url}meetings/templates`)).status).toBe(401);
  });

  it("answers in the spec's schemas", async () => {
    const list = (await t.user.get("meetings/templates")).body;
    checkResponse("meeting", "GET", "/meetings/templates", list);
    for (const { id } of list.items) {
      checkResponse(
        "meeting",
        "GET",
        "/meetings/templates/{templateId}",
        (await t.user.get(`meetings/templates/${id}`)).body,
      );
    }
  });
});
