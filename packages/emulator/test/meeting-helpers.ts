import type { Client } from "./helpers.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** `hours` from `now` on a whole minute (the service keeps meeting times to the minute). */
export function at(now: number, hours: number): string {
  return new Date(Math.ceil((now + hours * HOUR) / MINUTE) * MINUTE).toISOString();
}

/** Schedules a meeting `hours` from `now`, lasting an hour, with any other fields. */
export async function schedule(api: Client, now: number, hours = 24, fields: Record<string, unknown> = {}) {
  const res = await api.post("meetings", {
    title: "Planning",
    start: at(now, hours),
    end: at(now, hours + 1),
    ...fields,
  });
  if (res.status !== 200) throw new Error(`POST /meetings: ${res.status} ${res.text}`);
  return res.body;
}
