import type { Extensible } from "./extensible.js";

/** Access token of a guest user, from `POST /jwt/login`. */
export interface GuestIssuerToken extends Extensible {
  /** The guest's access token. */
  token: string;
  /** Seconds until the token expires. */
  expiresIn: number;
}
