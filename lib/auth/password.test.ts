import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from "./password";

describe("argon2id hashing", () => {
  it("hashes with argon2id at OWASP parameters", async () => {
    const h = await hashPassword("a sensible long passphrase");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const h = await hashPassword("a sensible long passphrase");
    expect(await verifyPassword(h, "a sensible long passphrase")).toBe(true);
    expect(await verifyPassword(h, "a sensible long passphrasE")).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("same password twice")).not.toBe(await hashPassword("same password twice"));
  });

  it("treats a malformed stored hash as a mismatch, not a crash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });
});
