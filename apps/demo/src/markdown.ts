/**
 * Webex message markdown to HTML for the demo page, safe by construction: every character of the source
 * reaches the output through `escapeHtml` (or as a checked, escaped URL), and the only tags are the ones
 * the rules below write. Supported: paragraphs, bold, italic, inline and fenced code, links (and bare
 * URLs), ordered and unordered lists (nested by indentation), block quotes and mentions.
 */

/** How a mention is shown: its label, or the name of the person it points at. */
export type MentionName = (kind: "personEmail" | "personId", value: string) => string;

interface InlineRule {
  pattern: RegExp;
  /** Extra condition on the text before the match (e.g. `_italic_` only at the start of a word). */
  startsWord?: boolean;
  /** Not inside a link's text (no link in a link). */
  link?: boolean;
  render(match: RegExpExecArray, context: InlineContext): string;
}

interface InlineContext {
  mentionName: MentionName;
  inLink: boolean;
}

const MENTION = /<@(personEmail|personId):([^|>\n]+)(?:\|([^>\n]*))?>|<@all(?:\|([^>\n]*))?>/y;
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

const INLINE_RULES: readonly InlineRule[] = [
  { pattern: /`([^`\n]+)`/y, render: (m) => `<code>${escapeHtml(m[1] as string)}</code>` },
  {
    pattern: MENTION,
    render: (m, context) => {
      const label =
        m[3] || m[4] || (m[1] ? context.mentionName(m[1] as "personEmail", (m[2] as string).trim()) : "All");
      return `<span class="mention">${escapeHtml(label)}</span>`;
    },
  },
  {
    pattern: /\[([^\]\n]+)\]\(([^)\s]+)\)/y,
    link: true,
    render: (m, context) =>
      SAFE_URL.test(m[2] as string)
        ? anchor(m[2] as string, inline(m[1] as string, { ...context, inLink: true }))
        : escapeHtml(m[0]),
  },
  {
    pattern: /https?:\/\/[^\s<>"]*[^\s<>".,;:!?)'\]]/y,
    startsWord: true,
    link: true,
    render: (m) => anchor(m[0], escapeHtml(m[0])),
  },
  {
    pattern: /\*\*(?=\S)(.+?)\*\*|__(?=\S)(.+?)__/y,
    render: (m, c) => `<strong>${inline(m[1] ?? m[2] ?? "", c)}</strong>`,
  },
  { pattern: /\*(?=\S)([^*\n]+?)\*/y, render: (m, c) => `<em>${inline(m[1] as string, c)}</em>` },
  { pattern: /_(?=\S)([^_\n]+?)_(?!\w)/y, startsWord: true, render: (m, c) => `<em>${inline(m[1] as string, c)}</em>` },
];

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Plain text (a message without markdown) as HTML: escaped, line breaks kept. */
export function plainTextHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}

export function renderMarkdown(markdown: string, mentionName: MentionName): string {
  return blocks(markdown.replace(/\r\n?/g, "\n").split("\n"), { mentionName, inLink: false });
}

/** The people a markdown text mentions without a label, whose names must be looked up. */
export function unlabelledMentions(markdown: string): { kind: "personEmail" | "personId"; value: string }[] {
  const pattern = new RegExp(MENTION.source, "g");
  return [...markdown.matchAll(pattern)]
    .filter((m) => m[1] && !m[3])
    .map((m) => ({ kind: m[1] as "personEmail" | "personId", value: (m[2] as string).trim() }));
}

function anchor(url: string, innerHtml: string): string {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${innerHtml}</a>`;
}

/** The walker over one line: at each position the first rule that matches there, else one escaped character. */
function inline(text: string, context: InlineContext): string {
  let html = "";
  let plain = "";
  let i = 0;
  outer: while (i < text.length) {
    for (const rule of INLINE_RULES) {
      if (rule.link && context.inLink) continue;
      if (rule.startsWord && i > 0 && /\w/.test(text[i - 1] as string)) continue;
      rule.pattern.lastIndex = i;
      const match = rule.pattern.exec(text);
      if (!match) continue;
      html += escapeHtml(plain) + rule.render(match, context);
      plain = "";
      i += match[0].length;
      continue outer;
    }
    plain += text[i];
    i++;
  }
  return html + escapeHtml(plain);
}

const FENCE = /^\s*```/;
const QUOTE = /^\s*> ?/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;

function blocks(lines: readonly string[], context: InlineContext): string {
  let html = "";
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (!line.trim()) {
      i++;
    } else if (FENCE.test(line)) {
      const end = indexFrom(lines, i + 1, (l) => FENCE.test(l));
      html += `<pre><code>${escapeHtml(lines.slice(i + 1, end).join("\n"))}</code></pre>`;
      i = end + 1;
    } else if (QUOTE.test(line)) {
      const end = indexFrom(lines, i, (l) => !QUOTE.test(l));
      html += `<blockquote>${blocks(
        lines.slice(i, end).map((l) => l.replace(QUOTE, "")),
        context,
      )}</blockquote>`;
      i = end;
    } else if (LIST_ITEM.test(line)) {
      const end = indexFrom(lines, i, (l) => !LIST_ITEM.test(l));
      html += list(lines.slice(i, end), context);
      i = end;
    } else {
      const end = indexFrom(lines, i, (l) => !l.trim() || FENCE.test(l) || QUOTE.test(l) || LIST_ITEM.test(l));
      html += `<p>${lines
        .slice(i, end)
        .map((l) => inline(l.trim(), context))
        .join("<br>")}</p>`;
      i = end;
    }
  }
  return html;
}

/** Consecutive list items; an item indented deeper than the first starts a nested list under the one before. */
function list(lines: readonly string[], context: InlineContext): string {
  const first = LIST_ITEM.exec(lines[0] as string) as RegExpExecArray;
  const indent = indentOf(lines[0] as string);
  const tag = /\d/.test(first[2] as string) ? "ol" : "ul";
  let html = "";
  let i = 0;
  while (i < lines.length) {
    const item = LIST_ITEM.exec(lines[i] as string) as RegExpExecArray;
    const nestedEnd = indexFrom(lines, i + 1, (l) => indentOf(l) <= indent);
    const nested = nestedEnd > i + 1 ? list(lines.slice(i + 1, nestedEnd), context) : "";
    html += `<li>${inline(item[3] as string, context)}${nested}</li>`;
    i = nestedEnd;
  }
  return `<${tag}>${html}</${tag}>`;
}

function indexFrom(lines: readonly string[], start: number, found: (line: string) => boolean): number {
  for (let i = start; i < lines.length; i++) if (found(lines[i] as string)) return i;
  return lines.length;
}

function indentOf(line: string): number {
  return (/^\s*/.exec(line)?.[0] ?? "").length;
}
