import { piiKeyringFrom, type PiiKeyring } from "./pii-crypto";

let cached: PiiKeyring | undefined;

/** The process's keyring, from PII_KEYS / PII_ACTIVE_KEY / PII_HASH_KEY (read once). */
export function piiKeyring(): PiiKeyring {
  cached ??= piiKeyringFrom(process.env);
  return cached;
}
