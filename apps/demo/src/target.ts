import { createEmulator, type Emulator } from "@wx/emulator";
import { WebexClient } from "@wx/sdk";

/** A simulated person who can vote through the card (emulator only). */
export interface Voter {
  name: string;
  email: string;
  submitCard(messageId: string, inputs: Record<string, string>): Promise<void>;
}

/** Where the demo runs: the embedded emulator, or Webex itself when a token is set. */
export interface Target {
  mode: "emulator" | "live";
  wx: WebexClient;
  /** The token `wx` signs in with (the demo page downloads files with it). */
  accessToken: string;
  emu: Emulator | undefined;
  makeVoters(names: readonly string[]): Voter[];
  close(): Promise<void>;
}

export async function openTarget(options: { token?: string; emulator?: Emulator } = {}): Promise<Target> {
  const token = options.token ?? process.env.WEBEX_ACCESS_TOKEN;
  if (token && !options.emulator) {
    const wx = new WebexClient({ accessToken: token });
    return { mode: "live", wx, accessToken: token, emu: undefined, makeVoters: () => [], close: () => wx.close() };
  }
  const emu = options.emulator ?? (await createEmulator({ port: 0 }));
  const ownsEmulator = !options.emulator;
  const wx = new WebexClient({ accessToken: emu.tokens.user, baseUrl: emu.url });
  return {
    mode: "emulator",
    wx,
    accessToken: emu.tokens.user,
    emu,
    makeVoters: (names) =>
      names.map((name) => {
        const email = `${name.toLowerCase()}@example.com`;
        const { token: voterToken } = emu.addPerson({ displayName: name, email });
        return {
          name,
          email,
          submitCard: async (messageId, inputs) => {
            await emu.act(voterToken).submitCard({ messageId, inputs });
          },
        };
      }),
    close: async () => {
      await wx.close();
      if (ownsEmulator) await emu.close();
    },
  };
}
