import { badRequest } from "../errors.js";
import { fromWallTime, type WallTime, wallTime } from "./zoned-time.js";

/**
 * The RFC 2445 rules the meetings API takes: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT
 * or UNTIL, BYDAY (weekdays; for MONTHLY one with its week, e.g. 2TU or -1FR), BYMONTHDAY and BYMONTH.
 * As the spec says, a monthly or yearly rule keeps only its first day or date. Occurrences are
 * wall-clock times in the meeting's time zone.
 */
export interface Recurrence {
  freq: "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
  interval: number;
  count?: number;
  untilMs?: number;
  byDay?: Array<{ week?: number; day: number }>;
  byMonthDay?: number;
  byMonth?: number;
}

const DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
/** No series yields more occurrences than this (an unending rule is cut off here). */
export const MAX_OCCURRENCES = 1000;

export function parseRecurrence(rule: string): Recurrence {
  const invalid = (why: string) => badRequest(`Invalid recurrence '${rule}': ${why}.`);
  const parts = new Map<string, string>();
  for (const pair of rule.replace(/^RRULE:/i, "").split(";")) {
    if (!pair) continue;
    const [key, value] = pair.split("=");
    if (!key || value === undefined || value === "") throw invalid(`'${pair}' is not NAME=VALUE`);
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const freq = parts.get("FREQ");
  if (freq !== "DAILY" && freq !== "WEEKLY" && freq !== "MONTHLY" && freq !== "YEARLY") {
    throw invalid("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
  }
  const whole = (key: string, min: number, max: number) => {
    const raw = parts.get(key);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || n < min || n > max)
      throw invalid(`${key} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const out: Recurrence = { freq, interval: whole("INTERVAL", 1, 99) ?? 1 };
  out.count = whole("COUNT", 1, MAX_OCCURRENCES);
  const until = parts.get("UNTIL");
  if (until !== undefined) {
    if (out.count !== undefined) throw invalid("COUNT and UNTIL exclude each other");
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(until);
    if (!m) throw invalid("UNTIL must be a date such as 20250210T000000Z");
    const [, y, mo, d, h = "23", mi = "59", s = "59"] = m;
    out.untilMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  }
  const byDay = parts.get("BYDAY");
  if (byDay !== undefined) {
    out.byDay = byDay.split(",").map((entry) => {
      const m = /^([+-]?\d)?(SU|MO|TU|WE|TH|FR|SA)$/.exec(entry);
      if (!m) throw invalid(`BYDAY '${entry}' is not a weekday such as MO or 2TU`);
      return { week: m[1] === undefined ? undefined : Number(m[1]), day: DAYS.indexOf(m[2] as string) };
    });
    if (freq === "MONTHLY" || freq === "YEARLY") out.byDay = out.byDay.slice(0, 1);
  }
  const monthDay = parts.get("BYMONTHDAY");
  if (monthDay !== undefined) {
    const first = Number(monthDay.split(",")[0]);
    if (!Number.isInteger(first) || first < 1 || first > 31) throw invalid("BYMONTHDAY must be from 1 to 31");
    out.byMonthDay = first;
  }
  out.byMonth = whole("BYMONTH", 1, 12);
  return out;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const weekday = (w: WallTime) => new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
const addDays = (w: WallTime, days: number): WallTime => {
  const date = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/** The day of `month` a monthly rule picks: the nth weekday, a month day, or the start's day. */
function dayInMonth(rule: Recurrence, year: number, month: number, startDay: number): number | undefined {
  const last = daysInMonth(year, month);
  const pick = rule.byDay?.[0];
  if (pick) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    const firstMatch = 1 + ((pick.day - first + 7) % 7);
    const matches: number[] = [];
    for (let d = firstMatch; d <= last; d += 7) matches.push(d);
    const week = pick.week ?? 1;
    return week > 0 ? matches[week - 1] : matches[matches.length + week];
  }
  const day = rule.byMonthDay ?? startDay;
  return day <= last ? day : undefined;
}

/**
 * Start instants of the series' occurrences, in order, from its first (`startMs`) up to `untilMs`
 * (exclusive), at most {@link MAX_OCCURRENCES}. Without a rule there is one.
 */
export function occurrenceStarts(
  rule: Recurrence | undefined,
  startMs: number,
  timeZone: string,
  untilMs = Number.POSITIVE_INFINITY,
): number[] {
  if (!rule) return startMs < untilMs ? [startMs] : [];
  const first = wallTime(startMs, timeZone);
  const out: number[] = [];
  const limit = Math.min(untilMs, rule.untilMs === undefined ? Number.POSITIVE_INFINITY : rule.untilMs + 1);
  const max = rule.count ?? MAX_OCCURRENCES;
  const push = (w: WallTime) => {
    const ms = fromWallTime(w, timeZone);
    if (ms < startMs) return true;
    if (ms >= limit || out.length >= max) return false;
    out.push(ms);
    return true;
  };
  // Each period (day, week, month, year) yields its occurrences; periods beyond the limit stop the walk.
  for (let period = 0; period < MAX_OCCURRENCES * 7 && out.length < max; period++) {
    const step = period * rule.interval;
    let ok = true;
    if (rule.freq === "DAILY") {
      ok = push(addDays(first, step));
    } else if (rule.freq === "WEEKLY") {
      const weekStart = addDays(first, step * 7 - weekday(first));
      const days = rule.byDay?.map((d) => d.day).sort((a, b) => a - b) ?? [weekday(first)];
      for (const day of days) if (ok) ok = push(addDays(weekStart, day));
    } else {
      const months = rule.freq === "MONTHLY" ? step : step * 12;
      const index = first.year * 12 + (first.month - 1) + months;
      const year = Math.floor(index / 12);
      const month = rule.freq === "YEARLY" && rule.byMonth ? rule.byMonth : (index % 12) + 1;
      const day = dayInMonth(rule, year, month, first.day);
      if (day !== undefined) ok = push({ ...first, year, month, day });
      else if (fromWallTime({ ...first, year, month, day: 1 }, timeZone) >= limit) ok = false;
    }
    if (!ok) break;
  }
  return out;
}
