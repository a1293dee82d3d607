import { ValidationError } from "@wx/core";
import { describe, expect, it } from "vitest";
import { authorizeUrl, createPkce } from "../src/index.js";

describe("authorizeUrl", () => {
  it("builds the Webex consent URL for the code flow with a PKCE challenge", () => {
    const pkce = createPkce();
    const url = new URL(
      authorizeUrl({
        clientId: "C123",
        redirectUri: "https://app.example/callback?x=1",
        scope: ["spark:people_read", "spark:messages_write"],
        state: "abc",
        codeChallenge: pkce.challenge,
      }),
    );
    expect(url.origin + url.pathname).toBe("https://webexapis.com/v1/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "C123",
      redirect_uri: "https://app.example/callback?x=1",
      scope: "spark:people_read spark:messages_write",
      state: "abc",
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
    });
  });

  it("uses the given base URL and optional prompt and nonce", () => {
    const url = new URL(
      authorizeUrl({
        clientId: "C",
        redirectUri: "http://localhost/cb",
        scope: "openid spark:all",
        state: "s",
        prompt: "select_account",
        nonce: "n1",
        baseUrl: "http://127.0.0.1:9/v1",
      }),
    );
    expect(url.href.startsWith("http://127.0.0.1:9/v1/authorize?")).toBe(true);
    expect(url.searchParams.get("prompt")).toBe("select_account");
    expect(url.searchParams.get("nonce")).toBe("n1");
    expect(url.searchParams.has("code_challenge")).toBe(false);
  });

  it.each([
    ["clientId", { clientId: "" }],
    ["redirectUri", { redirectUri: undefined }],
    ["state", { state: " " }],
    ["scope", { scope: [] }],
  ])("names the missing %s", (argument, override) => {
    const base = { clientId: "C", redirectUri: "https://a/cb", scope: "spark:all", state: "s" };
    const call = () => authorizeUrl({ ...base, ...override } as never);
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(expect.objectContaining({ argument }));
  });
});

describe("createPkce", () => {
  it("derives the S256 challenge of RFC 7636 appendix B", () => {
    expect(createPkce("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toEqual({
      verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
      challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      method: "S256",
    });
  });

  it("makes a new 43-character unreserved verifier each time", () => {
    const a = createPkce();
    const b = createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(createPkce(a.verifier).challenge).toBe(a.challenge);
  });

  it("rejects a verifier Webex would refuse", () => {
    expect(() => createPkce("too-short")).toThrow(ValidationError);
    expect(() => createPkce(`${"a".repeat(42)}!`)).toThrow(ValidationError);
  });
});
