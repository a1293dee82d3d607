import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The control API can reset state and read every token, so beyond loopback it needs a key. */

export const CONTROL_KEY_HEADER = "x-emulator-key";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

/** Why a control request is refused, or undefined when it may go ahead. */
export function controlRefusal(
  req: IncomingMessage,
  host: string,
  controlKey: string | undefined,
): { status: 401 | 403; message: string } | undefined {
  if (controlKey !== undefined) {
    const given = req.headers[CONTROL_KEY_HEADER];
    if (typeof given === "string" && sameKey(given, controlKey)) return undefined;
    return {
      status: 401,
      message: "The control API needs the emulator's controlKey (--control-key) in the X-Emulator-Key header.",
    };
  }
  if (isLoopbackHost(host)) return undefined;
  return {
    status: 403,
    message:
      `The control API is off: the emulator listens on ${host}, beyond loopback, without a controlKey ` +
      "(--control-key). Set one and send it in the X-Emulator-Key header.",
  };
}

/** Compares digests, so the time taken says nothing about the key. */
function sameKey(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
