import { loadSpec, SPEC_NAMES, type SpecName, type SpecOperation } from "./spec.js";

/** An operation of one spec, found for a concrete request path. */
export interface FoundOperation {
  spec: SpecName;
  /** `GET /rooms/{roomId}`: the method and the spec's path template. */
  name: string;
  operation: SpecOperation;
  /** The path parameters, decoded, by the spec's names. */
  params: Record<string, string>;
}

interface Template {
  path: string;
  segments: string[];
  /** Literal segments: among templates that match, the most literal one is the operation (as routers do). */
  literals: number;
}

const templates = new Map<SpecName, Template[]>();

function templatesOf(spec: SpecName): Template[] {
  let list = templates.get(spec);
  if (!list) {
    list = Object.keys(loadSpec(spec).paths).map((path) => {
      const segments = path.split("/").slice(1);
      return { path, segments, literals: segments.filter((segment) => !segment.startsWith("{")).length };
    });
    list.sort((a, b) => b.literals - a.literals);
    templates.set(spec, list);
  }
  return list;
}

function matchTemplate(template: Template, parts: string[]): Record<string, string> | undefined {
  if (template.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = template.segments[i] as string;
    const part = parts[i] as string;
    if (segment.startsWith("{") && segment.endsWith("}")) {
      if (part === "") return undefined;
      params[segment.slice(1, -1)] = safeDecode(part);
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * The operations of every spec for `method` and a path below /v1/ (`rooms/Y2lz…`): one per spec that has
 * the path with that method. HEAD is looked up as GET, as the emulator serves it.
 */
export function findOperations(method: string, path: string): FoundOperation[] {
  const verb = (method === "HEAD" ? "GET" : method).toLowerCase();
  const parts = path.split("/");
  const found: FoundOperation[] = [];
  for (const spec of SPEC_NAMES) {
    const paths = loadSpec(spec).paths;
    for (const template of templatesOf(spec)) {
      const params = matchTemplate(template, parts);
      if (!params) continue;
      const operation = paths[template.path]?.[verb];
      if (operation) found.push({ spec, name: `${verb.toUpperCase()} ${template.path}`, operation, params });
      // The most literal template that matches is the path the request meant, whatever its methods.
      break;
    }
  }
  return found;
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Every operation of a spec, as `GET /rooms/{roomId}`. */
export function operationsOf(spec: SpecName): string[] {
  const names: string[] = [];
  for (const [path, item] of Object.entries(loadSpec(spec).paths)) {
    for (const method of Object.keys(item)) if (METHODS.has(method)) names.push(`${method.toUpperCase()} ${path}`);
  }
  return names;
}
