import { checkFields, rules } from "./rules.js";
import type { Json, OrgSeed } from "./types.js";
import { checkJsonDepth } from "./validate.js";

/**
 * The org the emulator starts with (and returns to on reset): its name, roles, licences and people.
 * The default is like a current org's; a `seed` object, `--seed file.json` or `POST /_emulator/seed`
 * replaces any part of it.
 */

export interface SeedPerson {
  /** Names the person in `emu.tokens` and `emu.people` (`admin`, `user` and `bot` always exist). */
  key?: string;
  displayName: string;
  email?: string;
  type: "person" | "bot";
  roles: string[];
  /** Licence names; unset, a person gets the licences assigned to new users (a bot none). */
  licenses?: string[];
  fields: Json;
}

export interface SeedLicense {
  name: string;
  totalUnits: number;
  /** Whether people added later (POST /people, invitations, emu.addPerson) get it. */
  assignToNewUsers: boolean;
}

export interface ResolvedOrgSeed {
  displayName: string;
  roles: string[];
  licenses: SeedLicense[];
  people: SeedPerson[];
}

export const FULL_ADMIN = "Full Administrator";

export const DEFAULT_ROLES = [
  FULL_ADMIN,
  "Read-only Administrator",
  "User and Device Administrator",
  "Device Administrator",
  "Compliance Officer",
];

/** Today's licence names: the older "Messaging" and "Advanced Messaging" side by side. */
export const DEFAULT_LICENSES: SeedLicense[] = [
  { name: "Messaging", totalUnits: 1000, assignToNewUsers: true },
  { name: "Meeting - Webex Enterprise Edition", totalUnits: 1000, assignToNewUsers: true },
  { name: "Calling - Professional", totalUnits: 1000, assignToNewUsers: false },
  { name: "Advanced Messaging", totalUnits: 1000, assignToNewUsers: true },
];

const DEFAULT_PEOPLE: Record<"admin" | "user" | "bot", SeedPerson> = {
  admin: {
    key: "admin",
    displayName: "Ada Admin",
    email: "admin@emulated.example.com",
    type: "person",
    roles: [FULL_ADMIN],
    fields: {},
  },
  user: {
    key: "user",
    displayName: "Uma User",
    email: "user@emulated.example.com",
    type: "person",
    roles: [],
    fields: {},
  },
  bot: { key: "bot", displayName: "Emulated Bot", email: "emulated-bot@webex.bot", type: "bot", roles: [], fields: {} },
};

const personRules = rules({
  key: { type: "string" },
  displayName: { type: "string", required: true },
  email: { type: "email" },
  type: { type: "string", values: ["person", "bot"] },
  roles: { type: "strings" },
  licenses: { type: "strings" },
  firstName: { type: "string" },
  lastName: { type: "string" },
  nickName: { type: "string" },
  title: { type: "string" },
  department: { type: "string" },
  timezone: { type: "string" },
});

const seedRules = rules({
  random: { type: "number", integer: true, min: 0, max: Number.MAX_SAFE_INTEGER },
  org: { type: "object", fields: { displayName: { type: "string" } } },
  roles: { type: "strings" },
  licenses: {
    type: "objects",
    fields: {
      name: { type: "string", required: true },
      totalUnits: { type: "number", integer: true, min: 0 },
      assignToNewUsers: { type: "boolean" },
    },
  },
  people: { type: "objects", fields: personRules },
});

/** Checks an org seed (from JS, a file or the control API); problems are errors naming the field. */
export function readOrgSeed(value: OrgSeed | undefined): ResolvedOrgSeed & { random?: number } {
  if (value === undefined) return { ...defaults() };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error("seed must be a number or an object");
  }
  checkJsonDepth(value, "The seed");
  let input: ReturnType<typeof checkFields<typeof seedRules>>;
  try {
    input = checkFields(seedRules, value as unknown as Json);
  } catch (error) {
    throw new Error(`seed: ${(error as Error).message}`);
  }
  const roles = input.roles ?? DEFAULT_ROLES;
  const licenses =
    input.licenses?.map((l) => ({
      name: l.name,
      totalUnits: l.totalUnits ?? 1000,
      assignToNewUsers: l.assignToNewUsers ?? true,
    })) ?? DEFAULT_LICENSES;
  const given: SeedPerson[] = (input.people ?? []).map(
    ({ key, displayName, email, type, roles: r, licenses: l, ...fields }) => ({
      key,
      displayName,
      email,
      type: type ?? "person",
      roles: r ?? (key === "admin" ? [FULL_ADMIN] : []),
      licenses: l,
      fields,
    }),
  );
  // admin, user and bot always exist (emu.tokens has them): the defaults stand in for any not given.
  const keys = new Set(given.map((p) => p.key));
  const missing = (["admin", "user", "bot"] as const).filter((key) => !keys.has(key)).map((key) => DEFAULT_PEOPLE[key]);
  const people = [...missing, ...given];
  check(roles, licenses, people);
  return { random: input.random, displayName: input.org?.displayName ?? "Emulated Org", roles, licenses, people };
}

function defaults(): ResolvedOrgSeed {
  return {
    displayName: "Emulated Org",
    roles: DEFAULT_ROLES,
    licenses: DEFAULT_LICENSES,
    people: [DEFAULT_PEOPLE.admin, DEFAULT_PEOPLE.user, DEFAULT_PEOPLE.bot],
  };
}

function check(roles: string[], licenses: SeedLicense[], people: SeedPerson[]): void {
  const unique = (what: string, values: string[]) => {
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(value.toLowerCase())) throw new Error(`seed: ${what} ${value} appears twice`);
      seen.add(value.toLowerCase());
    }
  };
  unique("role", roles);
  unique(
    "licence",
    licenses.map((l) => l.name),
  );
  unique(
    "person key",
    people.flatMap((p) => (p.key ? [p.key] : [])),
  );
  unique(
    "email",
    people.flatMap((p) => (p.email ? [p.email] : [])),
  );
  const licenseNames = new Set(licenses.map((l) => l.name));
  for (const person of people) {
    for (const role of person.roles) {
      if (!roles.includes(role)) throw new Error(`seed: ${person.displayName} has the unknown role ${role}`);
    }
    for (const license of person.licenses ?? []) {
      if (!licenseNames.has(license)) throw new Error(`seed: ${person.displayName} has the unknown licence ${license}`);
    }
  }
}
