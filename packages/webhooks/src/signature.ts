import { createHmac, timingSafeEqual } from "node:crypto";

/** Header in which Webex sends the signature of a webhook delivery. */
export const SIGNATURE_HEADER = "x-spark-signature";

/** Signs a webhook body as Webex does: lowercase hex HMAC-SHA1 over the raw bytes, keyed with the secret's UTF-8 bytes. */
export function sign(rawBody: string | Uint8Array, secret: string): string {
  assertBody(rawBody, "sign");
  assertSecret(secret, "sign");
  return createHmac("sha1", Buffer.from(secret, "utf8")).update(toBytes(rawBody)).digest("hex");
}

/**
 * Checks an `X-Spark-Signature` value against the raw body, in constant time.
 * Pass several secrets while rotating: any one of them may match. A missing or malformed signature
 * gives `false`; only bad arguments (no secret, an empty secret, a body that is not bytes) throw.
 * `signature` takes what Node's `req.headers[SIGNATURE_HEADER]` gives; a header sent twice (an array) is `false`.
 */
export function verifySignature(
  rawBody: string | Uint8Array,
  signature: string | readonly string[] | undefined | null,
  secretOrSecrets: string | readonly string[],
): boolean {
  assertBody(rawBody, "verifySignature");
  const secrets = normalizeSecrets(secretOrSecrets, "verifySignature");
  if (typeof signature !== "string") return false;
  const received = Buffer.from(signature.trim().toLowerCase(), "utf8");
  const bytes = toBytes(rawBody);
  let matched = false;
  // Every secret is tried, so timing does not reveal which one matched.
  for (const secret of secrets) {
    const expected = Buffer.from(createHmac("sha1", Buffer.from(secret, "utf8")).update(bytes).digest("hex"), "utf8");
    if (expected.length === received.length && timingSafeEqual(expected, received)) matched = true;
  }
  return matched;
}

/** Validates a secret option and returns it as a list; throws TypeError without ever echoing a secret. */
export function normalizeSecrets(secretOrSecrets: string | readonly string[], caller: string): readonly string[] {
  const secrets = typeof secretOrSecrets === "string" ? [secretOrSecrets] : secretOrSecrets;
  if (!Array.isArray(secrets)) {
    throw new TypeError(`${caller}: the secret must be a string or an array of strings`);
  }
  if (secrets.length === 0) {
    throw new TypeError(`${caller}: at least one secret is required (got an empty list)`);
  }
  for (const secret of secrets) assertSecret(secret, caller);
  return secrets;
}

function assertSecret(secret: unknown, caller: string): asserts secret is string {
  if (typeof secret !== "string" || secret.length === 0) {
    throw new TypeError(`${caller}: every secret must be a non-empty string`);
  }
}

function assertBody(rawBody: unknown, caller: string): void {
  if (typeof rawBody !== "string" && !(rawBody instanceof Uint8Array)) {
    throw new TypeError(`${caller}: the raw body must be a string or a Uint8Array (sign the exact bytes received)`);
  }
}

function toBytes(rawBody: string | Uint8Array): Uint8Array {
  return typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
}
