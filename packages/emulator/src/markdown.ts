/** Simple Webex-flavoured markdown: plain text, basic HTML and mentions. */

export interface Rendered {
  text: string;
  html: string;
  mentionedPeople: string[];
  mentionedGroups: string[];
}

const MENTION = /<@(personEmail|personId):([^|>]+)(?:\|([^>]*))?>|<@all(?:\|([^>]*))?>/g;

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inlineHtml(line: string): string {
  return line
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_m, a, b) => `<strong>${a ?? b}</strong>`)
    .replace(/\*([^*]+)\*|\b_([^_]+)_\b/g, (_m, a, b) => `<em>${a ?? b}</em>`)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2" alt="$2" onebox_type="uri" onebox_value="$2">$1</a>');
}

function plainInline(line: string): string {
  return line
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_m, a, b) => a ?? b)
    .replace(/\*([^*]+)\*|\b_([^_]+)_\b/g, (_m, a, b) => a ?? b)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "$1");
}

export function renderMarkdown(
  markdown: string,
  resolve: (kind: string, value: string) => string | undefined,
): Rendered {
  const mentionedPeople: string[] = [];
  const mentionedGroups: string[] = [];
  const mentionHtml: string[] = [];
  // Mentions become placeholders first, so escaping and inline rules leave them alone.
  const withPlaceholders = markdown.replace(MENTION, (_m, kind, value, name, allName) => {
    if (kind) {
      const personId = resolve(kind, String(value).trim());
      const label = name || value;
      if (personId && !mentionedPeople.includes(personId)) mentionedPeople.push(personId);
      mentionHtml.push(
        personId
          ? `<spark-mention data-object-type="person" data-object-id="${personId}">${escapeHtml(label)}</spark-mention>`
          : escapeHtml(label),
      );
      return `\uE000${mentionHtml.length - 1}:${label}\uE000`;
    }
    if (!mentionedGroups.includes("all")) mentionedGroups.push("all");
    const label = allName || "All";
    mentionHtml.push(
      `<spark-mention data-object-type="groupMention" data-group-type="all">${escapeHtml(label)}</spark-mention>`,
    );
    return `\uE000${mentionHtml.length - 1}:${label}\uE000`;
  });

  const textLines: string[] = [];
  const htmlBlocks: string[] = [];
  let list: "ul" | "ol" | undefined;
  let inCode = false;
  const closeList = () => {
    if (list) htmlBlocks.push(`</${list}>`);
    list = undefined;
  };
  for (const line of withPlaceholders.split("\n")) {
    if (line.trim().startsWith("```")) {
      closeList();
      htmlBlocks.push(inCode ? "</code></pre>" : "<pre><code>");
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      textLines.push(line);
      htmlBlocks.push(`${escapeHtml(line)}\n`);
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const quote = /^\s*>\s?(.*)$/.exec(line);
    const content = bullet?.[1] ?? numbered?.[1] ?? quote?.[1] ?? line;
    textLines.push(plainInline(content));
    const html = inlineHtml(escapeHtml(content));
    const kind = bullet ? "ul" : numbered ? "ol" : undefined;
    if (kind) {
      if (list !== kind) {
        closeList();
        htmlBlocks.push(`<${kind}>`);
        list = kind;
      }
      htmlBlocks.push(`<li>${html}</li>`);
      continue;
    }
    closeList();
    if (quote) htmlBlocks.push(`<blockquote>${html}</blockquote>`);
    else if (content.trim() !== "") htmlBlocks.push(`<p>${html}</p>`);
  }
  closeList();
  if (inCode) htmlBlocks.push("</code></pre>");
  const restore = (value: string, asHtml: boolean) =>
    value.replace(/\uE000(\d+):([^\uE000]*)\uE000/g, (_m, index, label) =>
      asHtml ? (mentionHtml[Number(index)] as string) : label,
    );
  return {
    text: restore(textLines.join("\n"), false),
    html: restore(htmlBlocks.join(""), true),
    mentionedPeople,
    mentionedGroups,
  };
}
