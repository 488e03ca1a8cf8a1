import "server-only";
import { env } from "../env";

/** Private/loopback targets: allowed outside production unless WEBHOOK_ALLOW_PRIVATE says otherwise. */
export function allowPrivateTargets(): boolean {
  const e = env();
  return e.WEBHOOK_ALLOW_PRIVATE ?? e.NODE_ENV !== "production";
}
