import { join } from "node:path";
import ts from "typescript";
import type { Snippet } from "./find-snippets.js";

/**
 * The repo's own tsconfig.base.json settings, as a user's strict project would have them, except DOM: the
 * snippets are Node code, and DOM's globals (`event`, `name`) would collide with the free identifiers.
 * `moduleDetection: force` makes every snippet its own module even when it imports nothing.
 */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  types: ["node"],
  strict: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
};

/** Declares what snippets may use without declaring it themselves; see the file. */
export const FREE_IDENTIFIERS = join(import.meta.dirname, "free-identifiers.d.ts");

/**
 * Where a snippet lives for the compiler: in this folder, so `@wx/*` resolves to the built packages this
 * package depends on, and under its `"type": "module"`, so top-level await is allowed.
 */
function virtualPath(snippet: Snippet): string {
  return join(import.meta.dirname, `${snippet.file.replaceAll("/", "--")}--${snippet.line}.ts`);
}

export interface CheckResult {
  /** Per snippet, its errors as `README.md:LINE:COL TSnnnn message`; empty when it compiles. */
  errors: Map<Snippet, string[]>;
  /** Errors outside any snippet (in the free identifiers, or the options). */
  otherErrors: string[];
}

/** Type-checks all snippets in one program: each is its own module, and all share the free identifiers. */
export function typeCheck(snippets: Snippet[]): CheckResult {
  const byPath = new Map(snippets.map((snippet) => [virtualPath(snippet), snippet]));
  const host = ts.createCompilerHost(OPTIONS);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (path) => byPath.has(path) || fileExists(path);
  host.readFile = (path) => byPath.get(path)?.code ?? readFile(path);
  host.getSourceFile = (path, language, ...rest) => {
    const snippet = byPath.get(path);
    return snippet ? ts.createSourceFile(path, snippet.code, language) : getSourceFile(path, language, ...rest);
  };
  const program = ts.createProgram([...byPath.keys(), FREE_IDENTIFIERS], OPTIONS, host);

  const errors = new Map(snippets.map((snippet): [Snippet, string[]] => [snippet, []]));
  const otherErrors: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const snippet = diagnostic.file && byPath.get(diagnostic.file.fileName);
    if (!snippet || !diagnostic.file || diagnostic.start === undefined) {
      const where = diagnostic.file ? `${diagnostic.file.fileName}: ` : "";
      otherErrors.push(`${where}TS${diagnostic.code} ${message}`);
      continue;
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    errors
      .get(snippet)
      ?.push(`${snippet.file}:${snippet.line + line}:${character + 1} TS${diagnostic.code} ${message}`);
  }
  return { errors, otherErrors };
}
