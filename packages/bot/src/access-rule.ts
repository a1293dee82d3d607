/**
 * Who may talk to the bot: `allowedDomains` (the part of an email after `@`, matched exactly and without
 * regard to case: `example.com` does not admit `eng.example.com`) and `allowedEmails`. With neither, everyone.
 */
export interface AccessRule {
  /** Whether any rule is configured (without one, nobody's email needs to be looked up). */
  readonly restricted: boolean;
  allows(email: string | undefined): boolean;
}

export function accessRule(domains: readonly string[] | undefined, emails: readonly string[] | undefined): AccessRule {
  const allowedDomains = new Set(checkList(domains, "allowedDomains", (value) => !value.includes("@")));
  const allowedEmails = new Set(checkList(emails, "allowedEmails", (value) => /^[^@\s]+@[^@\s]+$/.test(value)));
  const restricted = domains !== undefined || emails !== undefined;
  return {
    restricted,
    allows(email) {
      if (!restricted) return true;
      if (email === undefined) return false;
      const normalized = email.trim().toLowerCase();
      const domain = normalized.slice(normalized.lastIndexOf("@") + 1);
      return allowedEmails.has(normalized) || allowedDomains.has(domain);
    },
  };
}

function checkList(list: readonly string[] | undefined, name: string, valid: (value: string) => boolean): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new TypeError(`new Bot: options.${name} must be an array of strings`);
  return list.map((value) => {
    if (typeof value !== "string" || value.trim() === "" || !valid(value.trim())) {
      throw new TypeError(`new Bot: options.${name} holds ${JSON.stringify(value)}, which is not a valid entry`);
    }
    return value.trim().toLowerCase();
  });
}
