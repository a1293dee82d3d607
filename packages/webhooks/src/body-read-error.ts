/** The request body could not be read to its end (the client went away mid-body). */
export class BodyReadError extends Error {
  constructor() {
    super("The request body was cut short");
    this.name = "BodyReadError";
  }
}

/** The request body did not arrive in full within `bodyTimeoutMs` (a stalled or trickling client). */
export class BodyTimeoutError extends Error {
  constructor() {
    super("The request body did not arrive in time");
    this.name = "BodyTimeoutError";
  }
}
