import { ApiError } from "@wx/sdk";
import { describe, expect, it } from "vitest";
import { useFixture } from "./helpers.js";

const t = await useFixture();

const instant = { sleep: async () => {} };

function postsOfMessages(): number {
  return t.emu.requests.filter((r) => r.method === "POST" && /\/messages$/.test(r.path)).length;
}

async function botMessages(): Promise<string[]> {
  const direct = await t.user.messages.listDirect({ personId: t.emu.people.bot.id }).toArray();
  return direct.filter((m) => m.personId === t.emu.people.bot.id).map((m) => m.markdown ?? "");
}

describe("API faults inside handlers", () => {
  it("a 429 on the reply is waited out and retried by core: the reply is posted once", async () => {
    const { bot, errors } = await t.startBot((bot) => bot.onMessage((ctx) => ctx.say("pong")), {
      client: { accessToken: t.emu.tokens.bot, baseUrl: t.emu.url, ...instant },
    });
    t.emu.faults.route("POST", "messages", { status: 429, retryAfter: 1 }, { times: 1 });
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "ping" });
    await t.settle(bot);
    expect(errors).toEqual([]);
    expect(await botMessages()).toEqual(["pong"]);
    expect(postsOfMessages()).toBe(2); // the refused attempt and the retry
  });

  it("a 503 on the reply reaches onError and is not posted again, by core or by the bot", async () => {
    const { bot, errors } = await t.startBot((bot) => bot.onMessage((ctx) => ctx.say("pong")), {
      client: { accessToken: t.emu.tokens.bot, baseUrl: t.emu.url, ...instant },
    });
    t.emu.faults.route("POST", "messages", { status: 503 }, { times: 1 });
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "ping" });
    await t.settle(bot);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ApiError);
    expect((errors[0] as ApiError).status).toBe(503);
    expect(postsOfMessages()).toBe(1);
    expect(await botMessages()).toEqual([]);
    // Webex re-delivering the event does not run the handler again either
    const [delivery] = t.emu.deliveries;
    if (!delivery) throw new Error("no delivery");
    await t.emu.redeliver(delivery);
    await t.settle(bot);
    expect(postsOfMessages()).toBe(1);
  });

  it("a 5xx while fetching the message is retried by core, and the handler runs once", async () => {
    const seen: string[] = [];
    const { bot, errors } = await t.startBot((bot) => bot.onMessage((ctx) => void seen.push(ctx.text)), {
      client: { accessToken: t.emu.tokens.bot, baseUrl: t.emu.url, ...instant },
    });
    t.emu.faults.route("GET", "messages/:id", { status: 502 }, { times: 2 });
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "ping" });
    await t.settle(bot);
    expect(errors).toEqual([]);
    expect(seen).toEqual(["ping"]);
  });
});
