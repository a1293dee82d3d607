// Imported by path for the reason given in emulator-fixture.ts: this ApiError is the one @wx/core resolves to.
import { ApiError } from "@wx/core";
import { expect } from "vitest";

/** Awaits `call`, which must fail with an ApiError carrying a tracking id, and returns that error. */
export async function apiError(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => expect.unreachable("expected the call to fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).trackingId).toBeTruthy();
  return error as ApiError;
}
