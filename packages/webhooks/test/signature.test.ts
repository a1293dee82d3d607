import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sign, verifySignature } from "../src/index.js";

const body = '{"resource":"messages","event":"created","data":{"id":"M"}}';

describe("sign", () => {
  it("gives the lowercase hex HMAC-SHA1 of the raw bytes, keyed with the secret's UTF-8 bytes", () => {
    const expected = createHmac("sha1", Buffer.from("sécret", "utf8")).update(Buffer.from(body, "utf8")).digest("hex");
    expect(sign(body, "sécret")).toBe(expected);
    expect(sign(Buffer.from(body, "utf8"), "sécret")).toBe(expected);
    expect(sign(body, "sécret")).toMatch(/^[0-9a-f]{40}$/);
  });

  it("matches a known vector", () => {
    expect(sign("The quick brown fox jumps over the lazy dog", "key")).toBe("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
  });
});

describe("verifySignature", () => {
  const signature = sign(body, "s3cret");

  it("accepts the right signature over the same bytes", () => {
    expect(verifySignature(body, signature, "s3cret")).toBe(true);
    expect(verifySignature(new TextEncoder().encode(body), signature, "s3cret")).toBe(true);
  });

  it("rejects a signature of re-serialized JSON (only the exact bytes verify)", () => {
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);
    expect(verifySignature(reformatted, signature, "s3cret")).toBe(false);
  });

  it("rejects a wrong secret", () => {
    expect(verifySignature(body, signature, "other")).toBe(false);
  });

  it("accepts any of several secrets while rotating", () => {
    expect(verifySignature(body, signature, ["new-secret", "s3cret"])).toBe(true);
    expect(verifySignature(body, sign(body, "new-secret"), ["new-secret", "s3cret"])).toBe(true);
    expect(verifySignature(body, sign(body, "retired"), ["new-secret", "s3cret"])).toBe(false);
  });

  it("returns false, never throws, for missing, short, long or garbage signatures", () => {
    for (const bad of [
      undefined,
      null,
      "",
      "abc",
      `${signature}00`,
      signature.slice(1),
      "é".repeat(40),
      "z".repeat(40),
    ]) {
      expect(verifySignature(body, bad, "s3cret")).toBe(false);
    }
  });

  it("throws a TypeError for an empty secret list or an empty secret, without echoing secrets", () => {
    expect(() => verifySignature(body, signature, [])).toThrow(/at least one secret is required/);
    expect(() => verifySignature(body, signature, ["kept-private", ""])).toThrow(TypeError);
    try {
      verifySignature(body, signature, ["kept-private", ""]);
    } catch (error) {
      expect(String(error)).not.toContain("kept-private");
    }
  });

  it("throws a TypeError when the body is parsed JSON instead of the raw bytes", () => {
    expect(() => verifySignature(JSON.parse(body), signature, "s3cret")).toThrow(/raw body/);
  });
});

describe("verifySignature takes a Node header as it comes", () => {
  it("a string works, an array (the header sent twice) or undefined is false", () => {
    const body = '{"id":"x"}';
    const headers: Record<string, string | string[] | undefined> = { "x-spark-signature": sign(body, "s3cret") };
    expect(verifySignature(body, headers["x-spark-signature"], "s3cret")).toBe(true);
    const twice = [sign(body, "s3cret"), sign(body, "s3cret")];
    expect(verifySignature(body, twice, "s3cret")).toBe(false);
    expect(verifySignature(body, headers.missing, "s3cret")).toBe(false);
  });
});
