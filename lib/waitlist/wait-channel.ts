import "server-only";
import { createHash } from "node:crypto";

/** SHA-256 of a status link's token, as stored in WaitlistEntry.tokenHash. */
export function hashWaitToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The public channel of one waiting party: derived from the stored hash (the server never keeps the
 * token) by hashing again, so neither the channel nor the database gives away the link (ADR 0030).
 */
export function waitChannel(tokenHash: string): string {
  return (
    "wait-" +
    createHash("sha256")
      .update("wait-channel:" + tokenHash)
      .digest("hex")
      .slice(0, 40)
  );
}
