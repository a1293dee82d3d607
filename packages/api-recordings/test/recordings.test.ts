import { ApiError, type Paginated } from "@wx/core";
import type { Recording } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { RecordingsApi } from "../src/index.js";

const { emu, session, sent, sessionFor } = await useEmulator();
const recordings = new RecordingsApi(session);

const MINUTE = 60_000;
/** Meetings with automatic recording that start in a few minutes, and the clock moved past their end. */
async function recordedMeetings(titles: string[]): Promise<{ id: string }[]> {
  const start = Math.ceil((Date.now() + 5 * MINUTE) / MINUTE) * MINUTE;
  const created = [];
  for (const title of titles) {
    const json = {
      title,
      start: new Date(start).toISOString(),
      end: new Date(start + 30 * MINUTE).toISOString(),
      enabledAutoRecordMeeting: true,
    };
    created.push(await session.request<{ id: string }>({ method: "POST", path: "meetings", json }));
  }
  emu.advanceTime(2 * 60 * MINUTE);
  return created;
}

it("lists the recordings of ended meetings with automatic recording, and gets one with its download links", async () => {
  const [meeting] = await recordedMeetings(["Recorded"]);
  const listed = await recordings
    .list({ from: new Date(Date.now() - MINUTE), to: new Date(Date.now() + 4 * 60 * MINUTE) })
    .toArray();
  expect(listed).toHaveLength(1);
  const [recording] = listed;
  expect(recording).toMatchObject({
    topic: "Recorded",
    meetingSeriesId: meeting?.id,
    format: expect.stringMatching(/^(MP4|ARF)$/),
    status: "available",
    playbackUrl: expect.stringMatching(/^https:\/\//),
    durationSeconds: expect.any(Number),
  });
  const details = await recordings.get(recording?.id as string);
  expect(details.temporaryDirectDownloadLinks?.recordingDownloadLink).toMatch(/^https:\/\//);
});

it("pages through recordings newest first and filters by meeting", async () => {
  const meetings = await recordedMeetings(Array.from({ length: 7 }, (_, i) => `R${i}`));
  const window = { from: new Date(Date.now() - 10 * 60 * MINUTE), to: new Date(Date.now() + 10 * 60 * MINUTE) };
  const sizes: number[] = [];
  for await (const page of recordings.list({ ...window, max: 3 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([3, 3, 1]);
  const all = await recordings.list(window).toArray();
  const times = all.map((r) => Date.parse(r.createTime));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  const one = await recordings.list({ ...window, meetingId: meetings[2]?.id }).toArray();
  expect(one.map((r) => r.topic)).toEqual(["R2"]);
});

it("deletes a recording with a real DELETE into the recycle bin (status deleted)", async () => {
  await recordedMeetings(["To delete"]);
  const [recording] = await recordings.list().toArray();
  if (!recording) throw new Error("a recording was expected");
  await recordings.delete(recording.id, { reason: "audit", comment: "cleanup" });
  expect(sent.at(-1)).toMatch(/^DELETE .*\/v1\/recordings\/[^/]+$/);
  await expect(recordings.get(recording.id)).rejects.toMatchObject({ status: 404 });
  expect((await recordings.list().toArray()).map((r) => r.id)).not.toContain(recording.id);
  const bin = await recordings.list({ status: "deleted" }).toArray();
  expect(bin.map((r) => [r.id, r.status])).toEqual([[recording.id, "deleted"]]);
});

it("reports an unknown recording and another user's as 404", async () => {
  await recordedMeetings(["Mine"]);
  const [mine] = await recordings.list().toArray();
  await expect(recordings.get("0123456789abcdef0123456789abcdef")).rejects.toMatchObject({ status: 404 });
  const outsider = new RecordingsApi(sessionFor(emu.tokens.bot));
  const error = await outsider.get(mine?.id as string).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404 });
});

it("checks arguments before sending anything", async () => {
  const before = emu.requests.length;
  expect(() => recordings.list({ from: "2030-02-01T00:00:00Z", to: "2030-01-01T00:00:00Z" })).toThrow(
    /cannot be after/,
  );
  await expect(recordings.delete("R", { comment: "x".repeat(256) })).rejects.toMatchObject({ argument: "comment" });
  expect(emu.requests.length).toBe(before);
});

it("types results as recordings", () => {
  expectTypeOf(recordings.list()).toEqualTypeOf<Paginated<Recording>>();
  expectTypeOf(recordings.get).returns.resolves.toEqualTypeOf<Recording>();
});
