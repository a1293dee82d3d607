/**
 * Wall-clock time in an IANA time zone, with nothing but Intl: a daily 09:00 meeting in
 * America/New_York stays at 09:00 across the DST change, and times are answered in the zone asked for.
 */

export interface WallTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

export function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    hour: parts.hour as number,
    minute: parts.minute as number,
    second: parts.second as number,
  };
}

/** Offset of `timeZone` from UTC at `ms`, in ms (e.g. +08:00 is 28 800 000). */
export function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock time in `timeZone` names (a time skipped by DST moves forward). */
export function fromWallTime(w: WallTime, timeZone: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  let ms = naive - offsetAt(naive, timeZone);
  // A second pass settles instants near an offset change.
  ms = naive - offsetAt(ms, timeZone);
  return ms;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `2019-11-01T20:00:00+08:00`, or `…Z` in UTC: how the meetings API writes its times (no milliseconds). */
export function formatInZone(ms: number, timeZone = "UTC"): string {
  const w = wallTime(ms, timeZone);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  const offset = Math.round(offsetAt(ms, timeZone) / 60_000);
  if (offset === 0) return `${date}Z`;
  const sign = offset > 0 ? "+" : "-";
  return `${date}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** `20200516T230000Z`: the UTC start that names a scheduled meeting of a series. */
export function compactUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}
