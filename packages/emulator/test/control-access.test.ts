import { afterEach, describe, expect, it } from "vitest";
import type { Emulator, EmulatorOptions } from "../src/index.js";
import { call, expectWebexError, startEmulator } from "./helpers.js";

let emu: Emulator | undefined;

afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** Starts an emulator and returns a URL builder for its control API, reached over 127.0.0.1. */
async function start(options: EmulatorOptions) {
  emu = await startEmulator({ port: 0, ...options });
  const port = new URL(emu.url).port;
  return {
    emu,
    control: (path: string) => `http://127.0.0.1:${port}/_emulator/${path}`,
    api: (path: string) => `http://127.0.0.1:${port}/v1/${path}`,
  };
}

describe("control API access", () => {
  it("answers 403 with the reason when listening beyond loopback without a key", async () => {
    const { emu, control, api } = await start({ host: "0.0.0.0" });
    const state = await call(control("state"));
    expectWebexError(state, 403);
    expect(state.body.message).toContain("controlKey");
    expect(state.text).not.toContain(emu.tokens.user);
    expectWebexError(await call(control("reset"), { method: "POST" }), 403);
    // The Webex API itself is served as usual.
    expect((await call(api("people/me"), { token: emu.tokens.user })).status).toBe(200);
  });

  it("with controlKey, requires the key in X-Emulator-Key", async () => {
    const { emu, control } = await start({ host: "0.0.0.0", controlKey: "s3cret" });
    expectWebexError(await call(control("state")), 401);
    expectWebexError(await call(control("state"), { headers: { "x-emulator-key": "wrong" } }), 401);
    expectWebexError(await call(control("state"), { headers: { "x-emulator-key": "s3cret!" } }), 401);
    const state = await call(control("state"), { headers: { "x-emulator-key": "s3cret" } });
    expect(state.status).toBe(200);
    expect(state.body.tokens).toEqual(emu.tokens);
  });

  it("on loopback without a key, serves the control API as before", async () => {
    const { emu, control } = await start({ host: "127.0.0.1" });
    const state = await call(control("state"));
    expect(state.status).toBe(200);
    expect(state.body.tokens).toEqual(emu.tokens);
  });

  it("on loopback with a key, requires the key as well", async () => {
    const { control } = await start({ host: "127.0.0.1", controlKey: "s3cret" });
    expectWebexError(await call(control("state")), 401);
    expect((await call(control("state"), { headers: { "x-emulator-key": "s3cret" } })).status).toBe(200);
  });
});
