import { inspect } from "node:util";
import { ApiError, MalformedResponseError, type RateLimitWarning, Session, ValidationError } from "@wx/core";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { GuestIssuerApi, type GuestJwtClaims, signGuestJwt } from "../src/index.js";

const KEY = Buffer.from("a guest issuer secret of 32 byte");
const SECRET = KEY.toString("base64");
const CLAIMS: GuestJwtClaims = {
  sub: "guest-42",
  name: "Ada Guest",
  iss: "Y2lzY29zcGFyazovL3Vz",
  exp: 1_900_000_000,
  secret: SECRET,
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("signGuestJwt", () => {
  it("signs HS256 with the base64-decoded secret and a numeric exp", async () => {
    const jwt = await signGuestJwt(CLAIMS);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "HS256", typ: "JWT" });
    const { payload } = await jwtVerify(jwt, KEY, { currentDate: new Date(1_800_000_000_000) });
    expect(payload).toEqual({ sub: "guest-42", name: "Ada Guest", iss: "Y2lzY29zcGFyazovL3Vz", exp: 1_900_000_000 });
  });

  it.each([
    ["sub", { sub: "guest 42" }, "letters, digits and '-'"],
    ["sub", { sub: "" }, "required"],
    ["name", { name: undefined }, "required"],
    ["iss", { iss: "" }, "required"],
    ["exp", { exp: 1.5 }, "positive integer"],
    ["exp", { exp: -1 }, "positive integer"],
    ["exp", { exp: "1900000000" }, "positive integer"],
    ["exp", { exp: 1_900_000_000_000 }, "milliseconds"],
    ["secret", { secret: "not base64!" }, "base64"],
    ["secret", { secret: "abcde" }, "base64"],
    ["secret", { secret: "" }, "required"],
  ])("rejects a bad %s before signing", async (argument, override, text) => {
    const error = await signGuestJwt({ ...CLAIMS, ...override } as GuestJwtClaims).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(text);
  });

  it("never repeats the secret in a validation error", async () => {
    const secret = "almost-base64-secret-value!";
    const error = await signGuestJwt({ ...CLAIMS, secret }).catch((e) => e);
    expect(`${error.message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain(secret);
  });
});

describe("GuestIssuerApi.create", () => {
  it("posts the JWT to jwt/login as a bearer token, with no body, and returns { token, expiresIn }", async () => {
    server = await startTestServer((_req, res) => json(res, 200, { token: "guest-access", expiresIn: 21600 }));
    const session = new Session({ baseUrl: server.baseUrl, accessToken: "the-session-token" });
    try {
      const result = await new GuestIssuerApi(session).create(CLAIMS);
      expect(result).toEqual({ token: "guest-access", expiresIn: 21600 });
      const [request] = server.requests;
      expect(request?.method).toBe("POST");
      expect(request?.url).toBe("/v1/jwt/login");
      expect(request?.body.length).toBe(0);
      const jwt = request?.headers.authorization?.replace(/^Bearer /, "") ?? "";
      expect((await jwtVerify(jwt, KEY, { currentDate: new Date(0) })).payload.sub).toBe("guest-42");
    } finally {
      await session.close();
    }
  });

  it("throws an ApiError that shows neither the JWT nor the secret", async () => {
    // the service echoes the JWT it refused
    server = await startTestServer((req, res) =>
      json(res, 401, { message: `Invalid JWT ${req.headers.authorization}` }),
    );
    const session = new Session({ baseUrl: server.baseUrl, accessToken: "the-session-token" });
    try {
      const error = await new GuestIssuerApi(session).create(CLAIMS).catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(401);
      const jwt = (server.requests[0]?.headers.authorization ?? "").replace(/^Bearer /, "");
      const text = `${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
      expect(text).not.toContain(jwt);
      expect(text).not.toContain(SECRET);
      expect(server.requests).toHaveLength(1);
    } finally {
      await session.close();
    }
  });

  it("keeps the JWT out of a rate-limit warning when the service echoes it", async () => {
    server = await startTestServer((req, res, index) =>
      index === 0
        ? json(res, 429, { message: `slow down ${req.headers.authorization}` }, { "retry-after": "1" })
        : json(res, 200, { token: "guest-access", expiresIn: 21600 }),
    );
    const warnings: RateLimitWarning[] = [];
    const { sleep } = recordingSleep();
    const session = new Session({
      baseUrl: server.baseUrl,
      accessToken: "the-session-token",
      sleep,
      onRateLimit: (warning) => void warnings.push(warning),
    });
    try {
      expect((await new GuestIssuerApi(session).create(CLAIMS)).token).toBe("guest-access");
      const jwt = (server.requests[0]?.headers.authorization ?? "").replace(/^Bearer /, "");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.response.body).toContain("[REDACTED]");
      expect(`${JSON.stringify(warnings[0])} ${inspect(warnings[0], { depth: 10 })}`).not.toContain(jwt);
    } finally {
      await session.close();
    }
  });

  it("keeps a guest token from a malformed reply out of the error", async () => {
    server = await startTestServer((_req, res) => res.writeHead(200).end('{"token":"live-guest-token","expiresIn":'));
    const session = new Session({ baseUrl: server.baseUrl, accessToken: "the-session-token" });
    try {
      const error = await new GuestIssuerApi(session).create(CLAIMS).catch((e) => e);
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(`${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`).not.toContain("live-guest-token");
    } finally {
      await session.close();
    }
  });
});
