export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

/** Replaces every occurrence of each secret in `text` (secrets shorter than 4 characters are left, as noise). */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * A copy of `headers` with credentials hidden (the values of credential headers, and each of `secrets`
 * wherever a server echoed one); the caller's object is never changed.
 */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  secrets: readonly (string | undefined)[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : String(value);
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? redactCredential(text) : redactText(text, secrets);
  }
  return out;
}

function redactCredential(value: string): string {
  const scheme = /^(\w+)\s/.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}
