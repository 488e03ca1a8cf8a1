import { describe, expect, it } from "vitest";
import {
  blindIndex,
  blindIndexes,
  decryptPii,
  DEVELOPMENT_PII_ENV,
  encryptPii,
  parsePiiKeys,
  PiiDecryptError,
  piiKeyIdOf,
  piiKeyringFrom,
} from "./pii-crypto";

const k1 = Buffer.alloc(32, 1).toString("base64");
const k2 = Buffer.alloc(32, 2).toString("base64");
const HASH = "a-hash-key-of-at-least-32-characters!";
const ring = (keys: string, active?: string) =>
  piiKeyringFrom({ PII_KEYS: keys, PII_ACTIVE_KEY: active, PII_HASH_KEY: HASH });

describe("PII encryption (AES-256-GCM)", () => {
  it("round-trips text, including non-ASCII and the empty string", () => {
    const r = ring(`k1:${k1}`);
    for (const text of ["+12075550163", "ada@example.com", "Zoë Ångström ☕", ""])
      expect(decryptPii(r, encryptPii(r, text))).toBe(text);
  });

  it("writes the versioned compact format under the active key", () => {
    const value = encryptPii(ring(`k2:${k2},k1:${k1}`), "+12075550163");
    expect(value).toMatch(/^pii:v1:k2:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(piiKeyIdOf(value)).toBe("k2");
    expect(piiKeyIdOf("+12075550163")).toBeNull();
    expect(piiKeyIdOf(encryptPii(ring(`k2:${k2},k1:${k1}`, "k1"), "x"))).toBe("k1");
  });

  it("uses a fresh IV each time: the same text never encrypts the same twice", () => {
    const r = ring(`k1:${k1}`);
    const values = new Set(Array.from({ length: 200 }, () => encryptPii(r, "+12075550163")));
    expect(values.size).toBe(200);
    expect(new Set([...values].map((v) => v.split(":")[3])).size).toBe(200);
  });

  it("decrypts values of an older key while it is still listed", () => {
    const old = encryptPii(ring(`k1:${k1}`), "ada@example.com");
    expect(decryptPii(ring(`k2:${k2},k1:${k1}`), old)).toBe("ada@example.com");
  });

  it("refuses an unknown key id with a clear error", () => {
    const value = encryptPii(ring(`k1:${k1}`), "secret");
    expect(() => decryptPii(ring(`k2:${k2}`), value)).toThrow(PiiDecryptError);
    expect(() => decryptPii(ring(`k2:${k2}`), value)).toThrow(/Unknown PII key id "k1"/);
  });

  it("refuses tampered values instead of returning garbage", () => {
    const r = ring(`k1:${k1}`);
    const value = encryptPii(r, "+12075550163");
    const [p, v, id, iv, body] = value.split(":");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const bad of [
      [p, v, id, iv, flip(body)].join(":"), // ciphertext
      [p, v, id, flip(iv), body].join(":"), // IV
      [p, v, id, iv, body.slice(0, -4)].join(":"), // tag cut
      `pii:v1:k1:${iv}`, // truncated
      "+12075550163", // plaintext, not our format
    ])
      expect(() => decryptPii(r, bad)).toThrow(PiiDecryptError);
  });

  it("binds a value to its key id: relabelling it under another key fails", () => {
    const r = ring(`k2:${k1},k1:${k1}`); // same key bytes, different ids
    const value = encryptPii(r, "x");
    expect(() => decryptPii(r, value.replace("pii:v1:k2:", "pii:v1:k1:"))).toThrow(/failed authentication/);
  });
});

describe("blind index (HMAC-SHA256)", () => {
  it("is deterministic per key and kind, and differs across hash keys and kinds", () => {
    const a = ring(`k1:${k1}`);
    const b = piiKeyringFrom({ PII_KEYS: `k1:${k1}`, PII_HASH_KEY: `${HASH}-other` });
    expect(blindIndex(a, "phone", "+12075550163")).toBe(blindIndex(a, "phone", "+12075550163"));
    expect(blindIndex(a, "phone", "+12075550163")).not.toBe(blindIndex(b, "phone", "+12075550163"));
    expect(blindIndex(a, "phone", "x")).not.toBe(blindIndex(a, "email", "x"));
    expect(blindIndex(a, "phone", "+12075550163")).not.toContain("2075550163");
  });
});

describe("lookup hashes during a hash-key rotation (ADR 0050)", () => {
  const OLD = "the-old-hash-key-of-at-least-32-characters";
  const before = piiKeyringFrom({ PII_KEYS: `k1:${k1}`, PII_HASH_KEY: OLD });
  const during = piiKeyringFrom({ PII_KEYS: `k1:${k1}`, PII_HASH_KEY: HASH, PII_HASH_KEY_PREVIOUS: OLD });
  const after = piiKeyringFrom({ PII_KEYS: `k1:${k1}`, PII_HASH_KEY: HASH });

  it("is the current hash alone without a previous key", () => {
    expect(blindIndexes(after, "phone", "+12075550163")).toEqual([blindIndex(after, "phone", "+12075550163")]);
    expect(blindIndexes(before, "email", "a@b.c")).toEqual([blindIndex(before, "email", "a@b.c")]);
  });

  it("is the current hash, then the previous key's, while rotating; writes keep the current one", () => {
    const v = "+12075550163";
    expect(blindIndexes(during, "phone", v)).toEqual([blindIndex(after, "phone", v), blindIndex(before, "phone", v)]);
    expect(blindIndex(during, "phone", v)).toBe(blindIndex(after, "phone", v));
    // The kind still separates phones from emails under both keys.
    expect(blindIndexes(during, "email", v)).not.toContain(blindIndex(before, "phone", v));
  });

  it("refuses a short previous key, one equal to the current, or one without a new key", () => {
    const base = { PII_KEYS: `k1:${k1}`, PII_HASH_KEY: HASH };
    expect(() => piiKeyringFrom({ ...base, PII_HASH_KEY_PREVIOUS: "short" })).toThrow(/at least 32/);
    expect(() => piiKeyringFrom({ ...base, PII_HASH_KEY_PREVIOUS: HASH })).toThrow(/must differ/);
    expect(() => piiKeyringFrom({ PII_KEYS: `k1:${k1}`, PII_HASH_KEY_PREVIOUS: OLD })).toThrow(/without PII_HASH_KEY/);
    expect(piiKeyringFrom(base).previousHashKey).toBeUndefined();
  });
});

describe("keyring from the environment", () => {
  it("parses id:base64 entries, the first active unless PII_ACTIVE_KEY says otherwise", () => {
    expect(ring(`k2:${k2},k1:${k1}`).activeKeyId).toBe("k2");
    expect(ring(`k2:${k2},k1:${k1}`, "k1").activeKeyId).toBe("k1");
    expect(() => ring(`k2:${k2}`, "k9")).toThrow(/PII_ACTIVE_KEY k9 is not in PII_KEYS/);
    expect(() => parsePiiKeys("k1:c2hvcnQ=")).toThrow(/must be 32 bytes/);
    expect(() => parsePiiKeys(`bad id:${k1}`)).toThrow(/not a key id/);
    expect(() => parsePiiKeys(`k1:${k1},k1:${k2}`)).toThrow(/appears twice/);
  });

  it("falls back to the labelled development key outside production only", () => {
    const dev = piiKeyringFrom({ NODE_ENV: "development" });
    expect(dev.activeKeyId).toBe("dev");
    expect(DEVELOPMENT_PII_ENV.PII_KEYS.startsWith("dev:")).toBe(true);
    // The same key whether taken by default or passed explicitly (npm run app passes it to next start).
    const explicit = piiKeyringFrom({ NODE_ENV: "production", ...DEVELOPMENT_PII_ENV });
    expect(decryptPii(explicit, encryptPii(dev, "x"))).toBe("x");
    expect(blindIndex(explicit, "phone", "+1")).toBe(blindIndex(dev, "phone", "+1"));
    expect(() => piiKeyringFrom({ NODE_ENV: "production" })).toThrow(/required in production/);
  });
});
