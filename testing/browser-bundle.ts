import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const MESSAGES_APP = join(ROOT, "testing/browser-app/messages-app.ts");

export interface AppBundle {
  code: string;
  metafile: Metafile;
}

/**
 * The messages-only app bundled as an IIFE (global `wxApp`). `fromSource` takes @wx/api-messages, @wx/cards and
 * @wx/models from their sources, so a test needs only @wx/core built; @wx/core always comes through its package
 * exports and the given conditions, as a user's bundler would take it.
 */
export async function bundleMessagesApp(options: {
  platform: "browser" | "neutral" | "node";
  conditions: string[];
  minify?: boolean;
  fromSource?: boolean;
}): Promise<AppBundle> {
  const result = await build({
    entryPoints: [MESSAGES_APP],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: "iife",
    globalName: "wxApp",
    target: "es2022",
    platform: options.platform,
    conditions: options.conditions,
    mainFields: options.platform === "neutral" ? ["module", "main"] : undefined,
    minify: options.minify ?? false,
    plugins: options.fromSource ? [fromSource(["api-messages", "cards", "models"])] : [],
    logLevel: "silent",
  });
  return { code: result.outputFiles[0]?.text ?? "", metafile: result.metafile };
}

function fromSource(names: string[]): Plugin {
  const filter = new RegExp(`^@wx/(${names.join("|")})$`);
  return {
    name: "wx-from-source",
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: join(ROOT, "packages", args.path.slice(4), "src/index.ts") }));
    },
  };
}

/** The bundle's input files, by the package they belong to (`@wx/core`, `undici`, …; `app` for the entry). */
export function bytesByPackage(metafile: Metafile): Map<string, number> {
  const output = Object.values(metafile.outputs)[0];
  const sizes = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = packageOf(path);
    sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
  }
  return sizes;
}

function packageOf(path: string): string {
  const nodeModules = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop();
  if (nodeModules?.[1]) return nodeModules[1];
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  if (workspace?.[1]) return `@wx/${workspace[1]}`;
  return "app";
}
