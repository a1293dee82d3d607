import { inspect } from "node:util";
import {
  ApiError,
  type Logger,
  MalformedResponseError,
  RateLimitError,
  type RateLimitWarning,
  Session,
  ValidationError,
} from "@wx/core";
import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { AccessTokensApi, exchangeCode, refreshToken } from "../src/index.js";

const SECRET = "client-secret-XYZ";
const CODE = "auth-code-123";
const REFRESH = "refresh-token-456";
const SERVER_DATE = "Wed, 01 Jan 2020 00:00:00 GMT";
const TOKEN_BODY = {
  access_token: "new-access",
  expires_in: 1209599,
  refresh_token: REFRESH,
  refresh_token_expires_in: 7775999,
  token_type: "Bearer",
  id_token: "idt",
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function tokenServer() {
  return startTestServer((_req, res) => json(res, 200, TOKEN_BODY, { date: SERVER_DATE }));
}

function expectNoSecrets(error: unknown) {
  for (const text of [JSON.stringify(error), inspect(error, { depth: 10 }), String(error)]) {
    for (const secret of [SECRET, CODE, REFRESH]) expect(text).not.toContain(secret);
  }
}

/** Exchanges a code against `server` and returns what it throws. */
const failedExchange = (target: TestServer) =>
  exchangeCode({ baseUrl: target.baseUrl, clientId: "C", clientSecret: SECRET, code: CODE, redirectUri: "r" }).catch(
    (e) => e,
  );

describe("exchangeCode", () => {
  it("posts the code grant as a form, without an Authorization header", async () => {
    server = await tokenServer();
    await exchangeCode({
      baseUrl: server.baseUrl,
      clientId: "C1",
      clientSecret: SECRET,
      code: CODE,
      redirectUri: "https://app/cb",
      codeVerifier: "v".repeat(43),
    });
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/v1/access_token");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(request?.body.toString()))).toEqual({
      grant_type: "authorization_code",
      client_id: "C1",
      client_secret: SECRET,
      code: CODE,
      redirect_uri: "https://app/cb",
      code_verifier: "v".repeat(43),
    });
  });

  it("returns the API fields, their camelCase twins, and expiries on the local clock, whatever the Date header says", async () => {
    server = await tokenServer(); // its Date header says 2020
    const sentAt = Date.parse("2031-05-06T07:08:09.000Z");
    const tokens = await exchangeCode({
      baseUrl: server.baseUrl,
      clientId: "C1",
      clientSecret: SECRET,
      code: CODE,
      redirectUri: "https://app/cb",
      now: () => sentAt,
    });
    expect(tokens).toMatchObject({
      ...TOKEN_BODY,
      accessToken: "new-access",
      expiresIn: 1209599,
      refreshToken: REFRESH,
      refreshTokenExpiresIn: 7775999,
      tokenType: "Bearer",
    });
    expect(tokens.expiresAt?.toISOString()).toBe("2031-05-20T07:08:08.000Z");
    expect(tokens.refreshTokenExpiresAt?.toISOString()).toBe("2031-08-04T07:08:08.000Z");
    expect(Object.fromEntries(new URLSearchParams(server.requests[0]?.body.toString())).code_verifier).toBeUndefined();
  });

  it("keeps fresh tokens whose reply lacks the lifetimes: their expiry is unknown", async () => {
    server = await startTestServer((_req, res) =>
      json(res, 200, { access_token: "new-access", refresh_token: REFRESH, expires_in: "soon" }),
    );
    const tokens = await refreshToken({
      baseUrl: server.baseUrl,
      clientId: "C",
      clientSecret: SECRET,
      refreshToken: REFRESH,
    });
    expect(tokens).toMatchObject({ accessToken: "new-access", refreshToken: REFRESH });
    for (const field of ["expiresIn", "expires_in", "expiresAt", "refreshTokenExpiresIn", "refreshTokenExpiresAt"]) {
      expect(tokens).not.toHaveProperty(field);
    }
  });

  it("checks its arguments before sending anything, naming the one at fault", async () => {
    server = await tokenServer();
    const base = { baseUrl: server.baseUrl, clientId: "C", clientSecret: SECRET, code: CODE, redirectUri: "r" };
    for (const argument of ["clientId", "clientSecret", "code", "redirectUri"] as const) {
      const error = await exchangeCode({ ...base, [argument]: "" }).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.argument).toBe(argument);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("waits out a 429 and succeeds without a session, and logs no secret", async () => {
    server = await startTestServer((_req, res, index) =>
      index === 0
        ? json(res, 429, { message: "slow down" }, { "retry-after": "2" })
        : json(res, 200, TOKEN_BODY, { date: SERVER_DATE }),
    );
    const { sleep, waits } = recordingSleep();
    const lines: unknown[] = [];
    const log = (message: string, fields?: unknown) => lines.push([message, fields]);
    const tokens = await exchangeCode({
      baseUrl: server.baseUrl,
      sleep,
      logger: { debug: log, info: log, warn: log, error: log },
      clientId: "C",
      clientSecret: SECRET,
      code: CODE,
      redirectUri: "r",
    });
    expect(tokens.accessToken).toBe("new-access");
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [SECRET, CODE]) expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it("throws an ApiError that repeats no secret, even when the server echoes them", async () => {
    server = await startTestServer((req, res) =>
      json(res, 400, { message: `bad request: ${req.body.toString()}`, trackingId: "ROUTER_X" }),
    );
    const error = await failedExchange(server);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.trackingId).toBe("ROUTER_X");
    expect(error.message).toContain("[REDACTED]");
    expectNoSecrets(error);
  });

  it("rejects a 200 without the token fields, without quoting the body", async () => {
    server = await startTestServer((_req, res) => json(res, 200, { access_token: "leaky-token", expires_in: 5 }));
    const error = await failedExchange(server);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toContain("lacks refresh_token");
    expect(JSON.stringify(error)).not.toContain("leaky-token");
  });
  it("keeps live tokens from a cut-off reply out of the error and its cause", async () => {
    server = await startTestServer((_req, res) =>
      res
        .writeHead(200, { "content-type": "application/json" })
        .end('{"access_token":"live-access-token","refresh_token":"live-refresh-token"'),
    );
    const error = await failedExchange(server);
    expect(error).toBeInstanceOf(MalformedResponseError);
    const text = `${JSON.stringify(error)} ${inspect(error, { depth: 10 })} ${String(error.cause)}`;
    expect(text).not.toContain("live-access-token");
    expect(text).not.toContain("live-refresh-token");
  });
});

describe("refreshToken", () => {
  it("posts the refresh grant through the given session, whose user agent and rate-limit handling apply", async () => {
    server = await startTestServer((_req, res, index) =>
      index === 0
        ? json(res, 429, { message: "slow down" }, { "retry-after": "1" })
        : json(res, 200, TOKEN_BODY, { date: SERVER_DATE }),
    );
    const { sleep, waits } = recordingSleep();
    const session = new Session({ baseUrl: server.baseUrl, accessToken: "session-token", caller: "my-app", sleep });
    try {
      const tokens = await refreshToken({ session, clientId: "C", clientSecret: SECRET, refreshToken: REFRESH });
      expect(tokens.refreshToken).toBe(REFRESH);
      expect(waits).toEqual([1000]);
      const request = server.requests[1];
      expect(request?.headers.authorization).toBeUndefined();
      expect(request?.headers["user-agent"]).toContain("my-app");
      expect(Object.fromEntries(new URLSearchParams(request?.body.toString()))).toEqual({
        grant_type: "refresh_token",
        client_id: "C",
        client_secret: SECRET,
        refresh_token: REFRESH,
      });
    } finally {
      await session.close();
    }
  });

  it("keeps the refresh token out of errors", async () => {
    server = await startTestServer((req, res) => json(res, 401, { message: `revoked ${req.body.toString()}` }));
    const error = await refreshToken({
      baseUrl: server.baseUrl,
      clientId: "C",
      clientSecret: SECRET,
      refreshToken: REFRESH,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expectNoSecrets(error);
  });
});

describe("AccessTokensApi", () => {
  it("get and refresh return the same shape as the stateless functions", async () => {
    server = await tokenServer();
    const session = new Session({ baseUrl: server.baseUrl, accessToken: "session-token" });
    try {
      const api = new AccessTokensApi(session);
      const got = await api.get({ clientId: "C", clientSecret: SECRET, code: CODE, redirectUri: "r" });
      const refreshed = await api.refresh({ clientId: "C", clientSecret: SECRET, refreshToken: REFRESH });
      const sameButWhen = { expiresAt: expect.any(Date), refreshTokenExpiresAt: expect.any(Date) };
      expect({ ...got, ...sameButWhen }).toEqual({ ...refreshed, ...sameButWhen });
      expect(got.expiresAt).toBeInstanceOf(Date);
      expect(got.access_token).toBe("new-access");
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
      const error = await api.refresh({ clientId: "C", clientSecret: SECRET, refreshToken: "" }).catch((e) => e);
      expect(error).toMatchObject({ name: "ValidationError", argument: "refreshToken" });
    } finally {
      await session.close();
    }
  });
});

describe("secrets the token endpoint echoes", () => {
  // URL-encoding changes these, so an echo of the posted form holds them encoded.
  const SPECIAL_SECRET = "client+secret/with=specials";
  const VERIFIER = "pkce-verifier-".padEnd(43, "0");

  /** A token endpoint that answers 429 once, echoing the form it got in its body and a header, then `final`. */
  function echoingServer(final: "200" | "400") {
    return startTestServer((req, res, index) => {
      const form = req.body.toString();
      if (index === 0)
        return json(res, 429, { message: `slow down: ${form}`, form }, { "retry-after": "1", "x-echo": form });
      if (final === "400") return json(res, 400, { message: `invalid_grant: ${form}` }, { "x-echo": form });
      return json(res, 200, TOKEN_BODY);
    });
  }

  function recorder() {
    const warnings: RateLimitWarning[] = [];
    const lines: unknown[] = [];
    const log = (message: string, fields?: unknown) => void lines.push([message, fields]);
    const logger: Logger = { debug: log, info: log, warn: log, error: log };
    const { sleep } = recordingSleep();
    return { warnings, lines, options: { logger, sleep, onRateLimit: (w: RateLimitWarning) => void warnings.push(w) } };
  }

  function expectNone(secrets: string[], ...things: unknown[]) {
    for (const thing of things) {
      const texts = [JSON.stringify(thing), inspect(thing, { depth: 10 }), String(thing)];
      for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
    }
  }

  const encoded = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

  it("a code exchange that was rate limited: onRateLimit's warning and the log lines hold none", async () => {
    server = await echoingServer("200");
    const r = recorder();
    const tokens = await exchangeCode({
      ...r.options,
      baseUrl: server.baseUrl,
      clientId: "C",
      clientSecret: SPECIAL_SECRET,
      code: CODE,
      redirectUri: "r",
      codeVerifier: VERIFIER,
    });
    expect(tokens.accessToken).toBe("new-access");
    expect(r.warnings).toHaveLength(1);
    const [warning] = r.warnings;
    expect(warning?.response.body).toContain("[REDACTED]");
    const secrets = [SPECIAL_SECRET, encoded(SPECIAL_SECRET), CODE, VERIFIER];
    expectNone(secrets, warning, warning?.message, warning?.response, r.lines);
    expect(r.lines.length).toBeGreaterThan(0);
  });

  it("a refresh rate limited then refused: the warning, the error and the log lines hold none", async () => {
    server = await echoingServer("400");
    const r = recorder();
    const error = await refreshToken({
      ...r.options,
      baseUrl: server.baseUrl,
      clientId: "C",
      clientSecret: SECRET,
      refreshToken: REFRESH,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toContain("[REDACTED]");
    expect(r.warnings).toHaveLength(1);
    expectNone([SECRET, REFRESH], error, error.message, error.response, r.warnings[0], r.lines);
  });

  it("a RateLimitError thrown at once (waitOnRateLimit: false) holds none", async () => {
    server = await echoingServer("200");
    const error = await refreshToken({
      baseUrl: server.baseUrl,
      waitOnRateLimit: false,
      clientId: "C",
      clientSecret: SECRET,
      refreshToken: REFRESH,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.response.body).toContain("[REDACTED]");
    expectNone([SECRET, REFRESH], error, error.message, error.response);
  });

  it("the same through a caller's session, whose hooks and logger see none", async () => {
    server = await echoingServer("400");
    const r = recorder();
    const session = new Session({ ...r.options, baseUrl: server.baseUrl, accessToken: "session-token" });
    try {
      const error = await new AccessTokensApi(session)
        .get({ clientId: "C", clientSecret: SECRET, code: CODE, redirectUri: "r", codeVerifier: VERIFIER })
        .catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(r.warnings).toHaveLength(1);
      expectNone([SECRET, CODE, VERIFIER], error, r.warnings[0], r.lines);
    } finally {
      await session.close();
    }
  });
});
