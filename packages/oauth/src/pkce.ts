import { createHash, randomBytes } from "node:crypto";
import { ValidationError } from "@wx/core";

/** A PKCE pair: send `challenge` in the authorize URL, keep `verifier` for `exchangeCode`. */
export interface Pkce {
  verifier: string;
  challenge: string;
  method: "S256";
}

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** A fresh random verifier (32 bytes, 43 characters) and its S256 challenge; pass `verifier` to derive from yours. */
export function createPkce(verifier: string = randomBytes(32).toString("base64url")): Pkce {
  if (typeof verifier !== "string" || !VERIFIER.test(verifier)) {
    throw new ValidationError("verifier must be 43 to 128 characters from A-Z a-z 0-9 - . _ ~", {
      argument: "verifier",
    });
  }
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge, method: "S256" };
}
