/** Public types of @wx/emulator. JSON shapes follow the live Webex API. */
export type Json = Record<string, unknown>;

export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /**
   * A number makes IDs, tokens and probabilistic faults reproducible (default: random; `emu.seed` says
   * which). An object seeds the org instead (people, roles, licences; its `random` is that number).
   */
  seed?: number | OrgSeed;
  /** The clock the emulator reads (default `Date.now`); `emu.setTime` and `emu.advanceTime` shift it. */
  now?: () => number;
  /** Optional per-token limit, answered with 429 like the service. */
  rateLimit?: { perMinute: number };
  /**
   * Key the control API (`/_emulator/…`) requires in the `X-Emulator-Key` header. Without one, the
   * control API answers only when `host` is loopback (127.0.0.1, ::1, localhost), and 403 otherwise.
   */
  controlKey?: string;
  /** Largest JSON or form body accepted (default 1 MB); larger gets 413. */
  maxBodyBytes?: number;
  /** Largest multipart upload accepted (default 100 MB); larger gets 413. */
  maxUploadBytes?: number;
  /** Lifetime of OAuth access tokens (default 1209599 s, 14 days). */
  accessTokenTtlSeconds?: number;
  /** Status of `POST /attachment/actions`: 200 (default, what SDKs expect) or 202 (what the spec says). */
  attachmentActionStatus?: 200 | 202;
  /** Failed deliveries within 5 minutes that disable a webhook (default 100, as on the service). */
  webhookFailureThreshold?: number;
  /** Per-delivery timeout (default 10 000 ms). */
  webhookTimeoutMs?: number;
  /**
   * Called once for every request below /v1/ that got an answer, after the answer was sent (off by default;
   * the emulator's own tests check each exchange against the OpenAPI specs with it). It must not throw.
   */
  onExchange?: (exchange: Exchange) => void;
}

/** One request and the answer sent to it, as `onExchange` sees them. */
export interface Exchange {
  method: string;
  /** The path as requested, e.g. `/v1/rooms/Y2lz…`, without the query. */
  path: string;
  /** The query string with its `?`, or "". */
  search: string;
  /** The request's Content-Type header, or "". */
  requestContentType: string;
  /** The body as the route read it: parsed JSON, multipart fields or form fields; {} when none was read. */
  requestBody: Json;
  status: number;
  /** The answer's Content-Type, or "" (a 204). */
  responseContentType: string;
  /** The answer's body as sent: JSON text, bytes of a file, or "" (a 204). */
  responseBody: string | Buffer;
  /** The fault injected into this request (`emu.faults`), if any. */
  fault?: Fault;
}

/**
 * A failure to inject. 429 sends `Retry-After: retryAfter` (default "1"; `null` sends no header, any
 * string is sent as is, e.g. an HTTP-date). `drop` destroys the socket without answering;
 * `malformedJson` runs the request and truncates its JSON answer; `delayMs` delays it.
 */
export type Fault =
  | { status: 429; retryAfter?: string | number | null }
  | { status: 500 | 502 | 503 | 504 }
  | { delayMs: number }
  | { drop: true }
  | { malformedJson: true };

export interface RouteFaultOptions {
  /** How many matching requests get the fault (default: unlimited until cleared). */
  times?: number;
  /** Chance (0..1) that a matching request gets the fault (default 1). */
  probability?: number;
}

export interface Faults {
  /** The next `n` API requests get `fault`. */
  next(n: number, fault: Fault): void;
  /** Requests matching `method` (or "*") and `pathPattern` (relative to /v1/, `:param` and `*` allowed, or a RegExp). */
  route(method: string, pathPattern: string | RegExp, fault: Fault, options?: RouteFaultOptions): void;
  /**
   * Restarts the generator `probability` draws from. It starts from the emulator's `seed` (and again on
   * every `reset()`), so the same seed and the same requests give the same faults.
   */
  seed(seed: number): void;
  clear(): void;
}

export interface Delivery {
  webhookId: string;
  targetUrl: string;
  /** The exact string POSTed (and signed). */
  body: string;
  headers: Record<string, string>;
  status?: number;
  error?: string;
  at: string;
}

/** Deliveries held back by `emu.holdDeliveries()`, to be sent late or out of order. */
export interface HeldDeliveries {
  /** The deliveries held so far, in the order they were made. */
  readonly deliveries: readonly Delivery[];
  /** Stops holding: later deliveries are sent as usual; the ones held stay held until `release()`. */
  stop(): void;
  /** Stops holding and sends the held deliveries one by one (last first with `reverse`); resolves once all were answered. */
  release(options?: { reverse?: boolean }): Promise<void>;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  at: string;
}

/** A Person as the API returns it (more fields than listed here are present). */
export interface Person {
  id: string;
  emails: string[];
  displayName: string;
  orgId: string;
  type: "person" | "bot" | "appuser";
  [field: string]: unknown;
}

/** The seeded people, by key: `admin`, `user` and `bot`, and any the org seed names. */
export interface SeededPeople {
  admin: Person;
  user: Person;
  bot: Person;
  [key: string]: Person;
}

/** Tokens of the seeded people, by key. */
export interface Tokens {
  admin: string;
  user: string;
  bot: string;
  [key: string]: string;
}

/** A person of the org seed. `key` names it in `emu.tokens` and `emu.people` (admin, user, bot are built in). */
export interface OrgSeedPerson {
  key?: string;
  displayName: string;
  email?: string;
  type?: "person" | "bot";
  /** Role names (the `admin` key gets Full Administrator unless given). */
  roles?: string[];
  /** Licence names (default: those assigned to new users; a bot none). */
  licenses?: string[];
  firstName?: string;
  lastName?: string;
  nickName?: string;
  title?: string;
  department?: string;
  timezone?: string;
}

/**
 * The org to seed: any part given replaces the default's (roles: the five Control Hub admin roles;
 * licences: Messaging, Meeting, Calling and Advanced Messaging; people: admin, user and bot, and any
 * missing from `people` are kept).
 */
export interface OrgSeed {
  /** The number a numeric `seed` would be. */
  random?: number;
  org?: { displayName?: string };
  roles?: string[];
  licenses?: Array<{ name: string; totalUnits?: number; assignToNewUsers?: boolean }>;
  people?: OrgSeedPerson[];
}

export interface Integration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface GuestIssuer {
  issuerId: string;
  /** base64; the JWT key is its decoded bytes. */
  secret: string;
}

export interface AuthorizeOptions {
  personId?: string;
  scope?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
  redirectUri?: string;
}

export interface AddPersonInput {
  displayName: string;
  email?: string;
  type?: "person" | "bot";
  admin?: boolean;
}

export interface PostMessageInput {
  roomId?: string;
  toPersonEmail?: string;
  toPersonId?: string;
  text?: string;
  markdown?: string;
  parentId?: string;
  files?: string[];
  attachments?: Json[];
}

export interface Actor {
  postMessage(input: PostMessageInput): Promise<Json>;
  submitCard(input: { messageId: string; inputs: Json }): Promise<Json>;
}

/** A recording to seed (`emu.addRecording`); the host is the seeded user unless `hostEmail` names another. */
export interface AddRecordingInput {
  topic: string;
  hostEmail?: string;
  /** A meeting series of the host's the recording belongs to. */
  meetingId?: string;
  /** When it was made (ISO 8601; default now); it lasted `durationSeconds` (default 3600) before. */
  createTime?: string;
  durationSeconds?: number;
  format?: "MP4" | "ARF" | "UPLOADED";
  serviceType?: "MeetingCenter" | "EventCenter" | "TrainingCenter" | "SupportCenter";
  integrationTags?: string[];
}

/** A recording as `GET /recordings` serves it. */
export interface Recording {
  id: string;
  topic: string;
  createTime: string;
  status: "available" | "deleted";
  [field: string]: unknown;
}

export interface SeedMessagesInput {
  roomId: string;
  count: number;
  personId?: string;
  text?: (i: number) => string;
}

export interface Emulator {
  /** Base URL ending in `/v1/`. */
  readonly url: string;
  /** The seed in use (the `seed` option, or the random one chosen): pass it again to replay a run. */
  readonly seed: number;
  readonly tokens: Tokens;
  readonly people: SeededPeople;
  readonly org: { id: string; displayName: string };
  readonly integration: Integration;
  readonly guestIssuer: GuestIssuer;
  readonly faults: Faults;
  readonly deliveries: Delivery[];
  /** The last 5000 API requests, oldest first (a fresh array on each read). */
  readonly requests: RequestLogEntry[];
  /** The emulator's time, in ms. */
  now(): number;
  /** Moves the emulator's clock to `time` (ms or ISO 8601); it keeps running from there. */
  setTime(time: number | string): void;
  /** Moves the emulator's clock forward by `ms`. */
  advanceTime(ms: number): void;
  authorize(options?: AuthorizeOptions): string;
  revokeRefreshToken(refreshToken: string): void;
  expireAccessToken(token: string): void;
  addPerson(input: AddPersonInput): { person: Person; token: string };
  act(token: string): Actor;
  seedMessages(input: SeedMessagesInput): void;
  /** Adds a recording, as if a meeting had been recorded (meetings with automatic recording make their own). */
  addRecording(input: AddRecordingInput): Recording;
  flushDeliveries(): Promise<void>;
  /** Holds deliveries back from now on (logged, not sent) until `stop()`/`release()`; one hold at a time. */
  holdDeliveries(): HeldDeliveries;
  /** Sends a logged delivery again (same bytes, same signature), as a Webex retry would; resolves with its log entry. */
  redeliver(delivery: Delivery): Promise<Delivery>;
  /** Back to the seeded state; with `seed`, that org seed replaces the current one (new people and tokens). */
  reset(seed?: OrgSeed): void;
  close(): Promise<void>;
}
