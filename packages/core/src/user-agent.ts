import { arch, platform, release } from "node:os";

declare const __WX_CORE_VERSION__: string;
export const CORE_VERSION = typeof __WX_CORE_VERSION__ === "string" ? __WX_CORE_VERSION__ : "0.0.0-dev";

/**
 * `wx/<version> {json}`, shaped like the Python SDK's comment, with `organization` carrying
 * `be_geo_id` and `caller` as usage metadata when given.
 */
export function buildUserAgent(options: { beGeoId?: string; caller?: string }): string {
  const comment: Record<string, unknown> = {
    implementation: { name: "Node.js", version: process.versions.node },
    system: { name: platform(), release: release() },
    cpu: arch(),
  };
  const organization: Record<string, string> = {};
  if (options.beGeoId) organization.be_geo_id = options.beGeoId;
  if (options.caller) organization.caller = options.caller;
  if (Object.keys(organization).length) comment.organization = organization;
  return `wx/${CORE_VERSION} ${JSON.stringify(comment)}`;
}
