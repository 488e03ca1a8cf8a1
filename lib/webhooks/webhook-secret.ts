import "server-only";
import { randomBytes } from "node:crypto";

/** A signing key (256 random bits): stored as is, because signing needs it (ADR 0042). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
