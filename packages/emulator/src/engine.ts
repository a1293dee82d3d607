import { createHash } from "node:crypto";
import { Clock } from "./clock.js";
import type { Activity } from "./domain/activity.js";
import { type PersonRecord, Store } from "./domain/store.js";
import { FaultInjector } from "./faults.js";
import { hydraId, isoTime, Random } from "./ids.js";
import { RateLimiter } from "./rate-limit.js";
import { RequestLog } from "./request-log.js";
import type { EmulatorOptions, GuestIssuer, Integration, Json, Person, SeededPeople, Tokens } from "./types.js";
import { WebhookDispatcher } from "./webhooks.js";

export const DEFAULT_ACCESS_TOKEN_TTL = 1209599;
export const REFRESH_TOKEN_TTL = 7775999;
const REQUEST_LOG_LIMIT = 5000;

interface Identities {
  orgUuid: string;
  people: Record<keyof Tokens, { uuid: string; token: string }>;
  integration: Integration;
  guestIssuer: GuestIssuer;
  roleUuids: string[];
  licenseUuids: string[];
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  rateLimit?: { perMinute: number };
  controlKey?: string;
  maxBodyBytes: number;
  maxUploadBytes: number;
  accessTokenTtlSeconds: number;
  attachmentActionStatus: 200 | 202;
  webhookFailureThreshold: number;
  webhookTimeoutMs: number;
  now?: () => number;
}

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const perMinute = options.rateLimit?.perMinute;
  if (perMinute !== undefined && !(Number.isSafeInteger(perMinute) && perMinute > 0)) {
    throw new Error(`rateLimit.perMinute must be a positive whole number, got ${perMinute}`);
  }
  if (options.controlKey !== undefined && (typeof options.controlKey !== "string" || options.controlKey === "")) {
    throw new Error("controlKey must be a non-empty string");
  }
  if (options.seed !== undefined && !(Number.isSafeInteger(options.seed) && options.seed >= 0)) {
    throw new Error(`seed must be a whole number >= 0, got ${options.seed}`);
  }
  if (options.now !== undefined && typeof options.now !== "function") throw new Error("now must be a function");
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 32),
    rateLimit: options.rateLimit,
    controlKey: options.controlKey,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxUploadBytes: options.maxUploadBytes ?? 100 * 1024 * 1024,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL,
    attachmentActionStatus: options.attachmentActionStatus ?? 200,
    webhookFailureThreshold: options.webhookFailureThreshold ?? 100,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    now: options.now,
  };
}

export const ROLE_NAMES = [
  "Full Administrator",
  "Read-only Administrator",
  "User and Device Administrator",
  "Device Administrator",
  "Compliance Officer",
];

/** The emulator's core: state, seeded identities, faults, rate limit and webhook delivery. */
export class Engine {
  store: Store;
  readonly clock: Clock;
  readonly faults: FaultInjector;
  readonly webhooks: WebhookDispatcher;
  readonly requests = new RequestLog(REQUEST_LOG_LIMIT);
  readonly rateLimiter?: RateLimiter;
  readonly identities: Identities;
  /** Set once the server listens. */
  baseUrl = "http://127.0.0.1/v1/";
  /** `host:port` the server listens on, for requests without a Host header. */
  host = "127.0.0.1";
  private generation = 0;

  constructor(readonly options: ResolvedOptions) {
    this.clock = new Clock(options.now);
    this.identities = makeIdentities(new Random(options.seed));
    this.faults = new FaultInjector(options.seed);
    this.webhooks = new WebhookDispatcher(this);
    if (options.rateLimit) this.rateLimiter = new RateLimiter(options.rateLimit.perMinute);
    this.store = this.seed();
  }

  /** The emulator's time (see clock.ts). */
  now(): number {
    return this.clock.now();
  }

  get orgId(): string {
    return hydraId("ORGANIZATION", this.identities.orgUuid);
  }

  get fullAdminRoleId(): string {
    return hydraId("ROLE", this.identities.roleUuids[0] as string);
  }

  get tokens(): Tokens {
    const p = this.identities.people;
    return { admin: p.admin.token, user: p.user.token, bot: p.bot.token };
  }

  seededPeople(): SeededPeople {
    const get = (uuid: string) => this.store.people.get(hydraId("PEOPLE", uuid))?.json as Person;
    const p = this.identities.people;
    return { admin: get(p.admin.uuid), user: get(p.user.uuid), bot: get(p.bot.uuid) };
  }

  reset(): void {
    this.faults.clear();
    this.faults.reseed(this.options.seed);
    this.webhooks.clearLog();
    this.requests.clear();
    this.rateLimiter?.reset();
    this.clock.reset();
    this.store = this.seed();
  }

  /** Fresh state with the same org, people, tokens, integration and guest issuer. */
  private seed(): Store {
    this.generation += 1;
    const store = new Store(new Random((this.options.seed + this.generation * 7919) >>> 0), () => this.now());
    const ids = this.identities;
    const now = this.now();
    store.organizations.push({ id: this.orgId, displayName: "Emulated Org", created: isoTime(now) });
    ROLE_NAMES.forEach((name, i) => {
      store.roles.push({ id: hydraId("ROLE", ids.roleUuids[i] as string), name });
    });
    const licenseNames = ["Messaging", "Meeting - Webex Enterprise Edition", "Calling - Professional"];
    licenseNames.forEach((name, i) => {
      store.licenses.push({
        id: hydraId("LICENSE", ids.licenseUuids[i] as string),
        name,
        totalUnits: 1000,
        consumedUnits: 0,
        consumedByUsers: 0,
        consumedByWorkspaces: 0,
        subscriptionId: `Sub-${ids.licenseUuids[i]?.slice(0, 8)}`,
        siteUrl: "emulated.webex.com",
        siteType: "Control Hub managed site",
      });
    });
    this.store = store;
    const seeded: Array<[keyof Tokens, string, string, "person" | "bot", boolean]> = [
      ["admin", "Ada Admin", "admin@emulated.example.com", "person", true],
      ["user", "Uma User", "user@emulated.example.com", "person", false],
      ["bot", "Emulated Bot", "emulated-bot@webex.bot", "bot", false],
    ];
    for (const [key, displayName, email, type, admin] of seeded) {
      const person = this.createPerson({ displayName, email, type, admin, uuid: ids.people[key].uuid, createdMs: now });
      store.tokens.set(ids.people[key].token, { personId: person.id });
    }
    return store;
  }

  createPerson(input: {
    displayName: string;
    email?: string;
    type?: "person" | "bot" | "appuser";
    admin?: boolean;
    uuid?: string;
    createdMs?: number;
    fields?: Json;
    invitePending?: boolean;
  }): PersonRecord {
    const uuid = input.uuid ?? this.store.random.uuid4();
    const id = hydraId("PEOPLE", uuid);
    const type = input.type ?? "person";
    const slug =
      input.displayName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ".")
        .replace(/^\.|\.$/g, "") || "person";
    const email =
      input.email ?? (type === "bot" ? `${slug}@webex.bot` : `${slug}.${uuid.slice(0, 4)}@emulated.example.com`);
    const created = isoTime(input.createdMs ?? this.now());
    const [firstName, ...rest] = input.displayName.split(" ");
    const json: PersonRecord["json"] = {
      id,
      emails: [email],
      phoneNumbers: [],
      displayName: input.displayName,
      nickName: firstName,
      firstName,
      lastName: rest.join(" ") || undefined,
      avatar: `https://avatar.emulated.example.com/${uuid}~1600`,
      orgId: this.orgId,
      roles: input.admin ? [this.fullAdminRoleId] : [],
      licenses: type === "person" ? [this.store.licenses[0]?.id as string] : [],
      created,
      lastModified: created,
      lastActivity: created,
      status: "active",
      invitePending: input.invitePending ? "true" : "false",
      loginEnabled: "true",
      type,
      ...input.fields,
    };
    for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
    const person = { id, uuid, json };
    this.store.addPersonRecord(person);
    return person;
  }

  /** Consumed units are counted when licenses are read, so adding people stays O(1). */
  countLicenses(): void {
    for (const license of this.store.licenses) {
      let count = 0;
      for (const person of this.store.people.values())
        if (person.json.licenses?.includes(license.id as string)) count++;
      license.consumedUnits = count;
      license.consumedByUsers = count;
    }
  }

  issueToken(personId: string, ttlSeconds?: number, scope?: string): string {
    const token = this.store.random.token(this.identities.orgUuid);
    this.store.tokens.set(token, {
      personId,
      scope,
      expiresAtMs: ttlSeconds === undefined ? undefined : this.now() + ttlSeconds * 1000,
    });
    return token;
  }

  authenticate(token: string): PersonRecord | undefined {
    const record = this.store.tokens.get(token);
    if (!record) return undefined;
    if (record.expiresAtMs !== undefined && record.expiresAtMs <= this.now()) return undefined;
    return this.store.people.get(record.personId);
  }

  isAdmin(person: PersonRecord): boolean {
    return person.json.roles.includes(this.fullAdminRoleId);
  }

  /** Records the compliance event and queues webhook deliveries; never waits for them. */
  notify(activity: Activity): void {
    const event = {
      uuid: this.store.random.uuid4(),
      resource: activity.resource,
      type: activity.event,
      actorId: activity.actorId,
      createdMs: this.now(),
      subject: activity.subject,
      view: activity.view,
    };
    this.store.events.push(event);
    this.store.eventsById.set(event.uuid, event);
    this.webhooks.dispatch(activity);
  }

  recordAudit(actor: PersonRecord, action: { category: string; description: string; target: PersonRecord }): void {
    const created = isoTime(this.now());
    this.store.auditEvents.push({
      id: hydraId("AUDIT_EVENT", this.store.random.uuid4()),
      actorId: actor.id,
      actorOrgId: actor.json.orgId,
      created,
      data: {
        actorOrgName: "Emulated Org",
        targetName: action.target.json.displayName,
        eventDescription: action.description,
        actorName: actor.json.displayName,
        actorEmail: actor.json.emails[0],
        adminRoles: ["Full_Admin"],
        trackingId: `ATLAS_${this.store.random.uuid4()}_0`,
        targetType: "TargetResourceType.USER",
        targetId: action.target.id,
        eventCategory: action.category,
        actorUserAgent: "wx-emulator",
        actorIp: "127.0.0.1",
        targetOrgId: action.target.json.orgId,
        actionText: `${actor.json.displayName} ${action.description.toLowerCase()} ${action.target.json.displayName}`,
        targetOrgName: "Emulated Org",
      },
    });
  }
}

function makeIdentities(random: Random): Identities {
  const orgUuid = random.uuid4();
  const person = () => ({ uuid: random.uuid4(), token: random.token(orgUuid) });
  return {
    orgUuid,
    people: { admin: person(), user: person(), bot: person() },
    integration: {
      clientId: `C${random.hex(64)}`,
      clientSecret: random.hex(64),
      redirectUri: "http://127.0.0.1/oauth/callback",
    },
    guestIssuer: {
      issuerId: hydraId("ISSUER", random.uuid4()),
      secret: createHash("sha256").update(random.hex(64)).digest("base64"),
    },
    roleUuids: ROLE_NAMES.map(() => random.uuid4()),
    licenseUuids: [random.uuid4(), random.uuid4(), random.uuid4()],
  };
}
