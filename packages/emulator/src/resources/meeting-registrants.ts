import { seriesFor } from "../domain/meeting-access.js";
import { type RegistrantRecord, registrantsFor, registrantsOf } from "../domain/meeting-registrants.js";
import { queryRegistrantsRules, registrantRules } from "../domain/meeting-rules.js";
import { acceptsRegistration, type MeetingRecord } from "../domain/meetings.js";
import { formatInZone } from "../domain/zoned-time.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";
import type { Json } from "../types.js";
import { parseTime } from "../validate.js";

/**
 * Meeting registrants (webex-meeting.json): people registered for a series that takes registration
 * (every webinar; a meeting created with `registration`), managed by its host or cohosts.
 */

const REGISTRANT_NOT_FOUND = "Registrant not found.";
const DAY = 24 * 3600_000;

const bulkRules = rules({ items: { type: "objects", required: "items cannot be empty.", fields: registrantRules } });
const statusRules = rules({
  sendEmail: { type: "boolean" },
  registrants: {
    type: "objects",
    required: "registrants cannot be empty.",
    fields: { id: { type: "string", required: true } },
  },
});

/** Form fields the registration settings may require, by setting. */
const REQUIRABLE: Record<string, string> = {
  requireJobTitle: "jobTitle",
  requireCompanyName: "companyName",
  requireAddress1: "address1",
  requireAddress2: "address2",
  requireCity: "city",
  requireState: "state",
  requireZipCode: "zipCode",
  requireCountryRegion: "countryRegion",
  requireWorkPhone: "workPhone",
  requireFax: "fax",
};

function registrantJson(registrant: RegistrantRecord): Json {
  return {
    id: registrant.id,
    status: registrant.status,
    ...registrant.form,
    registrationTime: formatInZone(registrant.registeredMs),
    registrationId: registrant.registrationId,
  };
}

/** The series, for its host or a cohost, if it takes registration (400 otherwise). */
function registrationSeries(ctx: Ctx): MeetingRecord {
  const { series } = seriesFor(ctx, ctx.params.meetingId as string, "manage");
  if (!acceptsRegistration(series)) {
    throw badRequest(
      "Registration is not enabled for this meeting: only webinars and meetings created with registration take registrants.",
    );
  }
  return series;
}

type Form = Input<typeof registrantRules>;

/** Checks a form against the series' registration settings; returns what is kept of it. */
function checkForm(series: MeetingRecord, form: Form, taken: Set<string>): Json {
  const settings = series.registration as Json;
  for (const [setting, field] of Object.entries(REQUIRABLE)) {
    if (settings[setting] === true && (form[field as keyof Form] === undefined || form[field as keyof Form] === "")) {
      throw badRequest(`${field} is required by the meeting's registration form.`);
    }
  }
  if (!/^[^@\s]+@[^@\s]+$/.test(form.email)) throw badRequest(`Invalid email address: ${form.email}`);
  const key = form.email.toLowerCase();
  if (taken.has(key)) throw conflict(`${form.email} is already registered for the meeting.`);
  taken.add(key);
  const { sendEmail: _sendEmail, ...kept } = form;
  return Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined));
}

/** Registers `forms` (all checked first, so a refused batch registers none). */
function register(ctx: Ctx, series: MeetingRecord, forms: Form[]): RegistrantRecord[] {
  const existing = registrantsFor(ctx.store, series.id);
  const taken = new Set(existing.map((r) => r.email.toLowerCase()));
  const kept = forms.map((form) => checkForm(series, form, taken));
  const max = (series.registration as Json).maxRegisterNum;
  if (typeof max === "number" && existing.length + forms.length > max) {
    throw conflict(`The meeting takes at most ${max} registrants.`);
  }
  const now = ctx.engine.now();
  const status = (series.registration as Json).autoAcceptRequest === true ? "approved" : "pending";
  return kept.map((form) => {
    const registrant: RegistrantRecord = {
      id: ctx.store.random.uuid4(),
      seriesId: series.id,
      status,
      form,
      email: String(form.email),
      registrationId: ctx.store.random.chars(6, "0123456789"),
      registeredMs: now,
    };
    registrantsOf(ctx.store).set(registrant.id, registrant);
    return registrant;
  });
}

function registrantOf(ctx: Ctx, series: MeetingRecord, id: string): RegistrantRecord {
  const registrant = registrantsOf(ctx.store).get(id);
  if (!registrant || registrant.seriesId !== series.id || registrant.status === "cancelled") {
    throw notFound(REGISTRANT_NOT_FOUND);
  }
  return registrant;
}

function list(ctx: Ctx): Reply {
  const series = registrationSeries(ctx);
  const email = ctx.query.get("email")?.toLowerCase();
  const fromRaw = ctx.query.get("registrationTimeFrom");
  const toRaw = ctx.query.get("registrationTimeTo");
  let from = fromRaw ? parseTime(fromRaw, "registrationTimeFrom") : undefined;
  let to = toRaw ? parseTime(toRaw, "registrationTimeTo") : undefined;
  if (from !== undefined && to === undefined) to = from + 7 * DAY;
  if (to !== undefined && from === undefined) from = to - 7 * DAY;
  if (from !== undefined && to !== undefined && from > to) {
    throw badRequest("registrationTimeFrom cannot be after registrationTimeTo.");
  }
  const items = registrantsFor(ctx.store, series.id).filter(
    (r) =>
      (!email || r.email.toLowerCase() === email) &&
      (from === undefined || r.registeredMs >= from) &&
      (to === undefined || r.registeredMs < to),
  );
  return pageOf(ctx, items, 10, 100, undefined, registrantJson);
}

const ORDER_FIELDS = { firstName: "firstName", lastName: "lastName", status: "status", email: "email" } as const;

function query(ctx: Ctx, input: Input<typeof queryRegistrantsRules>): Reply {
  const series = registrationSeries(ctx);
  if (input.emails.length === 0) throw badRequest("emails cannot be empty.");
  const emails = new Set(input.emails.map((e) => e.toLowerCase()));
  const items = registrantsFor(ctx.store, series.id).filter(
    (r) => emails.has(r.email.toLowerCase()) && (!input.status || r.status === input.status),
  );
  const field = input.orderBy ? ORDER_FIELDS[input.orderBy] : undefined;
  const key = (r: RegistrantRecord) => (field === "status" ? r.status : field ? String(r.form[field] ?? "") : "");
  items.sort((a, b) => (field ? key(a).localeCompare(key(b)) : a.registeredMs - b.registeredMs));
  if (input.orderType === "DESC") items.reverse();
  return pageOf(ctx, items, 10, 100, undefined, registrantJson);
}

/** Approve, reject or cancel (cancelled registrations are no longer served), or delete, a batch. */
function batch(action: "approved" | "rejected" | "cancelled" | "deleted") {
  return (ctx: Ctx, input: Input<typeof statusRules>): Reply => {
    const series = registrationSeries(ctx);
    if (input.registrants.length === 0) throw badRequest("registrants cannot be empty.");
    const found = input.registrants.map(({ id }) => registrantOf(ctx, series, id));
    for (const registrant of found) {
      if (action === "deleted") registrantsOf(ctx.store).delete(registrant.id);
      else registrant.status = action;
    }
    return { status: 204 };
  };
}

const path = "meetings/:meetingId/registrants";

export const meetingRegistrants = defineResource({
  name: "Meeting Registrants",
  routes: [
    route({
      method: "POST",
      path,
      body: registrantRules,
      handle: (ctx, input) => ({
        json: registrantJson(register(ctx, registrationSeries(ctx), [input])[0] as RegistrantRecord),
      }),
    }),
    route({ method: "GET", path, handle: list }),
    route({
      method: "POST",
      path: `${path}/bulkInsert`,
      body: bulkRules,
      handle: (ctx, input) => {
        const series = registrationSeries(ctx);
        if (input.items.length === 0) throw badRequest("items cannot be empty.");
        return { json: { items: register(ctx, series, input.items).map(registrantJson) } };
      },
    }),
    route({ method: "POST", path: `${path}/query`, body: queryRegistrantsRules, handle: query }),
    route({ method: "POST", path: `${path}/approve`, body: statusRules, handle: batch("approved") }),
    route({ method: "POST", path: `${path}/reject`, body: statusRules, handle: batch("rejected") }),
    route({ method: "POST", path: `${path}/cancel`, body: statusRules, handle: batch("cancelled") }),
    route({ method: "POST", path: `${path}/bulkDelete`, body: statusRules, handle: batch("deleted") }),
    route({
      method: "GET",
      path: `${path}/:registrantId`,
      handle: (ctx) => ({
        json: registrantJson(registrantOf(ctx, registrationSeries(ctx), ctx.params.registrantId as string)),
      }),
    }),
    route({
      method: "DELETE",
      path: `${path}/:registrantId`,
      handle: (ctx) => {
        const registrant = registrantOf(ctx, registrationSeries(ctx), ctx.params.registrantId as string);
        registrantsOf(ctx.store).delete(registrant.id);
        return { status: 204 };
      },
    }),
  ],
});
