import type { Json } from "../types.js";
import { type Store, table } from "./store.js";

/** A registrant of a series that takes registration; `cancelled` ones are no longer served. */
export interface RegistrantRecord {
  /** A UUID, as the service's. */
  id: string;
  seriesId: string;
  status: "approved" | "pending" | "rejected" | "cancelled";
  /** The form as submitted (names, email, job title, … customized answers). */
  form: Json;
  email: string;
  registrationId: string;
  registeredMs: number;
}

export const registrantRecords = table<RegistrantRecord>();

export function registrantsOf(store: Store): Map<string, RegistrantRecord> {
  return registrantRecords.of(store);
}

export function registrantsFor(store: Store, seriesId: string): RegistrantRecord[] {
  const out: RegistrantRecord[] = [];
  for (const registrant of registrantsOf(store).values()) {
    if (registrant.seriesId === seriesId && registrant.status !== "cancelled") out.push(registrant);
  }
  return out;
}
