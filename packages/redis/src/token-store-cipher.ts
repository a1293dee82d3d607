import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { ValidationError, WebexError } from "@wx/core";

const VERSION = "v1:";

/** AES-256-GCM over the stored JSON, bound to the Redis key (as associated data) so a value cannot be moved. */
export interface TokenCipher {
  seal(plain: string): string;
  open(stored: string): string;
}

/**
 * A 32-byte key as bytes, or any string (its SHA-256 is the key, so give a long random secret, not a password).
 * Stored values look like `v1:<base64 of iv | tag | ciphertext>`.
 */
export function tokenCipher(encryptionKey: Uint8Array | string, key: string): TokenCipher {
  const secret = keyBytes(encryptionKey);
  const aad = Buffer.from(key);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", secret, iv).setAAD(aad);
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
    },
    open(stored) {
      if (!stored.startsWith(VERSION)) {
        throw new WebexError(`redisTokenStore: the value at ${key} is not encrypted, but an encryptionKey is set`);
      }
      const bytes = Buffer.from(stored.slice(VERSION.length), "base64");
      try {
        const decipher = createDecipheriv("aes-256-gcm", secret, bytes.subarray(0, 12)).setAAD(aad);
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
      } catch (error) {
        throw new WebexError(`redisTokenStore: the value at ${key} does not decrypt with this encryptionKey`, {
          cause: error,
        });
      }
    },
  };
}

function keyBytes(encryptionKey: Uint8Array | string): Buffer {
  if (typeof encryptionKey === "string" && encryptionKey.length > 0) {
    return createHash("sha256").update(encryptionKey).digest();
  }
  if (encryptionKey instanceof Uint8Array && encryptionKey.byteLength === 32) return Buffer.from(encryptionKey);
  throw new ValidationError("redisTokenStore: encryptionKey must be 32 bytes or a non-empty string", {
    argument: "encryptionKey",
  });
}
