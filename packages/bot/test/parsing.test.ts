import { describe, expect, it } from "vitest";
import { parseCommand } from "../src/command.js";
import { cardKey } from "../src/index.js";
import { textWithoutMention } from "../src/mention.js";
import { compilePattern } from "../src/pattern.js";

const me = { id: Buffer.from("ciscospark://us/PEOPLE/0b7f-bot").toString("base64url"), displayName: "Lunch Bot" };

describe("textWithoutMention", () => {
  it("removes the mention by the names in html, the API id or the bare UUID, wherever it is", () => {
    const tag = (id: string, name: string) =>
      `<spark-mention data-object-type="person" data-object-id="${id}">${name}</spark-mention>`;
    expect(textWithoutMention({ text: "Lunch poll now", html: `<p>${tag(me.id, "Lunch")} poll now</p>` }, me)).toBe(
      "poll now",
    );
    expect(textWithoutMention({ text: "hey L&B, go", html: `hey ${tag("0b7f-bot", "L&amp;B")}, go` }, me)).toBe(
      "hey, go",
    );
    expect(textWithoutMention({ text: "Ada hi", html: `${tag("other", "Ada")} hi` }, me)).toBe("Ada hi");
  });

  it("without html, removes a leading display name or first name, any case", () => {
    expect(textWithoutMention({ text: "lunch bot: help" }, me)).toBe("help");
    expect(textWithoutMention({ text: "Lunch help" }, me)).toBe("help");
    expect(textWithoutMention({ text: "help Lunch" }, me)).toBe("help Lunch");
    expect(textWithoutMention({ text: "Lunchtime help" }, me)).toBe("Lunchtime help");
    expect(textWithoutMention({}, me)).toBe("");
  });
});

describe("parseCommand", () => {
  it("takes the first word without / in lower case, and the words after it, quoted ones together", () => {
    expect(parseCommand('  /POLL "Where to?"  “Tacos al pastor” Ramen ')).toEqual({
      name: "poll",
      args: ["Where to?", "Tacos al pastor", "Ramen"],
      argsText: '"Where to?"  “Tacos al pastor” Ramen',
    });
    expect(parseCommand("   ")).toBeUndefined();
  });
});

describe("compilePattern", () => {
  it("matches a word or phrase whole, in any case and script", () => {
    const hello = compilePattern("hello world");
    expect(["Hello  World!", "say hello world", "hello worlds", "xhello world"].map((t) => hello.test(t))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(compilePattern("café").test("un café?")).toBe(true);
    expect(compilePattern("a.b").test("axb")).toBe(false);
  });

  it("drops g and y so that a RegExp matches the same text every time", () => {
    const pattern = compilePattern(/deploy/gy);
    expect([pattern.exec("deploy"), pattern.exec("deploy")].map(Boolean)).toEqual([true, true]);
  });
});

describe("cardKey", () => {
  const card = (question: string, choices: string[], data: object) => ({
    type: "AdaptiveCard" as const,
    body: [
      { type: "TextBlock", text: question },
      {
        type: "Container",
        items: [{ type: "Input.ChoiceSet", id: "vote", choices: choices.map((c) => ({ title: c, value: c })) }],
      },
    ],
    actions: [{ type: "Action.Submit", data }],
  });

  it("is the same for cards with the same input ids and Submit data, whatever their wording and choices", () => {
    expect(cardKey(card("Lunch?", ["a"], { poll: 1, x: "y" }))).toBe(
      cardKey(card("Dinner?", ["b", "c"], { x: "y", poll: 1 })),
    );
    expect(cardKey(card("Lunch?", ["a"], { poll: 1 }))).not.toBe(cardKey(card("Lunch?", ["a"], { poll: 2 })));
    const withShowCard = {
      type: "AdaptiveCard" as const,
      actions: [
        { type: "Action.ShowCard", card: { type: "AdaptiveCard", body: [{ type: "Input.Text", id: "note" }] } },
      ],
    };
    expect(cardKey(withShowCard)).toBe(JSON.stringify({ inputs: ["note"], submits: [] }));
  });
});
