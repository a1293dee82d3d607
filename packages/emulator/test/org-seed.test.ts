import { describe, expect, it } from "vitest";
import type { OrgSeed } from "../src/index.js";
import { call, client, expectWebexError, startEmulator, useEmulator } from "./helpers.js";

const t = useEmulator();

const names = (items: Array<{ name: string }>) => items.map((item) => item.name);

describe("the seeded org", () => {
  it("is like a current org by default: Messaging and Advanced Messaging, the admin roles, three people", async () => {
    const licenses = (await t.admin.get("licenses")).body.items;
    expect(names(licenses)).toEqual([
      "Messaging",
      "Meeting - Webex Enterprise Edition",
      "Calling - Professional",
      "Advanced Messaging",
    ]);
    const byId = new Map(licenses.map((l: { id: string; name: string }) => [l.id, l.name]));
    expect((t.emu.people.user.licenses as string[]).map((id) => byId.get(id))).toEqual([
      "Messaging",
      "Meeting - Webex Enterprise Edition",
      "Advanced Messaging",
    ]);
    expect(t.emu.people.bot.licenses).toEqual([]);
    expect(names((await t.admin.get("roles")).body.items)).toContain("Full Administrator");
    const fullAdmin = (await t.admin.get("roles")).body.items[0];
    expect(t.emu.people.admin.roles).toEqual([fullAdmin.id]);
    expect(Object.keys(t.emu.tokens).sort()).toEqual(["admin", "bot", "user"]);
    const added = (await t.admin.post("people", { emails: ["new@example.com"], displayName: "New" })).body;
    expect(added.licenses).toEqual(t.emu.people.user.licenses);
  });

  it("takes people, roles, licences and the org's name from the seed option", async () => {
    const seed: OrgSeed = {
      random: 11,
      org: { displayName: "Acme" },
      roles: ["Full Administrator", "Compliance Officer"],
      licenses: [
        { name: "Messaging", totalUnits: 10 },
        { name: "Advanced Messaging", totalUnits: 5, assignToNewUsers: false },
      ],
      people: [
        {
          key: "officer",
          displayName: "Olga Officer",
          email: "olga@acme.example",
          roles: ["Compliance Officer"],
          title: "CO",
        },
        {
          key: "user",
          displayName: "Ulf User",
          email: "ulf@acme.example",
          licenses: ["Messaging", "Advanced Messaging"],
        },
        { displayName: "No Key", email: "nokey@acme.example" },
      ],
    };
    const emu = await startEmulator({ seed });
    try {
      expect(Object.keys(emu.tokens).sort()).toEqual(["admin", "bot", "officer", "user"]);
      expect(emu.org.displayName).toBe("Acme");
      const officer = client(emu, emu.tokens.officer);
      expect((await officer.get("people/me")).body).toMatchObject({ displayName: "Olga Officer", title: "CO" });
      expect(emu.people.user.displayName).toBe("Ulf User");
      const admin = client(emu, emu.tokens.admin);
      const licenses = (await admin.get("licenses")).body.items;
      expect(
        licenses.map((l: { name: string; totalUnits: number; consumedUnits: number }) => [
          l.name,
          l.totalUnits,
          l.consumedUnits,
        ]),
      ).toEqual([
        ["Messaging", 10, 4],
        ["Advanced Messaging", 5, 1],
      ]);
      expect(names((await admin.get("roles")).body.items)).toEqual(["Full Administrator", "Compliance Officer"]);
      expect((await admin.get("people?email=nokey@acme.example")).body.items).toHaveLength(1);
      const orgs = (await admin.get("organizations")).body.items;
      expect(orgs).toEqual([expect.objectContaining({ id: emu.org.id, displayName: "Acme" })]);
      emu.reset();
      expect(emu.people.officer.displayName).toBe("Olga Officer");
      const same = await startEmulator({ seed: { ...seed } });
      expect(same.tokens).toEqual(emu.tokens);
      await same.close();
    } finally {
      await emu.close();
    }
  });

  it("refuses a seed it cannot use, saying what is wrong", async () => {
    const bad: Array<[OrgSeed, RegExp]> = [
      [{ people: [{ displayName: "X", roles: ["Boss"] }] }, /unknown role Boss/],
      [{ people: [{ displayName: "X", licenses: ["Gold"] }] }, /unknown licence Gold/],
      [
        {
          people: [
            { displayName: "A", email: "a@x.example" },
            { displayName: "B", email: "A@x.example" },
          ],
        },
        /appears twice/,
      ],
      [
        {
          people: [
            { key: "user", displayName: "A" },
            { key: "user", displayName: "B" },
          ],
        },
        /appears twice/,
      ],
      [{ people: [{ displayName: "" }] }, /displayName/],
      [{ people: [{ displayName: "X", email: "nope" }] }, /Invalid email/],
      [{ licenses: [{ name: "L", totalUnits: -1 }] }, /totalUnits/],
      [{ random: 1.5 }, /random/],
      ["org" as unknown as OrgSeed, /seed must be a number or an object/],
    ];
    for (const [seed, message] of bad) await expect(startEmulator({ seed })).rejects.toThrow(message);
  });

  it("is replaced over the control API (POST seed) and in process (reset(seed))", async () => {
    const control = t.emu.url.replace(/v1\/$/, "_emulator/");
    const res = await call(`${control}seed`, {
      method: "POST",
      json: { org: { displayName: "Remote Co" }, people: [{ key: "rita", displayName: "Rita Remote" }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.org.displayName).toBe("Remote Co");
    expect(res.body.tokens.rita).toBe(t.emu.tokens.rita);
    expect((await call(`${t.emu.url}people/me`, { token: res.body.tokens.rita })).body.displayName).toBe("Rita Remote");
    const refused = await call(`${control}seed`, {
      method: "POST",
      json: { people: [{ displayName: "X", roles: ["Boss"] }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/unknown role Boss/);
    expect(t.emu.org.displayName).toBe("Remote Co");
    t.emu.reset({});
    expect(t.emu.org.displayName).toBe("Emulated Org");
    expect(t.emu.tokens.rita).toBeUndefined();
    expectWebexError(await call(`${t.emu.url}people/me`, { token: res.body.tokens.rita }), 401);
  });
});
