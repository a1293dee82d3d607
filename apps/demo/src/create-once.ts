import { ApiError, ConnectionError, TimeoutError } from "@wx/core";

/** True when a failed POST may or may not have taken effect on the server. */
export function isUncertain(error: unknown): boolean {
  return (
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    (error instanceof ApiError && error.status >= 500)
  );
}

/**
 * Creates something exactly once even when the service fails mid-way. The SDK never retries a POST that may
 * have reached the server (it could create twice), so after such a failure this asks `findExisting` whether
 * the first attempt took effect before trying again.
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  findExisting: () => Promise<T | undefined>,
  attempts = 6,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!isUncertain(error) || attempt >= attempts) throw error;
      const existing = await findExisting();
      if (existing !== undefined) return existing;
    }
  }
}
