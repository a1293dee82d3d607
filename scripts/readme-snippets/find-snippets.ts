import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Snippet {
  /** The README, relative to the repo root. */
  file: string;
  /** 1-based README line of the snippet's first line of code. */
  line: number;
  code: string;
}

const OPENING_FENCE = /^(\s*)```(ts|typescript)\s*$/;
const CLOSING_FENCE = /^\s*```\s*$/;

/** The READMEs whose snippets users copy: the repo's, and each package's and app's. */
export function readmeFiles(root: string): string[] {
  const nested = ["packages", "apps"].flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .sort()
          .map((name) => `${dir}/${name}/README.md`)
      : [],
  );
  return ["README.md", ...nested].filter((file) => existsSync(join(root, file)));
}

/** Every ```ts / ```typescript block of a README, without the fences and the list indentation around them. */
export function snippetsOf(file: string, markdown: string): Snippet[] {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING_FENCE.exec(lines[i] as string);
    if (!opening) continue;
    const indent = (opening[1] as string).length;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !CLOSING_FENCE.test(lines[end] as string)) end++;
    if (end === lines.length) throw new Error(`${file}:${i + 1}: the code block is never closed`);
    const code = lines.slice(start, end).map((line) => line.slice(Math.min(indent, line.search(/\S|$/))));
    snippets.push({ file, line: start + 1, code: `${code.join("\n")}\n` });
    i = end;
  }
  return snippets;
}

export function findSnippets(root: string): Snippet[] {
  return readmeFiles(root).flatMap((file) => snippetsOf(file, readFileSync(join(root, file), "utf8")));
}
