import { describe, expect, it } from "vitest";
import { plainTextHtml, renderMarkdown, unlabelledMentions } from "../src/markdown.js";

const names = { "personEmail:ada@example.com": "Ada Lovelace", "personId:P1": "Grace Hopper" } as Record<
  string,
  string
>;
const render = (markdown: string) => renderMarkdown(markdown, (kind, value) => names[`${kind}:${value}`] ?? "someone");

describe("renderMarkdown", () => {
  it.each([
    ["**bold** and __bold__", "<p><strong>bold</strong> and <strong>bold</strong></p>"],
    ["*it* and _it_, but snake_case_name stays", "<p><em>it</em> and <em>it</em>, but snake_case_name stays</p>"],
    ["use `a < b` here", "<p>use <code>a &lt; b</code> here</p>"],
    ["**`x`** inside", "<p><strong><code>x</code></strong> inside</p>"],
    ["a\nb", "<p>a<br>b</p>"],
    ["one\n\ntwo", "<p>one</p><p>two</p>"],
    ["- a\n- b", "<ul><li>a</li><li>b</li></ul>"],
    ["1. a\n2. **b**", "<ol><li>a</li><li><strong>b</strong></li></ol>"],
    ["- a\n  - a1\n  - a2\n- b", "<ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>"],
    ["> quoted\n> more", "<blockquote><p>quoted<br>more</p></blockquote>"],
    ["```\n<b>x</b>\n```", "<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>"],
  ])("%j", (markdown, html) => {
    expect(render(markdown)).toBe(html);
  });

  it("renders links with a safe scheme, bare URLs too, and leaves others as text", () => {
    expect(render("[docs](https://example.com/a?b=1&c=2)")).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">docs</a></p>',
    );
    expect(render("see https://example.com/x.")).toBe(
      '<p>see <a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a>.</p>',
    );
    expect(render("[click](javascript:alert(1))")).toBe("<p>[click](javascript:alert(1))</p>");
    expect(render('[x](https://e.com/"onmouseover="alert(1))')).not.toContain('"onmouseover');
  });

  it("shows mentions by their label, else by the person's name", () => {
    expect(render("hi <@personEmail:ada@example.com|Ada>, <@personId:P1> and <@all>")).toBe(
      '<p>hi <span class="mention">Ada</span>, <span class="mention">Grace Hopper</span> and <span class="mention">All</span></p>',
    );
    expect(render("<@personEmail:ada@example.com>")).toBe('<p><span class="mention">Ada Lovelace</span></p>');
  });

  it("escapes HTML, so a message cannot bring its own tags or handlers", () => {
    const html = render('<script>alert(1)</script> <img src=x onerror="alert(2)"> **<b>x</b>**');
    expect(html).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt; " +
        "<strong>&lt;b&gt;x&lt;/b&gt;</strong></p>",
    );
    expect(render("<@personEmail:x@y.z|<img src=x onerror=alert(1)>>")).not.toContain("<img");
  });
});

it("plainTextHtml escapes and keeps line breaks", () => {
  expect(plainTextHtml("a <b>\nc")).toBe("a &lt;b&gt;<br>c");
});

it("unlabelledMentions lists the mentions that need a name looked up", () => {
  expect(unlabelledMentions("<@personEmail:a@b.c|A> <@personId:P2> <@all> <@personEmail:d@e.f>")).toEqual([
    { kind: "personId", value: "P2" },
    { kind: "personEmail", value: "d@e.f" },
  ]);
});
