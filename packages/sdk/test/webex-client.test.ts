import { describe, expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import {
  AccessTokenError,
  ApiError,
  adaptiveCard,
  type ObjectFactory,
  type ObjectKind,
  type Room,
  RoomType,
  Session,
  textBlock,
  ValidationError,
  WebexClient,
  type WebexClientOptions,
} from "../src/index.js";

const { emu } = await useEmulator({ reset: false });

const clientFor = (token: string, options = {}) =>
  new WebexClient({ accessToken: token, baseUrl: emu.url, ...options });

describe("WebexClient", () => {
  it("exposes every resource of the Python SDK (1.x and 2.x), camelCased, over one session", async () => {
    await using wx = clientFor(emu.tokens.admin);
    const accessors = [
      "accessTokens",
      "adminAuditEvents",
      "attachmentActions",
      "events",
      "guestIssuer",
      "licenses",
      "meetingInvitees",
      "meetingRegistrants",
      "meetings",
      "meetingTemplates",
      "memberships",
      "messages",
      "organizations",
      "people",
      "recordings",
      "roles",
      "rooms",
      "roomTabs",
      "teamMemberships",
      "teams",
      "webhooks",
    ] as const;
    for (const name of accessors) expect(wx[name], name).toBeTypeOf("object");
    expect(wx.session).toBeInstanceOf(Session);
    expect((await wx.people.me()).id).toBe(emu.people.admin.id);
    expect((await wx.organizations.list().toArray()).map((o) => o.id)).toContain(emu.org.id);
    expect((await wx.roles.list().toArray()).length).toBeGreaterThan(0);
    expect((await wx.licenses.list().toArray()).length).toBeGreaterThan(0);
  });

  it("runs a small messaging flow end to end with typed results", async () => {
    await using wx = clientFor(emu.tokens.user);
    const room: Room = await wx.rooms.create({ title: "SDK flow", isLocked: true });
    expect(room.type).toBe(RoomType.group);
    await wx.memberships.create({ roomId: room.id, personId: emu.people.admin.id });
    const card = adaptiveCard({ body: [textBlock("Hello from the card")] });
    const sent = await wx.messages.create({ roomId: room.id, markdown: "**hi**", attachments: [card] });
    const listed = await wx.messages.list({ roomId: room.id }).toArray();
    expect(listed.map((m) => m.id)).toEqual([sent.id]);
    await wx.rooms.update(room.id, { title: "SDK flow renamed" });
    expect((await wx.rooms.get(room.id)).title).toBe("SDK flow renamed");
    await wx.rooms.delete(room.id);
    const gone = await wx.rooms.get(room.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ApiError);
    expect((gone as ApiError).trackingId).toMatch(/\S/);
  });

  it("runs a meetings flow through the 2.x accessors, each result passed through the factory with its kind", async () => {
    const kinds = new Set<string>();
    const objectFactory: ObjectFactory = (kind, json) => {
      kinds.add(kind);
      return json;
    };
    await using wx = clientFor(emu.tokens.user, { objectFactory });
    const room = await wx.rooms.create({ title: "Launch prep" });
    await wx.roomTabs.create({ roomId: room.id, contentUrl: "https://example.com/plan", displayName: "Plan" });
    const [template] = await wx.meetingTemplates.list({ templateType: "webinar" }).first(1);
    expect(template).toBeDefined();
    const start = new Date(Math.ceil((Date.now() + 24 * 3600_000) / 60_000) * 60_000);
    const end = new Date(start.getTime() + 3600_000);
    const webinar = await wx.meetings.create({
      title: "Launch",
      start,
      end,
      scheduledType: "webinar",
      enabledAutoRecordMeeting: true,
    });
    await wx.meetingInvitees.create({ meetingId: webinar.id, email: "guest@example.com", panelist: true });
    const [registrant] = await wx.meetingRegistrants.createMany(webinar.id, [
      { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
    ]);
    await wx.meetingRegistrants.approve(webinar.id, registrant?.id as string);
    expect((await wx.meetingRegistrants.get(webinar.id, registrant?.id as string)).status).toBe("approved");
    emu.advanceTime(26 * 3600_000);
    try {
      const [recording] = await wx.recordings.list({ meetingId: webinar.id }).toArray();
      expect(recording?.topic).toBe("Launch");
    } finally {
      emu.setTime(Date.now()); // the clock back for the file's other tests (this file shares one emulator state)
    }
    expect([...kinds].sort()).toEqual(
      ["meeting", "meetingInvitee", "meetingRegistrant", "meetingTemplate", "recording", "room", "roomTab"].sort(),
    );
  });

  it("refuses bad arguments with a ValidationError before anything is sent", async () => {
    await using wx = clientFor(emu.tokens.user);
    const before = emu.requests.length;
    // @ts-expect-error a message needs a destination
    await expect(wx.messages.create({ text: "nowhere" })).rejects.toBeInstanceOf(ValidationError);
    expect(emu.requests.length).toBe(before);
  });

  it("reads the token from WEBEX_ACCESS_TOKEN and says how to give one when there is none", async () => {
    const saved = { ...process.env };
    try {
      delete process.env.WEBEX_ACCESS_TOKEN;
      delete process.env.WEBEX_TEAMS_ACCESS_TOKEN;
      expect(() => new WebexClient({ baseUrl: emu.url })).toThrow(AccessTokenError);
      process.env.WEBEX_ACCESS_TOKEN = emu.tokens.bot;
      await using wx = new WebexClient({ baseUrl: emu.url });
      expect((await wx.people.me()).type).toBe("bot");
    } finally {
      process.env = saved;
    }
  });

  it("accepts the ObjectFactory type it exports (kinds typed as ObjectKind)", async () => {
    const factory: ObjectFactory = (kind: ObjectKind, json) => ({ ...json, kind });
    expectTypeOf<NonNullable<WebexClientOptions["objectFactory"]>>().toEqualTypeOf<ObjectFactory>();
    await using wx = clientFor(emu.tokens.user, { objectFactory: factory });
    expect(await wx.people.me()).toMatchObject({ kind: "person" });
  });

  it("passes results through the object factory", async () => {
    const kinds: string[] = [];
    await using wx = clientFor(emu.tokens.user, {
      objectFactory: (kind: string, json: Record<string, unknown>) => {
        kinds.push(kind);
        return { ...json, wrapped: kind };
      },
    });
    const me = await wx.people.me();
    expect(me.wrapped).toBe("person");
    await wx.rooms.list().first(1);
    expect(kinds).toContain("person");
  });
});

describe("OAuth sign-in", () => {
  it("fromOAuthCode exchanges the code and keeps the token fresh", async () => {
    const { clientId, clientSecret, redirectUri } = emu.integration;
    const saved: string[] = [];
    const code = emu.authorize({ personId: emu.people.user.id });
    await using wx = await WebexClient.fromOAuthCode({
      clientId,
      clientSecret,
      code,
      redirectUri,
      baseUrl: emu.url,
      onTokens: (tokens) => {
        saved.push(tokens.refreshToken);
      },
    });
    expect((await wx.people.me()).id).toBe(emu.people.user.id);
    expect(saved).toHaveLength(1);
  });

  it("fromOAuthRefresh starts from a stored refresh token", async () => {
    const { clientId, clientSecret, redirectUri } = emu.integration;
    await using first = await WebexClient.fromOAuthCode({
      clientId,
      clientSecret,
      redirectUri,
      code: emu.authorize({ personId: emu.people.admin.id }),
      baseUrl: emu.url,
      onTokens: async (tokens) => {
        await using second = await WebexClient.fromOAuthRefresh({
          clientId,
          clientSecret,
          refreshToken: tokens.refreshToken,
          baseUrl: emu.url,
        });
        expect((await second.people.me()).id).toBe(emu.people.admin.id);
      },
    });
    expect(first.session).toBeInstanceOf(Session);
  });

  it("takes the Python SDK's oauth code options in the constructor and signs in on the first call", async () => {
    const { clientId, clientSecret, redirectUri } = emu.integration;
    const persisted: string[] = [];
    const saved = { ...process.env };
    try {
      delete process.env.WEBEX_ACCESS_TOKEN;
      delete process.env.WEBEX_TEAMS_ACCESS_TOKEN;
      await using wx = new WebexClient({
        baseUrl: emu.url,
        clientId,
        clientSecret,
        redirectUri,
        oauthCode: emu.authorize({ personId: emu.people.user.id }),
        onTokens: (tokens) => {
          persisted.push(tokens.refreshToken);
        },
      });
      expect(persisted).toEqual([]);
      expect((await wx.people.me()).id).toBe(emu.people.user.id);
      expect(persisted).toHaveLength(1);
    } finally {
      process.env = saved;
    }
  });

  it("creates guest tokens through guestIssuer", async () => {
    await using wx = clientFor(emu.tokens.user);
    const { token } = await wx.guestIssuer.create({
      sub: "guest-1",
      name: "Guest One",
      iss: emu.guestIssuer.issuerId,
      exp: Math.floor(Date.now() / 1000) + 3600,
      secret: emu.guestIssuer.secret,
    });
    await using guest = clientFor(token);
    expect((await guest.people.me()).displayName).toBe("Guest One");
  });
});
