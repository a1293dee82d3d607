import { type CallOptions, requireString, type Session, ValidationError } from "@wx/core";
import type { GuestIssuerToken } from "@wx/models";
import { withoutReplyBody } from "./without-reply-body.js";

export interface GuestJwtClaims {
  /** A unique ID for the guest: letters, digits and `-` only. */
  sub: string;
  /** The guest's display name. */
  name: string;
  /** The Guest Issuer ID. */
  iss: string;
  /** Expiry in Unix seconds (a number, not milliseconds). */
  exp: number;
  /** The issuer secret, base64 as Webex shows it. */
  secret: string;
}

const SUB = /^[A-Za-z0-9-]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// Unix seconds stay below this until the year 5138; a larger exp is almost surely milliseconds.
const MAX_EXP_SECONDS = 100_000_000_000;

/** Signs the guest JWT (HS256 with the base64-decoded secret), e.g. for a browser SDK that takes the JWT itself. */
export async function signGuestJwt(claims: GuestJwtClaims): Promise<string> {
  const { sub, name, iss, exp, secret } = claims ?? ({} as GuestJwtClaims);
  requireString("sub", sub);
  if (!SUB.test(sub)) {
    throw new ValidationError("sub may contain only letters, digits and '-'", { argument: "sub" });
  }
  requireString("name", name);
  requireString("iss", iss);
  if (typeof exp !== "number" || !Number.isInteger(exp) || exp <= 0) {
    throw new ValidationError("exp must be a positive integer (Unix seconds)", { argument: "exp" });
  }
  if (exp >= MAX_EXP_SECONDS) {
    throw new ValidationError("exp is in Unix seconds; this looks like milliseconds (divide by 1000)", {
      argument: "exp",
    });
  }
  const key = decodeSecret(secret);
  // Loaded here, not at import: most programs never make a guest token, and jose costs ~60 ms to load.
  const { SignJWT } = await import("jose");
  return new SignJWT({ name })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuer(iss)
    .setExpirationTime(exp)
    .sign(key);
}

/** Guest tokens from a Guest Issuer (`POST /jwt/login`), as `guestIssuer` on the client. */
export class GuestIssuerApi {
  readonly #session: Session;

  constructor(session: Session) {
    this.#session = session;
  }

  /**
   * Signs a guest JWT and trades it for a guest access token: `{ token, expiresIn }`, passed through the
   * session's `objectFactory` as kind `guestIssuerToken`.
   */
  async create(claims: GuestJwtClaims, options: CallOptions = {}): Promise<GuestIssuerToken> {
    const jwt = await signGuestJwt(claims);
    let json: Record<string, unknown>;
    try {
      json = await this.#session.request<Record<string, unknown>>({
        ...options,
        method: "POST",
        path: "jwt/login",
        auth: false,
        headers: { ...options.headers, authorization: `Bearer ${jwt}` },
        secrets: [jwt], // a service that echoes the JWT it refused
      });
    } catch (error) {
      throw withoutReplyBody(error);
    }
    return this.#session.objectFactory("guestIssuerToken", json) as GuestIssuerToken;
  }
}

/** The secret's bytes; the error never repeats the secret. */
function decodeSecret(secret: unknown): Uint8Array {
  if (typeof secret !== "string" || secret.trim() === "") {
    throw new ValidationError("secret is required: the Guest Issuer secret, base64-encoded", { argument: "secret" });
  }
  const text = secret.trim();
  const unpadded = text.replace(/=+$/, "");
  const validLength = text.length === unpadded.length ? unpadded.length % 4 !== 1 : text.length % 4 === 0;
  if (!BASE64.test(text) || !validLength) {
    throw new ValidationError("secret is not valid base64 (the Guest Issuer secret as Webex shows it)", {
      argument: "secret",
    });
  }
  return new Uint8Array(Buffer.from(text, "base64"));
}
