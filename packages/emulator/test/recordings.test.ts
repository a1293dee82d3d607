import { describe, expect, it } from "vitest";
import { call, expectWebexError, qs, useEmulator } from "./helpers.js";
import { HOUR, MINUTE, schedule } from "./meeting-helpers.js";
import { checkResponse } from "./spec.js";

const t = useEmulator();

/** A meeting with automatic recording an hour from now, and the clock moved past its end. */
async function recordedMeeting(fields: Record<string, unknown> = {}) {
  const meeting = await schedule(t.user, t.emu.now(), 1, { enabledAutoRecordMeeting: true, ...fields });
  t.emu.advanceTime(3 * HOUR);
  return meeting;
}

describe("recordings", () => {
  it("are made when a meeting with automatic recording ends, and not before", async () => {
    const meeting = await schedule(t.user, t.emu.now(), 1, {
      enabledAutoRecordMeeting: true,
      integrationTags: ["T-1"],
    });
    await schedule(t.user, t.emu.now(), 1, { title: "Not recorded" });
    t.emu.advanceTime(90 * MINUTE);
    expect((await t.user.get("recordings")).body.items).toEqual([]);
    t.emu.advanceTime(HOUR);
    const [recording] = (await t.user.get("recordings")).body.items;
    const [instance] = (await t.user.get(`meetings?${qs({ meetingType: "meeting", meetingSeriesId: meeting.id })}`))
      .body.items;
    expect(recording).toMatchObject({
      meetingId: instance.id,
      scheduledMeetingId: instance.scheduledMeetingId,
      meetingSeriesId: meeting.id,
      topic: "Planning",
      createTime: instance.end,
      timeRecorded: instance.start,
      durationSeconds: 3600,
      format: "MP4",
      serviceType: "MeetingCenter",
      status: "available",
      integrationTags: ["T-1"],
      password: "********",
    });
    expect(recording.id).toMatch(/^[0-9a-f]{32}$/);
    expect(recording.playbackUrl).toMatch(/^https:\/\/emulated\.webex\.com\/emulated\/ldr\.php\?RCID=[0-9a-f]{32}$/);
    expect(instance.hasRecording).toBe(true);
    // The clock runs on: the links expire 3 hours after the GET was answered, to the second.
    const asked = t.emu.now();
    const details = (await t.user.get(`recordings/${recording.id}`)).body;
    const answered = t.emu.now();
    expect(details.temporaryDirectDownloadLinks.recordingDownloadLink).toMatch(/^https:\/\//);
    const expiration = Date.parse(details.temporaryDirectDownloadLinks.expiration);
    expect(expiration).toBeGreaterThanOrEqual(Math.floor((asked + 3 * HOUR) / 1000) * 1000);
    expect(expiration).toBeLessThanOrEqual(Math.floor((answered + 3 * HOUR) / 1000) * 1000);
    expect((await t.user.get("recordings")).body.items).toHaveLength(1);
  });

  it("lists newest first over the last 7 days by default, paged, filtered by meeting, topic and format", async () => {
    await recordedMeeting({ title: "First" });
    const second = await recordedMeeting({ title: "Second", scheduledType: "webinar" });
    for (let i = 0; i < 10; i++)
      t.emu.addRecording({ topic: `Seeded ${i}`, createTime: new Date(t.emu.now() - i * MINUTE).toISOString() });
    const first = await t.user.get("recordings");
    expect(first.body.items).toHaveLength(10);
    const times = first.body.items.map((r: { createTime: string }) => Date.parse(r.createTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link ?? "")?.[1] as string;
    expect((await t.user.get(next)).body.items.map((r: { topic: string }) => r.topic)).toEqual(["Second", "First"]);
    const topics = async (query: Record<string, string>) =>
      (await t.user.get(`recordings?${qs(query)}`)).body.items.map((r: { topic: string }) => r.topic);
    expect(await topics({ meetingId: second.id })).toEqual(["Second"]);
    expect(await topics({ topic: "second" })).toEqual(["Second"]);
    expect(await topics({ serviceType: "EventCenter" })).toEqual(["Second"]);
    expect(await topics({ format: "ARF" })).toEqual([]);
    const old = new Date(t.emu.now() - 30 * 24 * HOUR).toISOString();
    expect(await topics({ from: old, to: new Date(t.emu.now() - 29 * 24 * HOUR).toISOString() })).toEqual([]);
    expectWebexError(await t.user.get(`recordings?${qs({ from: t.emu.now() + HOUR, to: old })}`), 400);
    expectWebexError(await t.user.get("recordings?format=MOV"), 400);
  });

  it("deletes with a real DELETE into the recycle bin (status=deleted lists it), only the host's", async () => {
    await recordedMeeting();
    const [recording] = (await t.user.get("recordings")).body.items;
    expectWebexError(await t.bot.get(`recordings/${recording.id}`), 404);
    expectWebexError(await t.bot.send("DELETE", `recordings/${recording.id}`), 404);
    expectWebexError(await t.user.send("DELETE", `recordings/${recording.id}`, { comment: "x".repeat(256) }), 400);
    const res = await t.user.send("DELETE", `recordings/${recording.id}`, { reason: "audit", comment: "cleanup" });
    expect(res.status).toBe(204);
    expectWebexError(await t.user.get(`recordings/${recording.id}`), 404);
    expect((await t.user.get("recordings")).body.items).toEqual([]);
    const bin = (await t.user.get("recordings?status=deleted")).body.items;
    expect(bin.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[recording.id, "deleted"]]);
    expectWebexError(await t.user.get("recordings/0123456789abcdef0123456789abcdef"), 404);
  });

  it("seeds recordings in process and over the control API, for any host", async () => {
    const seeded = t.emu.addRecording({ topic: "Seeded", durationSeconds: 120, format: "ARF" });
    expect(seeded).toMatchObject({ topic: "Seeded", durationSeconds: 120, format: "ARF", status: "available" });
    expect(() => t.emu.addRecording({ topic: "" })).toThrow(/topic/);
    expect(() => t.emu.addRecording({ topic: "x", meetingId: "nope" })).toThrow(/unknown meeting/);
    const control = t.emu.url.replace(/v1\/$/, "_emulator/recordings");
    const remote = await call(control, {
      method: "POST",
      json: { topic: "Remote", hostEmail: t.emu.people.admin.emails[0] },
    });
    expect(remote.status).toBe(200);
    expect((await t.admin.get("recordings")).body.items.map((r: { id: string }) => r.id)).toEqual([remote.body.id]);
    expect((await call(control, { method: "POST", json: { topic: "x", durationSeconds: -1 } })).status).toBe(400);
    expect((await t.user.get("recordings")).body.items.map((r: { topic: string }) => r.topic)).toEqual(["Seeded"]);
  });

  it("answers in the spec's schemas", async () => {
    await recordedMeeting({ integrationTags: ["S-1"] });
    t.emu.addRecording({ topic: "Seeded" });
    const list = (await t.user.get("recordings")).body;
    checkResponse("meeting", "GET", "/recordings", list);
    for (const { id } of list.items) {
      checkResponse("meeting", "GET", "/recordings/{recordingId}", (await t.user.get(`recordings/${id}`)).body);
    }
  });
});
