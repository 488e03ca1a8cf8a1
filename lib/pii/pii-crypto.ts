// AES-256-GCM for personal data at rest (ADR 0043). No "server-only": scripts (pii:rotate, the seed) use it too.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

/**
 * Keys by id, the one new values are written with, and the HMAC key of the blind indexes; during a
 * hash-key rotation also the previous HMAC key, which lookups still accept (ADR 0050).
 */
export type PiiKeyring = {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
  hashKey: Buffer;
  previousHashKey?: Buffer;
};

/** A value that cannot be decrypted (unknown key id, tampered, not our format): never returned as garbage. */
export class PiiDecryptError extends Error {
  override name = "PiiDecryptError";
}

const PREFIX = "pii:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

const devKey = (label: string) =>
  createHash("sha256").update(`servicebell-${label}-development-only-not-secret`).digest("base64");

/**
 * The keys every development and test run shares when none is set: NOT secret (derived from a
 * fixed string in this file). `npm run app` passes them to its production build explicitly; a real
 * production start without PII_KEYS is refused (lib/env-schema.mjs and piiKeyringFrom below).
 */
export const DEVELOPMENT_PII_ENV = {
  PII_KEYS: `dev:${devKey("pii-key")}`,
  PII_HASH_KEY: devKey("pii-hash-key"),
} as const;

/** "k2:<base64 32 bytes>,k1:<…>" → Map; throws naming the bad entry. */
export function parsePiiKeys(raw: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of raw
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(":");
    const id = entry.slice(0, at);
    if (at < 1 || !KEY_ID.test(id))
      throw new Error(`PII_KEYS: "${id || entry.slice(0, 8)}" is not a key id (letters, digits, - and _)`);
    const key = Buffer.from(entry.slice(at + 1), "base64");
    if (key.length !== 32) throw new Error(`PII_KEYS: key ${id} must be 32 bytes in base64 (openssl rand -base64 32)`);
    if (keys.has(id)) throw new Error(`PII_KEYS: key id ${id} appears twice`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new Error("PII_KEYS holds no key");
  return keys;
}

type PiiEnv = {
  NODE_ENV?: string;
  PII_KEYS?: string;
  PII_ACTIVE_KEY?: string;
  PII_HASH_KEY?: string;
  PII_HASH_KEY_PREVIOUS?: string;
};

/** The keyring of an environment; the development keys for what is unset outside production. */
export function piiKeyringFrom(source: PiiEnv): PiiKeyring {
  if (source.NODE_ENV === "production" && (!source.PII_KEYS || !source.PII_HASH_KEY))
    throw new Error("PII_KEYS and PII_HASH_KEY are required in production");
  const keys = parsePiiKeys(source.PII_KEYS || DEVELOPMENT_PII_ENV.PII_KEYS);
  const activeKeyId = source.PII_ACTIVE_KEY || [...keys.keys()][0];
  if (!keys.has(activeKeyId)) throw new Error(`PII_ACTIVE_KEY ${activeKeyId} is not in PII_KEYS`);
  if (source.PII_HASH_KEY && source.PII_HASH_KEY.length < 32)
    throw new Error("PII_HASH_KEY must be at least 32 characters");
  const hashKey = Buffer.from(source.PII_HASH_KEY || DEVELOPMENT_PII_ENV.PII_HASH_KEY);
  const previous = source.PII_HASH_KEY_PREVIOUS;
  if (!previous) return { activeKeyId, keys, hashKey };
  if (!source.PII_HASH_KEY) throw new Error("PII_HASH_KEY_PREVIOUS is set without PII_HASH_KEY (the new hash key)");
  if (previous.length < 32) throw new Error("PII_HASH_KEY_PREVIOUS must be at least 32 characters");
  const previousHashKey = Buffer.from(previous);
  // The same key twice would look like a rotation while nothing rotates.
  if (previousHashKey.equals(hashKey)) throw new Error("PII_HASH_KEY_PREVIOUS must differ from PII_HASH_KEY");
  return { activeKeyId, keys, hashKey, previousHashKey };
}

/** `pii:v1:<keyId>:<iv b64url>:<ciphertext+tag b64url>`, under the active key, a fresh random IV each time. */
export function encryptPii(ring: PiiKeyring, plaintext: string): string {
  const key = ring.keys.get(ring.activeKeyId);
  if (!key) throw new Error(`PII key ${ring.activeKeyId} is not loaded`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  // The key id is authenticated too: moving a value to another key id fails, not decrypts.
  cipher.setAAD(Buffer.from(ring.activeKeyId));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${ring.activeKeyId}:${iv.toString("base64url")}:${body.toString("base64url")}`;
}

/** The key id a stored value was written with; null when it is not in our format. */
export function piiKeyIdOf(stored: string): string | null {
  if (!stored.startsWith(PREFIX)) return null;
  const id = stored.slice(PREFIX.length).split(":")[0];
  return KEY_ID.test(id) ? id : null;
}

export function decryptPii(ring: PiiKeyring, stored: string): string {
  const parts = stored.startsWith(PREFIX) ? stored.slice(PREFIX.length).split(":") : [];
  if (parts.length !== 3) throw new PiiDecryptError("Not an encrypted value (expected pii:v1:<key>:<iv>:<data>)");
  const [keyId, ivText, bodyText] = parts;
  const key = ring.keys.get(keyId);
  if (!key) throw new PiiDecryptError(`Unknown PII key id "${keyId.slice(0, 16)}": add it to PII_KEYS`);
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new PiiDecryptError("Encrypted value is truncated");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new PiiDecryptError(`Encrypted value failed authentication under key "${keyId}" (tampered or wrong key)`);
  }
}

/** The plaintext, or null when it cannot be decrypted (batch chores count those instead of failing). */
export function decryptPiiOrNull(ring: PiiKeyring, stored: string): string | null {
  try {
    return decryptPii(ring, stored);
  } catch (error) {
    if (error instanceof PiiDecryptError) return null;
    throw error;
  }
}

export type BlindIndexKind = "phone" | "email";

const hmacOf = (key: Buffer, kind: BlindIndexKind, normalised: string) =>
  // The kind is part of the input, so a phone and an email never share a hash.
  createHmac("sha256", key).update(`${kind}:${normalised}`).digest("base64url");

/**
 * HMAC-SHA256 of an already normalised value (E.164 phone, lower-cased email) under the current
 * hash key: equal values, equal hashes. What every write stores.
 */
export function blindIndex(ring: PiiKeyring, kind: BlindIndexKind, normalised: string): string {
  return hmacOf(ring.hashKey, kind, normalised);
}

/**
 * Every hash a lookup must match (ADR 0050): the current one first, then, while PII_HASH_KEY_PREVIOUS
 * is set, the previous key's, which rows not yet re-hashed (`npm run pii:rehash`) still carry.
 * The one place that rule lives: lookups use `{ in: blindIndexes(…) }`, never blindIndex alone.
 */
export function blindIndexes(ring: PiiKeyring, kind: BlindIndexKind, normalised: string): string[] {
  const current = hmacOf(ring.hashKey, kind, normalised);
  return ring.previousHashKey ? [current, hmacOf(ring.previousHashKey, kind, normalised)] : [current];
}

/**
 * The lookup hashes of a value already stored with its hash (a customer's phone matched against
 * blocks): the stored hash, plus, while rotating, both keys' hashes of the decrypted value, since
 * this row and the rows it is matched against may each be re-hashed or not yet. An undecryptable
 * value falls back to the stored hash alone.
 */
export function storedBlindIndexes(
  ring: PiiKeyring,
  kind: BlindIndexKind,
  stored: { hash: string | null; enc: string | null | undefined },
): string[] {
  const hashes = stored.hash ? [stored.hash] : [];
  const plain = ring.previousHashKey && stored.enc ? decryptPiiOrNull(ring, stored.enc) : null;
  return plain === null ? hashes : [...new Set([...blindIndexes(ring, kind, plain), ...hashes])];
}
