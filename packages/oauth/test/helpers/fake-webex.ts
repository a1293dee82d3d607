import type { ServerResponse } from "node:http";
import { json, type RecordedRequest, startTestServer, type TestServer } from "../../../../testing/test-server.js";

export const CLIENT = { clientId: "C-client-id", clientSecret: "s3cr3t-client-value", redirectUri: "https://app/cb" };

/**
 * A loopback stand-in for the token endpoint and `people/me`: issues numbered tokens, honours
 * revocation and expiry, and counts refreshes.
 */
export interface FakeWebex extends TestServer {
  refreshes: number;
  valid: Set<string>;
  revoked: Set<string>;
  issue(): { accessToken: string; refreshToken: string };
}

export interface FakeWebexOptions {
  expiresIn?: number;
  /** Fields to put in (or, as `undefined`, leave out of) every token reply. */
  reply?: Record<string, unknown>;
  /** The token reply's `Date` header, e.g. a server clock far off. */
  date?: string;
}

export async function startFakeWebex(options: FakeWebexOptions = {}): Promise<FakeWebex> {
  let counter = 0;
  const valid = new Set<string>();
  const revoked = new Set<string>();
  const issue = () => {
    counter += 1;
    const accessToken = `access-${counter}`;
    valid.add(accessToken);
    return { accessToken, refreshToken: "refresh-token-value-1" };
  };
  const fake = { refreshes: 0, valid, revoked, issue } as FakeWebex;
  const server = await startTestServer((req, res) => handle(fake, req, res, options));
  return Object.assign(fake, server);
}

function handle(fake: FakeWebex, req: RecordedRequest, res: ServerResponse, options: FakeWebexOptions): unknown {
  if (req.url === "/v1/access_token") {
    const form = new URLSearchParams(req.body.toString());
    if (form.get("client_secret") !== CLIENT.clientSecret) return json(res, 401, { message: "bad client" });
    const refreshToken = form.get("refresh_token") ?? "";
    if (fake.revoked.has(refreshToken)) {
      // Echo the grant back, as a careless server might; the SDK must not repeat it.
      return json(res, 400, { message: `invalid_grant: ${refreshToken}`, trackingId: "ROUTER_1" });
    }
    fake.refreshes += 1;
    const issued = fake.issue();
    const body = {
      access_token: issued.accessToken,
      expires_in: options.expiresIn ?? 1209599,
      refresh_token: refreshToken,
      refresh_token_expires_in: 7775999,
      token_type: "Bearer",
      ...options.reply,
    };
    return json(res, 200, body, options.date ? { date: options.date } : {});
  }
  if (req.url === "/v1/people/me") {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!fake.valid.has(token)) return json(res, 401, { message: "The request requires a valid access token" });
    return json(res, 200, { id: "me", token });
  }
  return json(res, 404, { message: "not found" });
}
