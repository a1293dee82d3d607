import { allResources } from "../src/resources/index.js";
import type { SpecName } from "./spec.js";
import { findOperations } from "./spec-operations.js";

/** The spec operations the emulator's routes serve, per spec, and its routes that no spec has (`POST access_token`). */
export function servedOperations(): { bySpec: Record<SpecName, string[]>; emulatorOnly: string[] } {
  const bySpec: Record<SpecName, string[]> = { messaging: [], admin: [], meeting: [] };
  const emulatorOnly: string[] = [];
  for (const resource of allResources) {
    for (const route of resource.routes) {
      // A parameter stands for any value: "x" is no literal segment of any spec path.
      const sample = route.path.replace(/:[A-Za-z]+/g, "x");
      const found = findOperations(route.method, sample);
      if (found.length === 0) emulatorOnly.push(`${route.method} ${route.path}`);
      for (const { spec, name } of found) if (!bySpec[spec].includes(name)) bySpec[spec].push(name);
    }
  }
  return { bySpec, emulatorOnly };
}
