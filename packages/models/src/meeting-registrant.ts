import type { RegistrantStatus } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** Someone registered for a meeting or webinar (the spec's `Registrant` and `RegistrantCreateResponse`). */
export interface MeetingRegistrant extends Extensible {
  /** Unique identifier for the registrant. */
  id: string;
  status: RegistrantStatus;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle?: string;
  companyName?: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  zipCode?: number;
  countryRegion?: string;
  workPhone?: string;
  fax?: string;
  /** When they registered, ISO 8601. */
  registrationTime?: string;
  /** Answers to the form's custom questions. */
  customizedQuestions?: RegistrantAnswers[];
  /** The invitation source they came from. */
  sourceId?: string;
  /** Registration ID, for webinars with registration IDs enabled. */
  registrationId?: string;
}

/** A registrant's answers to one custom question. */
export interface RegistrantAnswers extends Extensible {
  /** The question's `id` in the registration form. */
  questionId: number;
  /** The answers; a checkbox question may have several. */
  answers: { optionId?: number; answer: string }[];
}
