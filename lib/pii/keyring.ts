import { piiKeyringFrom, type PiiKeyring } from "./pii-crypto";

let cached: PiiKeyring | undefined;

/** The process's keyring, from PII_KEYS / PII_ACTIVE_KEY / PII_HASH_KEY(_PREVIOUS) (read once). */
export function piiKeyring(): PiiKeyring {
  cached ??= piiKeyringFrom(process.env);
  return cached;
}

/** Tests swap the process's keyring (a hash-key rotation mid-run); undefined reads the environment again. */
export function setPiiKeyringForTests(ring: PiiKeyring | undefined): void {
  cached = ring;
}
