import { inspect } from "node:util";
import { AccessTokenError, ApiError, Session } from "@wx/core";
import { createEmulator, type Emulator } from "@wx/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AccessTokensApi,
  authorizeUrl,
  createPkce,
  createRefreshingTokenProvider,
  exchangeCode,
  GuestIssuerApi,
  type OAuthTokens,
} from "../src/index.js";

let emu: Emulator;
const sessions: Session[] = [];
beforeEach(async () => {
  emu = await createEmulator({ port: 0 });
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await emu.close();
});

function track(session: Session): Session {
  sessions.push(session);
  return session;
}

const refreshCalls = () => emu.requests.filter((r) => r.path.endsWith("/access_token")).length;

/** Steps 1–3 of the sign-in: consent URL with PKCE, the user's consent, the code exchange. */
async function signIn(): Promise<OAuthTokens> {
  const { clientId, clientSecret, redirectUri } = emu.integration;
  const pkce = createPkce();
  const url = new URL(
    authorizeUrl({ clientId, redirectUri, scope: "spark:all", state: "xyz", codeChallenge: pkce.challenge }),
  );
  const code = emu.authorize({ codeChallenge: url.searchParams.get("code_challenge") ?? "" });
  return exchangeCode({ baseUrl: emu.url, clientId, clientSecret, redirectUri, code, codeVerifier: pkce.verifier });
}

describe("sign-in flow against the emulator", () => {
  it("signs in with PKCE, then refreshes once after the access token expires and replays the call", async () => {
    const tokens = await signIn();
    expect(tokens.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    const saved: OAuthTokens[] = [];
    const provider = createRefreshingTokenProvider({
      ...emu.integration,
      baseUrl: emu.url,
      tokens,
      onTokens: (fresh) => {
        saved.push(fresh);
      },
    });
    const session = track(new Session({ baseUrl: emu.url, accessToken: provider }));
    const me = await session.request<{ id: string }>({ path: "people/me" });
    expect(me.id).toBe(emu.people.user.id);
    expect(refreshCalls()).toBe(1); // the code exchange only

    emu.expireAccessToken(tokens.accessToken);
    expect((await session.request<{ id: string }>({ path: "people/me" })).id).toBe(me.id);
    expect(refreshCalls()).toBe(2);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.accessToken).not.toBe(tokens.accessToken);

    const statuses = emu.requests.filter((r) => r.path.endsWith("/people/me")).map((r) => r.status);
    expect(statuses).toEqual([200, 401, 200]);
  });

  it("ten concurrent calls after expiry cause exactly one refresh", async () => {
    const tokens = await signIn();
    const provider = createRefreshingTokenProvider({ ...emu.integration, baseUrl: emu.url, tokens });
    const session = track(new Session({ baseUrl: emu.url, accessToken: provider }));
    emu.expireAccessToken(tokens.accessToken);
    const results = await Promise.all(Array.from({ length: 10 }, () => session.request({ path: "people/me" })));
    expect(results).toHaveLength(10);
    expect(refreshCalls()).toBe(2);
  });

  it("refreshes ahead of expiry on the local clock, without a 401", async () => {
    await emu.close();
    emu = await createEmulator({ port: 0, accessTokenTtlSeconds: 600 });
    const tokens = await signIn();
    let clock = Date.now();
    const provider = createRefreshingTokenProvider({
      ...emu.integration,
      baseUrl: emu.url,
      tokens,
      now: () => clock,
    });
    const session = track(new Session({ baseUrl: emu.url, accessToken: provider }));
    await session.request({ path: "people/me" });
    clock = Number(tokens.expiresAt) - 4 * 60_000;
    await session.request({ path: "people/me" });
    expect(refreshCalls()).toBe(2);
    expect(emu.requests.filter((r) => r.status === 401)).toHaveLength(0);
  });

  it("a revoked refresh token ends in an AccessTokenError that asks to sign in again", async () => {
    const tokens = await signIn();
    const provider = createRefreshingTokenProvider({ ...emu.integration, baseUrl: emu.url, tokens });
    const session = track(new Session({ baseUrl: emu.url, accessToken: provider }));
    emu.revokeRefreshToken(tokens.refreshToken);
    emu.expireAccessToken(tokens.accessToken);
    const error = (await session.request({ path: "people/me" }).catch((e) => e)) as AccessTokenError;
    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error.message).toContain("sign the user in again");
    const everything = `${error.message} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })} ${JSON.stringify(error.cause)} ${inspect(error.cause, { depth: 10 })}`;
    for (const secret of [tokens.refreshToken, emu.integration.clientSecret]) expect(everything).not.toContain(secret);
  });

  it("a wrong PKCE verifier is refused, and the error repeats neither code nor secret", async () => {
    const { clientId, clientSecret, redirectUri } = emu.integration;
    const code = emu.authorize({ codeChallenge: createPkce().challenge });
    const error = await exchangeCode({
      baseUrl: emu.url,
      clientId,
      clientSecret,
      redirectUri,
      code,
      codeVerifier: createPkce().verifier,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    const everything = `${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
    for (const secret of [code, clientSecret]) expect(everything).not.toContain(secret);
  });

  it("AccessTokensApi works over a session that has another user's token", async () => {
    const session = track(new Session({ baseUrl: emu.url, accessToken: emu.tokens.admin }));
    const api = new AccessTokensApi(session);
    const code = emu.authorize();
    const tokens = await api.get({ ...emu.integration, code });
    const refreshed = await api.refresh({ ...emu.integration, refreshToken: tokens.refreshToken });
    const asUser = track(new Session({ baseUrl: emu.url, accessToken: refreshed.access_token }));
    expect((await asUser.request<{ id: string }>({ path: "people/me" })).id).toBe(emu.people.user.id);
  });

  it("a guest issuer JWT gets a guest token that works on people/me", async () => {
    const session = track(new Session({ baseUrl: emu.url, accessToken: emu.tokens.bot }));
    const guest = await new GuestIssuerApi(session).create({
      sub: "guest-1",
      name: "Guest One",
      iss: emu.guestIssuer.issuerId,
      exp: Math.floor(Date.now() / 1000) + 3600,
      secret: emu.guestIssuer.secret,
    });
    expect(guest.expiresIn).toBeGreaterThan(0);
    const asGuest = track(new Session({ baseUrl: emu.url, accessToken: guest.token }));
    const me = await asGuest.request<{ displayName: string; type: string }>({ path: "people/me" });
    expect(me).toMatchObject({ displayName: "Guest One", type: "appuser" });
  });

  it("AccessTokensApi and GuestIssuerApi pass their results through the session's objectFactory", async () => {
    const made: string[] = [];
    const objectFactory = (kind: string, json: Record<string, unknown>) => {
      made.push(kind);
      return { kind, json };
    };
    const session = track(new Session({ baseUrl: emu.url, accessToken: emu.tokens.admin, objectFactory }));
    const api = new AccessTokensApi(session);
    const got = (await api.get({ ...emu.integration, code: emu.authorize() })) as unknown as {
      kind: string;
      json: OAuthTokens;
    };
    expect(got.kind).toBe("accessToken");
    expect(got.json.accessToken).toEqual(expect.any(String));
    expect(got.json.expiresAt).toBeInstanceOf(Date); // the factory gets the whole OAuthTokens
    const refreshed = (await api.refresh({ ...emu.integration, refreshToken: got.json.refreshToken })) as unknown as {
      kind: string;
    };
    expect(refreshed.kind).toBe("accessToken");
    const guest = (await new GuestIssuerApi(session).create({
      sub: "guest-2",
      name: "Guest Two",
      iss: emu.guestIssuer.issuerId,
      exp: Math.floor(Date.now() / 1000) + 3600,
      secret: emu.guestIssuer.secret,
    })) as unknown as { kind: string; json: { token: string } };
    expect(guest.kind).toBe("guestIssuerToken");
    expect(guest.json.token).toEqual(expect.any(String));
    expect(made).toEqual(["accessToken", "accessToken", "guestIssuerToken"]);
  });
});
