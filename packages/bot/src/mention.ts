import type { Message, Person } from "@wx/sdk";

const MENTION_TAG = /<spark-mention\b[^>]*\bdata-object-id="([^"]+)"[^>]*>([\s\S]*?)<\/spark-mention>/g;

/**
 * The message's text without the bot's mention, trimmed: "Bot deploy web" → "deploy web". People shorten a
 * mention to any name they like, so the names are read from the message's `html` (each
 * `<spark-mention data-object-id="…">name</spark-mention>` naming the bot); without `html` a leading display
 * name or first name of the bot is removed. Other people's mentions stay.
 */
export function textWithoutMention(
  message: Pick<Message, "text" | "html">,
  me: Pick<Person, "id" | "displayName">,
): string {
  let text = message.text ?? "";
  const names = mentionNames(message.html, me.id);
  if (names.length > 0) {
    for (const name of names) {
      const at = text.indexOf(name);
      if (at >= 0) text = cut(text, at, name.length);
    }
  } else {
    for (const name of [me.displayName, me.displayName?.split(/\s+/)[0]]) {
      const wholeWord = name && !/^[\p{L}\p{N}_]/u.test(text.slice(name.length));
      if (wholeWord && text.toLowerCase().startsWith(name.toLowerCase())) {
        text = cut(text, 0, name.length);
        break;
      }
    }
  }
  return text.replace(/^[\s,:;]+/, "").trim();
}

/** `text` without `length` characters at `at`, the words on either side joined by one space (none before punctuation). */
function cut(text: string, at: number, length: number): string {
  const before = text.slice(0, at).replace(/[ \t]+$/, "");
  const after = text.slice(at + length).replace(/^[ \t]+/, "");
  if (before === "" || after === "") return before + after;
  return /^[,.;:!?]/.test(after) ? before + after : `${before} ${after}`;
}

/** The names the bot was mentioned by in `html`; its id may appear as the API id or as the bare UUID. */
function mentionNames(html: string | undefined, personId: string): string[] {
  if (!html) return [];
  const ids = new Set([personId, uuidOf(personId)]);
  const names: string[] = [];
  for (const [, id, inner] of html.matchAll(MENTION_TAG)) {
    if (ids.has(id as string)) names.push(unescapeHtml((inner as string).replace(/<[^>]*>/g, "")));
  }
  return names;
}

/** `ciscospark://us/PEOPLE/<uuid>` inside the base64 API id, or the id itself when it is not one. */
function uuidOf(id: string): string {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  return decoded.startsWith("ciscospark://") ? (decoded.split("/").pop() ?? id) : id;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
