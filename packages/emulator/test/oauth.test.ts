import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, client, expectWebexError, useEmulator } from "./helpers.js";

const t = useEmulator({ accessTokenTtlSeconds: 3600 });

function form(values: Record<string, string>) {
  return {
    body: new URLSearchParams(values).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  };
}

async function token(values: Record<string, string>) {
  return call(`${t.emu.url}access_token`, { method: "POST", ...form(values) });
}

function jwt(claims: Record<string, unknown>, secretBase64: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  const signature = createHmac("sha256", Buffer.from(secretBase64, "base64")).update(unsigned).digest("base64url");
  return `${unsigned}.${signature}`;
}

describe("POST /access_token", () => {
  it("exchanges an authorization code for tokens of the consenting person", async () => {
    const { clientId, clientSecret, redirectUri } = t.emu.integration;
    expect(clientId).toMatch(/^C[0-9a-f]{64}$/);
    const code = t.emu.authorize({ personId: t.emu.people.admin.id });
    const res = await token({
      grant_type: "authorization_code",
      client_id: clientId,
      client_secret: clientSecret,
      code,
      redirect_uri: redirectUri,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7775999, token_type: "Bearer" });
    const me = await client(t.emu, res.body.access_token).get("people/me");
    expect(me.body.id).toBe(t.emu.people.admin.id);
    const reused = await token({
      grant_type: "authorization_code",
      client_id: clientId,
      client_secret: clientSecret,
      code,
      redirect_uri: redirectUri,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe("invalid_grant");
  });

  it("checks the client, the redirect URI and the PKCE verifier", async () => {
    const { clientId, clientSecret, redirectUri } = t.emu.integration;
    const verifier = `${"a".repeat(43)}-verifier`;
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const code = t.emu.authorize({ codeChallenge: challenge });
    const base = { grant_type: "authorization_code", client_id: clientId, client_secret: clientSecret, code };
    expect((await token({ ...base, client_secret: "wrong", redirect_uri: redirectUri })).status).toBe(401);
    expect((await token({ ...base, redirect_uri: "http://elsewhere/" })).status).toBe(400);
    expect((await token({ ...base, redirect_uri: redirectUri, code_verifier: `${"b".repeat(43)}` })).status).toBe(400);
    const ok = await token({ ...base, redirect_uri: redirectUri, code_verifier: verifier });
    expect(ok.status).toBe(200);
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
    const viaBasic = await call(`${t.emu.url}access_token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: ok.body.refresh_token }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
    });
    expect(viaBasic.status).toBe(200);
    expectWebexError(await token({ client_id: clientId, client_secret: clientSecret }), 400);
  });

  it("refreshes, honours revocation and expiry", async () => {
    const { clientId, clientSecret, redirectUri } = t.emu.integration;
    const code = t.emu.authorize();
    const first = (
      await token({
        grant_type: "authorization_code",
        client_id: clientId,
        client_secret: clientSecret,
        code,
        redirect_uri: redirectUri,
      })
    ).body;
    t.emu.expireAccessToken(first.access_token);
    expectWebexError(await client(t.emu, first.access_token).get("people/me"), 401);
    const refreshed = await token({
      grant_type: "refresh_token",
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: first.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(first.access_token);
    expect((await client(t.emu, refreshed.body.access_token).get("people/me")).body.id).toBe(t.emu.people.user.id);
    t.emu.revokeRefreshToken(first.refresh_token);
    const revoked = await token({
      grant_type: "refresh_token",
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: first.refresh_token,
    });
    expect(revoked.status).toBe(400);
  });
});

describe("POST /jwt/login", () => {
  it("issues a guest token for a JWT signed with the issuer's decoded secret", async () => {
    const { issuerId, secret } = t.emu.guestIssuer;
    const exp = String(Math.floor(Date.now() / 1000) + 3600);
    const signed = jwt({ sub: "guest-1", name: "Guest One", iss: issuerId, exp }, secret);
    const res = await call(`${t.emu.url}jwt/login`, { method: "POST", headers: { authorization: `Bearer ${signed}` } });
    expect(res.status).toBe(200);
    expect(res.body.expiresIn).toBeGreaterThan(0);
    const me = await client(t.emu, res.body.token).get("people/me");
    expect(me.body).toMatchObject({ displayName: "Guest One", type: "appuser" });
    const bare = await call(`${t.emu.url}jwt/login`, { method: "POST", headers: { authorization: signed } });
    expect(bare.status).toBe(200);
  });

  it("refuses bad signatures, unknown issuers and expired tokens", async () => {
    const { issuerId, secret } = t.emu.guestIssuer;
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const wrongKey = jwt({ sub: "g", name: "G", iss: issuerId, exp }, Buffer.from("other").toString("base64"));
    const wrongIssuer = jwt({ sub: "g", name: "G", iss: "someone", exp }, secret);
    const expired = jwt({ sub: "g", name: "G", iss: issuerId, exp: 1000 }, secret);
    for (const bad of [wrongKey, wrongIssuer, expired, "not.a.jwt"]) {
      expectWebexError(
        await call(`${t.emu.url}jwt/login`, { method: "POST", headers: { authorization: `Bearer ${bad}` } }),
        401,
      );
    }
  });
});
