import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema.mjs";

const valid = { DATABASE_URL: "postgresql://u@h:5432/db", NEXTAUTH_SECRET: "x".repeat(32) };

describe("environment validation", () => {
  it("accepts a minimal valid environment and applies defaults", () => {
    const e = parseEnv(valid);
    expect(e.PUSHER_KEY).toBe("kitchen-key");
    expect(e.PUSHER_USE_TLS).toBe(false);
    expect(e.LOG_LEVEL).toBe("info");
  });

  it("names a missing variable", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "x".repeat(32) })).toThrow(/DATABASE_URL/);
  });

  it("names a malformed variable", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://nope" })).toThrow(/DATABASE_URL must be a postgresql/);
    expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET must be at least 32/);
    expect(() => parseEnv({ ...valid, PUSHER_PORT: "abc" })).toThrow(/PUSHER_PORT/);
  });

  it("refuses production without PII keys, and malformed keys anywhere (ADR 0043)", () => {
    const keys = {
      PII_KEYS: `k2:${Buffer.alloc(32, 2).toString("base64")},k1:${Buffer.alloc(32, 1).toString("base64")}`,
    };
    const hash = { PII_HASH_KEY: "h".repeat(32) };
    expect(() => parseEnv({ ...valid, NODE_ENV: "production" })).toThrow(/PII_KEYS is required in production/);
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", ...keys })).toThrow(/PII_HASH_KEY is required/);
    expect(parseEnv({ ...valid, NODE_ENV: "production", ...keys, ...hash }).PII_KEYS).toBe(keys.PII_KEYS);
    expect(() => parseEnv({ ...valid, PII_KEYS: "k1:c2hvcnQ=" })).toThrow(/PII_KEYS must be id:<base64 of 32 bytes>/);
    expect(() => parseEnv({ ...valid, ...keys, PII_ACTIVE_KEY: "k3" })).toThrow(/PII_ACTIVE_KEY is not a key id/);
    expect(() => parseEnv({ ...valid, PII_HASH_KEY: "short" })).toThrow(/PII_HASH_KEY must be at least 32/);
  });

  it("takes a previous hash key only beside a different new one (ADR 0050)", () => {
    const hash = { PII_HASH_KEY: "n".repeat(32) };
    expect(parseEnv({ ...valid, ...hash, PII_HASH_KEY_PREVIOUS: "o".repeat(32) }).PII_HASH_KEY_PREVIOUS).toBe(
      "o".repeat(32),
    );
    expect(parseEnv({ ...valid, ...hash }).PII_HASH_KEY_PREVIOUS).toBeUndefined();
    expect(() => parseEnv({ ...valid, ...hash, PII_HASH_KEY_PREVIOUS: "short" })).toThrow(
      /PII_HASH_KEY_PREVIOUS must be at least 32/,
    );
    expect(() => parseEnv({ ...valid, PII_HASH_KEY_PREVIOUS: "o".repeat(32) })).toThrow(
      /PII_HASH_KEY \(the new hash key\) is required/,
    );
    expect(() => parseEnv({ ...valid, ...hash, PII_HASH_KEY_PREVIOUS: hash.PII_HASH_KEY })).toThrow(
      /PII_HASH_KEY_PREVIOUS must differ/,
    );
  });

  it("accepts only smtp(s):// mail servers and defaults the sender", () => {
    expect(parseEnv({ ...valid, SMTP_URL: "smtp://u:p@mail.test:587" }).SMTP_URL).toBe("smtp://u:p@mail.test:587");
    expect(() => parseEnv({ ...valid, SMTP_URL: "http://mail.test" })).toThrow(/SMTP_URL must be an smtp/);
    expect(parseEnv(valid).MAIL_FROM).toMatch(/ServiceBell/);
  });

  it("texts guests only when the SMS provider is fully configured", () => {
    expect(parseEnv(valid).SMS_PROVIDER).toBeUndefined();
    const twilio = {
      ...valid,
      SMS_PROVIDER: "twilio",
      TWILIO_ACCOUNT_SID: "AC0123456789",
      TWILIO_AUTH_TOKEN: "secret-token",
      TWILIO_FROM: "+12075550100",
    };
    expect(parseEnv(twilio).TWILIO_FROM).toBe("+12075550100");
    expect(() => parseEnv({ ...twilio, TWILIO_AUTH_TOKEN: "" })).toThrow(/TWILIO_AUTH_TOKEN is required/);
    expect(() => parseEnv({ ...twilio, SMS_PROVIDER: "carrier-pigeon" })).toThrow(/SMS_PROVIDER/);
    expect(() => parseEnv({ ...twilio, TWILIO_API_BASE: "not a url" })).toThrow(/TWILIO_API_BASE must be a URL/);
  });

  it("takes the customer-text providers log and outbox; outbox needs its file", () => {
    expect(parseEnv({ ...valid, SMS_PROVIDER: "log" }).SMS_PROVIDER).toBe("log");
    expect(() => parseEnv({ ...valid, SMS_PROVIDER: "outbox" })).toThrow(/SMS_OUTBOX_FILE is required/);
    expect(parseEnv({ ...valid, SMS_PROVIDER: "outbox", SMS_OUTBOX_FILE: "/tmp/sms.jsonl" }).SMS_OUTBOX_FILE).toBe(
      "/tmp/sms.jsonl",
    );
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...valid, REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("reads TRUST_PROXY as a number of proxy hops", () => {
    expect(parseEnv(valid).TRUST_PROXY).toBe(0);
    expect(parseEnv({ ...valid, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ ...valid, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ ...valid, TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});
