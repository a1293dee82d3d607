import { createHash } from "node:crypto";
import { Clock } from "./clock.js";
import type { Activity } from "./domain/activity.js";
import { SITE_URL } from "./domain/meetings.js";
import { type PersonRecord, Store } from "./domain/store.js";
import { FaultInjector } from "./faults.js";
import { hydraId, isoTime, Random } from "./ids.js";
import { FULL_ADMIN, type ResolvedOrgSeed, readOrgSeed } from "./org-seed.js";
import { RateLimiter } from "./rate-limit.js";
import { RequestLog } from "./request-log.js";
import type {
  EmulatorOptions,
  Exchange,
  GuestIssuer,
  Integration,
  Json,
  Person,
  SeededPeople,
  Tokens,
} from "./types.js";
import { WebhookDispatcher } from "./webhooks.js";

export const DEFAULT_ACCESS_TOKEN_TTL = 1209599;
export const REFRESH_TOKEN_TTL = 7775999;
const REQUEST_LOG_LIMIT = 5000;

/** What the seed draws from its generator, once per org: the same seed gives the same IDs and tokens. */
interface Identities {
  orgUuid: string;
  /** One per person of the org seed, in its order. */
  people: Array<{ uuid: string; token: string }>;
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
  onExchange?: (exchange: Exchange) => void;
  org: ResolvedOrgSeed;
}

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const perMinute = options.rateLimit?.perMinute;
  if (perMinute !== undefined && !(Number.isSafeInteger(perMinute) && perMinute > 0)) {
    throw new Error(`rateLimit.perMinute must be a positive whole number, got ${perMinute}`);
  }
  if (options.controlKey !== undefined && (typeof options.controlKey !== "string" || options.controlKey === "")) {
    throw new Error("controlKey must be a non-empty string");
  }
  const org = typeof options.seed === "number" ? readOrgSeed(undefined) : readOrgSeed(options.seed);
  const random = typeof options.seed === "number" ? options.seed : org.random;
  if (random !== undefined && !(Number.isSafeInteger(random) && random >= 0)) {
    throw new Error(`seed must be a whole number >= 0, got ${random}`);
  }
  if (options.now !== undefined && typeof options.now !== "function") throw new Error("now must be a function");
  if (options.onExchange !== undefined && typeof options.onExchange !== "function") {
    throw new Error("onExchange must be a function");
  }
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    seed: random ?? Math.floor(Math.random() * 2 ** 32),
    rateLimit: options.rateLimit,
    controlKey: options.controlKey,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxUploadBytes: options.maxUploadBytes ?? 100 * 1024 * 1024,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL,
    attachmentActionStatus: options.attachmentActionStatus ?? 200,
    webhookFailureThreshold: options.webhookFailureThreshold ?? 100,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    now: options.now,
    onExchange: options.onExchange,
    org,
  };
}

/** The emulator's core: state, seeded identities, faults, rate limit and webhook delivery. */
export class Engine {
  store: Store;
  readonly clock: Clock;
  readonly faults: FaultInjector;
  readonly webhooks: WebhookDispatcher;
  readonly requests = new RequestLog(REQUEST_LOG_LIMIT);
  readonly rateLimiter?: RateLimiter;
  identities: Identities;
  /** The org seed in use (the `seed` option's, or one given to `reset`). */
  org: ResolvedOrgSeed;
  /** Set once the server listens. */
  baseUrl = "http://127.0.0.1/v1/";
  /** `host:port` the server listens on, for requests without a Host header. */
  host = "127.0.0.1";
  private generation = 0;

  constructor(readonly options: ResolvedOptions) {
    this.clock = new Clock(options.now);
    this.org = options.org;
    this.identities = makeIdentities(new Random(options.seed), this.org);
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

  /** The ID of the role named Full Administrator (undefined when the org seed has none). */
  get fullAdminRoleId(): string | undefined {
    const at = this.org.roles.indexOf(FULL_ADMIN);
    return at < 0 ? undefined : hydraId("ROLE", this.identities.roleUuids[at] as string);
  }

  /** Tokens of the seeded people that have a key (admin, user and bot at least). */
  get tokens(): Tokens {
    const tokens: Record<string, string> = {};
    this.org.people.forEach((person, i) => {
      if (person.key) tokens[person.key] = this.identities.people[i]?.token as string;
    });
    return tokens as Tokens;
  }

  seededPeople(): SeededPeople {
    const people: Record<string, Person> = {};
    this.org.people.forEach((person, i) => {
      const json = this.store.people.get(hydraId("PEOPLE", this.identities.people[i]?.uuid as string))?.json;
      if (person.key && json) people[person.key] = json as Person;
    });
    return people as SeededPeople;
  }

  /** Back to the seeded state; with `org`, the org seed is replaced first (new people, new tokens). */
  reset(org?: ResolvedOrgSeed): void {
    if (org) {
      this.org = org;
      this.identities = makeIdentities(new Random(this.options.seed), org);
    }
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
    const org = this.org;
    store.organizations.push({ id: this.orgId, displayName: org.displayName, created: isoTime(now) });
    org.roles.forEach((name, i) => {
      store.roles.push({ id: hydraId("ROLE", ids.roleUuids[i] as string), name });
    });
    org.licenses.forEach((license, i) => {
      store.licenses.push({
        id: hydraId("LICENSE", ids.licenseUuids[i] as string),
        name: license.name,
        totalUnits: license.totalUnits,
        consumedUnits: 0,
        consumedByUsers: 0,
        consumedByWorkspaces: 0,
        subscriptionId: `Sub-${ids.licenseUuids[i]?.slice(0, 8)}`,
        siteUrl: SITE_URL,
        siteType: "Control Hub managed site",
      });
    });
    this.store = store;
    const roleId = (name: string) => store.roles.find((r) => r.name === name)?.id as string;
    const licenseId = (name: string) => store.licenses.find((l) => l.name === name)?.id as string;
    org.people.forEach((seeded, i) => {
      const identity = ids.people[i] as { uuid: string; token: string };
      const person = this.createPerson({
        displayName: seeded.displayName,
        email: seeded.email,
        type: seeded.type,
        uuid: identity.uuid,
        createdMs: now,
        roleIds: seeded.roles.map(roleId),
        licenseIds: seeded.licenses?.map(licenseId),
        fields: seeded.fields,
      });
      store.tokens.set(identity.token, { personId: person.id });
    });
    return store;
  }

  createPerson(input: {
    displayName: string;
    email?: string;
    type?: "person" | "bot" | "appuser";
    admin?: boolean;
    /** Roles and licences by ID; unset, an admin gets Full Administrator and a person the new users' licences. */
    roleIds?: string[];
    licenseIds?: string[];
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
      roles: input.roleIds ?? (input.admin && this.fullAdminRoleId ? [this.fullAdminRoleId] : []),
      licenses: input.licenseIds ?? (type === "person" ? this.newUserLicenseIds() : []),
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

  private newUserLicenseIds(): string[] {
    return this.org.licenses.flatMap((license, i) =>
      license.assignToNewUsers ? [hydraId("LICENSE", this.identities.licenseUuids[i] as string)] : [],
    );
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
    const id = this.fullAdminRoleId;
    return id !== undefined && person.json.roles.includes(id);
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
        actorOrgName: this.org.displayName,
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
        targetOrgName: this.org.displayName,
      },
    });
  }
}

function makeIdentities(random: Random, org: ResolvedOrgSeed): Identities {
  const orgUuid = random.uuid4();
  return {
    orgUuid,
    people: org.people.map(() => ({ uuid: random.uuid4(), token: random.token(orgUuid) })),
    integration: {
      clientId: `C${random.hex(64)}`,
      clientSecret: random.hex(64),
      redirectUri: "http://127.0.0.1/oauth/callback",
    },
    guestIssuer: {
      issuerId: hydraId("ISSUER", random.uuid4()),
      secret: createHash("sha256").update(random.hex(64)).digest("base64"),
    },
    roleUuids: org.roles.map(() => random.uuid4()),
    licenseUuids: org.licenses.map(() => random.uuid4()),
  };
}
