import type { RegistrationQuestionType, RegistrationRuleCondition, RegistrationRuleResult } from "./enums.js";
import type { Extensible } from "./extensible.js";

/**
 * A meeting's registration form: invitees register before they get the join link. Only for webinars and
 * meetings with a password and no `recurrence`.
 */
export interface MeetingRegistration extends Extensible {
  /** Whether registration requests are accepted automatically. */
  autoAcceptRequest?: boolean;
  /** Whether a registrant's first name is required. */
  requireFirstName?: boolean;
  /** Whether a registrant's last name is required. */
  requireLastName?: boolean;
  /** Whether a registrant's email is required. */
  requireEmail?: boolean;
  /** Whether a registrant's job title is shown or required. */
  requireJobTitle?: boolean;
  /** Whether a registrant's company name is shown or required. */
  requireCompanyName?: boolean;
  /** Whether a registrant's first address line is shown or required. */
  requireAddress1?: boolean;
  /** Whether a registrant's second address line is shown or required. */
  requireAddress2?: boolean;
  /** Whether a registrant's city is shown or required. */
  requireCity?: boolean;
  /** Whether a registrant's state is shown or required. */
  requireState?: boolean;
  /** Whether a registrant's postal code is shown or required. */
  requireZipCode?: boolean;
  /** Whether a registrant's country or region is shown or required. */
  requireCountryRegion?: boolean;
  /** Whether a registrant's work phone number is shown or required. */
  requireWorkPhone?: boolean;
  /** Whether a registrant's fax number is shown or required. */
  requireFax?: boolean;
  /** Maximum number of registrations (meetings only). */
  maxRegisterNum?: number;
  /** Custom questions of the form. */
  customizedQuestions?: RegistrationQuestion[];
  /** Automatic approval rules for the standard questions. */
  rules?: StandardQuestionRule[];
}

/** A custom question of a registration form. */
export interface RegistrationQuestion extends Extensible {
  /** Unique identifier for the question (set by the service). */
  id?: number;
  /** Title of the question. */
  question: string;
  /** Whether participants must answer it. */
  required?: boolean;
  type: RegistrationQuestionType;
  /** Longest answer (0 to 999), for the text box types. */
  maxLength?: number;
  /** The choices, for `checkbox`, `dropdownList` and `radioButtons`. */
  options?: { id: number; value: string }[];
  /** Automatic approval rules for this question. */
  rules?: RegistrationRule[];
}

/** An automatic approval rule: when the answer matches `value` by `condition`, `result` is applied. */
export interface RegistrationRule extends Extensible {
  condition: RegistrationRuleCondition;
  /** The keyword the answer is compared with. */
  value: string;
  result: RegistrationRuleResult;
  /** Whether the comparison is case-sensitive. */
  matchCase?: boolean;
  /** The order in which rules are applied. */
  order: number;
}

/** An automatic approval rule for one of the standard questions. */
export interface StandardQuestionRule extends RegistrationRule {
  question:
    | "lastName"
    | "email"
    | "jobTitle"
    | "companyName"
    | "address1"
    | "address2"
    | "city"
    | "state"
    | "zipCode"
    | "countryRegion"
    | "workPhone"
    | "fax";
}
