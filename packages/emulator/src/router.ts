import type { Route } from "./resource.js";
import { decodeComponent } from "./validate.js";

interface Pattern {
  route: Route;
  segments: string[];
}

export interface Match {
  route?: Route;
  params: Record<string, string>;
  /** Methods the path has when `route` is absent (a 405 then, with `Allow`). */
  allowed: string[];
}

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Routes under /v1/. Literal paths are one map lookup; the rest are matched segment by segment in
 * declaration order. A literal route wins over a parameter route for the same method.
 */
export class Router {
  private readonly literal = new Map<string, Map<string, Route>>();
  private readonly patterns: Pattern[] = [];

  constructor(routes: Route[]) {
    for (const route of routes) {
      if (route.path.includes(":")) {
        this.patterns.push({ route, segments: route.path.split("/") });
        continue;
      }
      let byMethod = this.literal.get(route.path);
      if (!byMethod) {
        byMethod = new Map();
        this.literal.set(route.path, byMethod);
      }
      if (!byMethod.has(route.method)) byMethod.set(route.method, route);
    }
  }

  match(method: string, path: string): Match {
    const effective = method === "HEAD" ? "GET" : method;
    const byMethod = this.literal.get(path);
    const found = byMethod?.get(effective);
    if (found) return { route: found, params: NO_PARAMS, allowed: [] };
    const allowed = byMethod ? [...byMethod.keys()] : [];
    const parts = path.split("/");
    for (const { route, segments } of this.patterns) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      if (route.method === effective) return { route, params, allowed };
      allowed.push(route.method);
    }
    return { params: NO_PARAMS, allowed };
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const part = parts[i] as string;
    if (segment.startsWith(":")) {
      if (part === "") return undefined;
      params[segment.slice(1)] = decodeComponent(part) ?? part;
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}
