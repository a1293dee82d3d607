import { randomBytes } from "node:crypto";

/** Live Webex ID: base64 of `ciscospark://us/TYPE/uuid`, padding stripped. */
export function hydraId(type: string, uuid: string): string {
  return Buffer.from(`ciscospark://us/${type}/${uuid}`).toString("base64").replace(/=+$/, "");
}

/** The uuid part of a hydra ID of `type`, or undefined if `id` is not one. */
export function hydraUuid(id: string, type: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+$/.test(id)) return undefined;
  const prefix = `ciscospark://us/${type}/`;
  const decoded = Buffer.from(id, "base64").toString("utf8");
  return decoded.startsWith(prefix) ? decoded.slice(prefix.length) : undefined;
}

const ISO_CACHE_LIMIT = 50_000;
const isoCache = new Map<number, string>();

/** ISO 8601 with milliseconds and `Z`; the same few instants (created, lastActivity) are formatted again and again. */
export function isoTime(ms: number): string {
  let iso = isoCache.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString();
    if (isoCache.size >= ISO_CACHE_LIMIT) isoCache.clear();
    isoCache.set(ms, iso);
  }
  return iso;
}

/**
 * The same string in one piece. A template literal is kept as a tree of its parts (V8 "cons strings",
 * several hundred bytes for a UUID); IDs are kept for the emulator's lifetime, one per event.
 */
function flat(value: string): string {
  return Buffer.from(value, "latin1").toString("latin1");
}

const GREGORIAN_OFFSET_MS = 12219292800000n;
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Seedable generator (sfc32), so a given seed always yields the same IDs and tokens. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private clockSeq: string;
  private node: string;
  private v1Counter = 0;

  constructor(seed: number = randomBytes(4).readUInt32LE(0)) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
    this.clockSeq = ((this.next() & 0x3fff) | 0x8000).toString(16).padStart(4, "0");
    this.node = this.hex(12);
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) out += this.next().toString(16).padStart(8, "0");
    return out.slice(0, length);
  }

  chars(length: number, alphabet = ALPHANUMERIC): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.next() % alphabet.length];
    return out;
  }

  /** Random (v4) UUID, as used for people and organizations. */
  uuid4(): string {
    const h = this.hex(32);
    const variant = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
    return flat(
      `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`,
    );
  }

  /** Time-based (v1) UUID, as used for rooms and messages. */
  uuid1(ms: number): string {
    this.v1Counter = (this.v1Counter + 1) % 10000;
    const ts = (BigInt(ms) + GREGORIAN_OFFSET_MS) * 10000n + BigInt(this.v1Counter);
    const low = (ts & 0xffffffffn).toString(16).padStart(8, "0");
    const mid = ((ts >> 32n) & 0xffffn).toString(16).padStart(4, "0");
    const high = (((ts >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, "0");
    return flat(`${low}-${mid}-${high}-${this.clockSeq}-${this.node}`);
  }

  /** Access token in the live shape: 64 base64-ish chars, a cluster code and the org UUID. */
  token(orgUuid: string): string {
    return `${this.chars(64)}_PF84_${orgUuid}`;
  }
}

/** A random prefix per process and a counter: unique, in the live `ROUTER_<UUID>` shape, and cheap per request. */
const trackingPrefix = (() => {
  const h = randomBytes(10).toString("hex").toUpperCase();
  return `ROUTER_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-`;
})();
let trackingCounter = 0;

export function trackingId(): string {
  trackingCounter = (trackingCounter + 1) % 0x1000000000000;
  return trackingPrefix + trackingCounter.toString(16).toUpperCase().padStart(12, "0");
}

export function encodeCursor(value: string): string {
  return Buffer.from(value).toString("base64url");
}

export function decodeCursor(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  return Buffer.from(cursor, "base64url").toString("utf8");
}
