declare const __WX_CORE_VERSION__: string;
export const CORE_VERSION = typeof __WX_CORE_VERSION__ === "string" ? __WX_CORE_VERSION__ : "0.0.0-dev";

/** Which header names the SDK, and what it says there about the runtime. Set by the entry the export conditions picked. */
export interface UserAgentStyle {
  readonly header: string;
  runtime(): Record<string, unknown>;
}

/**
 * The fetch entry's: browsers forbid setting User-Agent (Chromium drops it, Firefox would add it to the CORS
 * preflight), so the SDK names itself in `Spark-User-Agent`, the header Cisco's own browser SDK sends, and the
 * runtime's own User-Agent stays. Nothing is sniffed, so the comment names only the entry.
 */
export const fetchUserAgent: UserAgentStyle = {
  header: "spark-user-agent",
  runtime: () => ({ implementation: { name: "fetch" } }),
};

let style: UserAgentStyle = fetchUserAgent;

export function useUserAgentStyle(value: UserAgentStyle): void {
  style = value;
}

/**
 * `wx/<version> {json}`, shaped like the Python SDK's comment, with `organization` carrying
 * `be_geo_id` and `caller` as usage metadata when given.
 */
export function buildUserAgent(options: { beGeoId?: string; caller?: string }): { name: string; value: string } {
  const comment = style.runtime();
  const organization: Record<string, string> = {};
  if (options.beGeoId) organization.be_geo_id = options.beGeoId;
  if (options.caller) organization.caller = options.caller;
  if (Object.keys(organization).length) comment.organization = organization;
  return { name: style.header, value: `wx/${CORE_VERSION} ${JSON.stringify(comment)}` };
}
