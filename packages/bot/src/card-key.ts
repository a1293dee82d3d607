import type { AdaptiveCardJson } from "@wx/sdk";

// Cards nest far less than this; the bound only keeps a hostile card from exhausting the stack.
const MAX_DEPTH = 100;

/**
 * Which card a submission came from, as a string: the ids of the card's inputs and the `data` of its Submit
 * actions, wherever they are (body, containers, columns, action sets, ShowCards). A card's wording and choices
 * do not count, so `onCardSubmit(pollCard("Lunch?", options), …)` also handles a poll sent with another
 * question; two cards with the same inputs and the same Submit data count as the same card.
 */
export function cardKey(card: AdaptiveCardJson | Record<string, unknown>): string {
  const inputs = new Set<string>();
  const submits = new Set<string>();
  visit(card, 0, inputs, submits);
  return JSON.stringify({ inputs: [...inputs].sort(), submits: [...submits].sort() });
}

function visit(value: unknown, depth: number, inputs: Set<string>, submits: Set<string>): void {
  if (depth > MAX_DEPTH || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) visit(item, depth + 1, inputs, submits);
    return;
  }
  const node = value as Record<string, unknown>;
  if (typeof node.type === "string") {
    if (node.type.startsWith("Input.") && typeof node.id === "string") inputs.add(node.id);
    if (node.type === "Action.Submit") submits.add(canonicalJson(node.data ?? null));
  }
  for (const [key, field] of Object.entries(node)) {
    if (key !== "data") visit(field, depth + 1, inputs, submits);
  }
}

/** JSON with object keys sorted and `undefined` fields left out, so equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
