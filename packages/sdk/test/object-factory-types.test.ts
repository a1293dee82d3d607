import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { json, startTestServer } from "../../../testing/test-server.js";
import { type Message, type Paginated, type Room, type RoomMeetingInfo, WebexClient } from "../src/index.js";

const server = await startTestServer((_req, res) => json(res, 200, { id: "R", title: "From the wire" }));
afterAll(() => server.close());

class RoomModel {
  constructor(readonly json: Record<string, unknown>) {}
  get title(): string {
    return String(this.json.title);
  }
}

describe("objectFactory result types", () => {
  it("a kind -> type map makes each method return the factory's type for that kind, the others unchanged", async () => {
    await using typed = new WebexClient<{ room: RoomModel }>({
      accessToken: "token",
      baseUrl: server.baseUrl,
      objectFactory: (kind, fields) => (kind === "room" ? new RoomModel({ ...fields, title: "Built" }) : fields),
    });
    expectTypeOf(typed.rooms.get).returns.toEqualTypeOf<Promise<RoomModel>>();
    expectTypeOf(typed.rooms.list).returns.toEqualTypeOf<Paginated<RoomModel>>();
    expectTypeOf(typed.rooms.getMeetingInfo).returns.toEqualTypeOf<Promise<RoomMeetingInfo>>();
    expectTypeOf(typed.messages.get).returns.toEqualTypeOf<Promise<Message>>();
    expectTypeOf(typed.rooms.delete).returns.toEqualTypeOf<Promise<void>>();
    const room = await typed.rooms.get("R");
    expect(room).toBeInstanceOf(RoomModel);
    expect(room.title).toBe("Built");
  });

  it("without a map the results keep their @wx/models types", async () => {
    await using wx = new WebexClient({ accessToken: "token", baseUrl: server.baseUrl });
    expectTypeOf(wx.rooms.get).returns.toEqualTypeOf<Promise<Room>>();
    expectTypeOf(wx.meetingInvitees.createMany).returns.resolves.items.toEqualTypeOf<
      Awaited<ReturnType<WebexClient["meetingInvitees"]["get"]>>
    >();
  });
});
