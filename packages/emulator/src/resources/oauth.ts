import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { DEFAULT_ACCESS_TOKEN_TTL, type Engine, REFRESH_TOKEN_TTL } from "../engine.js";
import { WebexHttpError } from "../errors.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import type { AuthorizeOptions, Json } from "../types.js";

const CODE_TTL_MS = 10 * 60_000;
const GUEST_TOKEN_TTL = 6 * 3600;

function oauthError(status: number, error: string, description: string): WebexHttpError {
  return new WebexHttpError(status, description, description, {}, { error, error_description: description });
}

/** Issues an authorization code as if the person had consented on the authorize page. */
export function authorize(engine: Engine, options: AuthorizeOptions): string {
  const personId = options.personId ?? (engine.seededPeople().user.id as string);
  if (!engine.store.people.has(personId)) throw new Error(`authorize: unknown person ${personId}`);
  const code = engine.store.random.token(engine.identities.orgUuid);
  engine.store.codes.set(code, {
    personId,
    scope: options.scope ?? "spark:all spark:kms",
    redirectUri: options.redirectUri ?? engine.identities.integration.redirectUri,
    codeChallenge: options.codeChallenge,
    codeChallengeMethod: options.codeChallenge ? (options.codeChallengeMethod ?? "S256") : undefined,
    expiresAtMs: engine.now() + CODE_TTL_MS,
  });
  return code;
}

function clientCredentials(ctx: Ctx): { clientId?: string; clientSecret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(String(ctx.headers.authorization ?? ""))?.[1];
  if (basic) {
    const [clientId, clientSecret] = Buffer.from(basic, "base64").toString("utf8").split(":");
    return { clientId, clientSecret };
  }
  return { clientId: str(ctx.body.client_id), clientSecret: str(ctx.body.client_secret) };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function issueTokens(ctx: Ctx, personId: string, scope: string, refreshToken?: string): Json {
  const ttl = ctx.engine.options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL;
  const accessToken = ctx.engine.issueToken(personId, ttl, scope);
  const refresh = refreshToken ?? ctx.store.random.token(ctx.engine.identities.orgUuid);
  ctx.store.refreshTokens.set(refresh, { personId, scope, clientId: ctx.engine.identities.integration.clientId });
  return {
    access_token: accessToken,
    expires_in: ttl,
    refresh_token: refresh,
    refresh_token_expires_in: REFRESH_TOKEN_TTL,
    token_type: "Bearer",
    scope,
  };
}

function verifierMatches(verifier: string, challenge: string, method?: string): boolean {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const computed = method === "plain" ? verifier : createHash("sha256").update(verifier).digest("base64url");
  return computed === challenge;
}

function accessToken(ctx: Ctx): Reply {
  const { clientId, clientSecret } = clientCredentials(ctx);
  const integration = ctx.engine.identities.integration;
  const grantType = str(ctx.body.grant_type);
  if (!grantType) throw oauthError(400, "invalid_request", "grant_type is required.");
  if (clientId !== integration.clientId || clientSecret !== integration.clientSecret) {
    throw oauthError(401, "invalid_client", "Client authentication failed.");
  }
  if (grantType === "authorization_code") {
    const code = str(ctx.body.code);
    const record = code ? ctx.store.codes.get(code) : undefined;
    if (!code || !record || record.expiresAtMs < ctx.engine.now()) {
      throw oauthError(400, "invalid_grant", "The authorization code is invalid or expired.");
    }
    if (str(ctx.body.redirect_uri) !== record.redirectUri) {
      throw oauthError(400, "invalid_grant", "redirect_uri does not match the authorization request.");
    }
    if (record.codeChallenge) {
      const verifier = str(ctx.body.code_verifier);
      if (!verifier || !verifierMatches(verifier, record.codeChallenge, record.codeChallengeMethod)) {
        throw oauthError(400, "invalid_grant", "code_verifier does not match the code_challenge.");
      }
    }
    ctx.store.codes.delete(code);
    return { json: issueTokens(ctx, record.personId, record.scope) };
  }
  if (grantType === "refresh_token") {
    const refreshToken = str(ctx.body.refresh_token);
    const record = refreshToken ? ctx.store.refreshTokens.get(refreshToken) : undefined;
    if (!refreshToken || !record || !ctx.store.people.has(record.personId)) {
      throw oauthError(400, "invalid_grant", "The refresh token is invalid or revoked.");
    }
    return { json: issueTokens(ctx, record.personId, record.scope, refreshToken) };
  }
  throw oauthError(400, "unsupported_grant_type", `Unsupported grant_type: ${grantType}`);
}

function decodeJson(part: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** Guest issuer login: an HS256 JWT signed with the issuer's base64-decoded secret. */
function jwtLogin(ctx: Ctx): Reply {
  const raw = String(ctx.headers.authorization ?? "")
    .replace(/^Bearer\s+/i, "")
    .trim();
  const invalid = (why: string) => new WebexHttpError(401, "Invalid guest token.", why);
  const [headerPart, payloadPart, signaturePart] = raw.split(".");
  if (!headerPart || !payloadPart || !signaturePart) throw invalid("A JWT is required in the Authorization header.");
  const header = decodeJson(headerPart);
  const claims = decodeJson(payloadPart);
  if (!header || !claims || header.alg !== "HS256") throw invalid("The JWT must be HS256.");
  const issuer = ctx.engine.identities.guestIssuer;
  const key = Buffer.from(issuer.secret, "base64");
  const expected = createHmac("sha256", key).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signaturePart, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid("Bad JWT signature.");
  if (claims.iss !== issuer.issuerId) throw invalid("Unknown issuer.");
  const exp = Number(claims.exp);
  if (!Number.isFinite(exp) || exp * 1000 <= ctx.engine.now()) throw invalid("The JWT has expired.");
  const sub = str(claims.sub);
  const name = str(claims.name);
  if (!sub || !/^[A-Za-z0-9-]+$/.test(sub) || !name) throw invalid("sub and name claims are required.");
  let personId = ctx.store.guests.get(sub);
  if (!personId || !ctx.store.people.has(personId)) {
    const person = ctx.engine.createPerson({
      displayName: name,
      type: "appuser",
      email: `${sub}@guest.emulated.example.com`,
    });
    personId = person.id;
    ctx.store.guests.set(sub, personId);
  }
  return { json: { token: ctx.engine.issueToken(personId, GUEST_TOKEN_TTL), expiresIn: GUEST_TOKEN_TTL } };
}

/** The token endpoint and guest login: no bearer token, their own body checks and error bodies. */
export const oauth = defineResource({
  name: "OAuth",
  access: "public",
  routes: [
    route({ method: "POST", path: "access_token", read: "form", handle: accessToken }),
    route({ method: "POST", path: "jwt/login", read: "none", handle: jwtLogin }),
  ],
});
