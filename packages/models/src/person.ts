import type { PersonStatus, PersonType } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A phone number of a person. */
export interface PhoneNumber extends Extensible {
  /** The type of phone number, e.g. `work`, `work_extension`, `mobile`, `fax`. */
  type: string;
  /** The phone number. */
  value: string;
  /** Primary number for the person. */
  primary?: boolean;
}

/** A postal address of a person. */
export interface Address extends Extensible {
  /** The type of address, e.g. `work`. */
  type?: string;
  /** The user's country. */
  country?: string;
  /** The user's locality, often city. */
  locality?: string;
  /** The user's region, often state. */
  region?: string;
  /** The user's street. */
  streetAddress?: string;
  /** The user's postal or zip code. */
  postalCode?: string;
}

/** A SIP address of a person. */
export interface SipAddress extends Extensible {
  /** The type of SIP address: `personal-room`, `enterprise` or `cloud-calling`. */
  type: string;
  /** The SIP address. */
  value: string;
  /** Primary SIP address of the person. */
  primary?: boolean;
}

/** A person (user, bot or guest). */
export interface Person extends Extensible {
  /** A unique identifier for the person. */
  id: string;
  /** The email addresses of the person. */
  emails: string[];
  /** Phone numbers for the person. */
  phoneNumbers?: PhoneNumber[];
  /** The Webex Calling extension (Webex Calling license only). */
  extension?: string;
  /** The ID of the location for this person. */
  locationId?: string;
  /** The full name of the person. */
  displayName: string;
  /** The nickname of the person; absent when none is configured. */
  nickName?: string;
  /** The first name of the person. */
  firstName?: string;
  /** The last name of the person. */
  lastName?: string;
  /** The URL to the person's avatar in PNG format. */
  avatar?: string;
  /** The ID of the organization to which this person belongs. */
  orgId: string;
  /** Role IDs of this admin user. */
  roles?: string[];
  /** License IDs allocated to this person. */
  licenses?: string[];
  /** The business department the user belongs to. */
  department?: string;
  /** A manager identifier. */
  manager?: string;
  /** Person ID of the manager. */
  managerId?: string;
  /** The person's title. */
  title?: string;
  /** A person's addresses. */
  addresses?: Address[];
  /** The date and time the person was created. */
  created: string;
  /** The date and time the person was last changed. */
  lastModified?: string;
  /** The time zone of the person; absent when none is configured. */
  timezone?: string;
  /** The date and time of the person's last activity (people in your or a managed organization only). */
  lastActivity?: string;
  /** Site names where this user has a role (host or attendee). */
  siteUrls?: string[];
  /** The user's SIP addresses. Read-only. */
  sipAddresses?: SipAddress[];
  /** Identifier for intra-domain federation with XMPP based messengers. */
  xmppFederationJid?: string;
  /** The current presence status (people in your or a managed organization only). */
  status?: PersonStatus;
  /** Whether an invite is pending for account activation (admins only; the spec says the strings `"true"`/`"false"`). */
  invitePending?: "true" | "false" | boolean;
  /** Whether the user is allowed to use Webex (admins only; the spec says the strings `"true"`/`"false"`). */
  loginEnabled?: "true" | "false" | boolean;
  /** The type of person account, such as person or bot. */
  type: PersonType;
}
