// testing/ is no package, so it cannot name @wx/core or @wx/emulator; these are the files those names resolve to
// (their package.json exports), so the Session made here is the very class the tests import.
import { Session, type SessionOptions } from "@wx/core";
import { createEmulator, type Emulator, type EmulatorOptions } from "@wx/emulator";
import { afterAll, beforeEach } from "vitest";

export interface EmulatorFixture {
  emu: Emulator;
  /** A session for the `as` token whose requests are recorded in `sent`. */
  session: Session;
  /** `"METHOD url"` of each request `session` sent since the current test began. */
  sent: string[];
  /** Another session on the emulator, closed after the file's tests. */
  sessionFor(token: string, options?: SessionOptions): Session;
}

/**
 * Starts an emulator for the test file (call it with top-level `await`), resets it and `sent` before each test
 * unless `reset` is false, and closes it and every session made here after the file's tests.
 */
export async function useEmulator(
  options: { as?: keyof Emulator["tokens"]; emulator?: EmulatorOptions; reset?: boolean } = {},
): Promise<EmulatorFixture> {
  const emu = await createEmulator({ port: 0, ...options.emulator });
  const sessions: Session[] = [];
  const sent: string[] = [];
  const sessionFor = (token: string, sessionOptions: SessionOptions = {}) => {
    const session = new Session({ ...sessionOptions, accessToken: token, baseUrl: emu.url });
    sessions.push(session);
    return session;
  };
  const session = sessionFor(emu.tokens[options.as ?? "user"], {
    logger: { debug: (_message, fields) => sent.push(`${fields?.method} ${fields?.url}`) },
  });
  beforeEach(() => {
    if (options.reset !== false) emu.reset();
    sent.length = 0;
  });
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await emu.close();
  });
  return { emu, session, sent, sessionFor };
}
