import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  decide,
  idempotencyKeySchema,
  lockKeyOf,
  requestHash,
  toStoredText,
  type StoredKey,
} from "./rules";

const now = new Date("2026-11-21T20:00:00Z");
const key = (over: Partial<StoredKey>): StoredKey => ({
  requestHash: "h1",
  status: "COMPLETED",
  expiresAt: new Date(now.getTime() + 3600_000),
  ...over,
});

describe("request fingerprint", () => {
  it("ignores key order and undefined fields, not array order or values", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: "x" }, z: undefined })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
    const a = requestHash("orders.send", "loc1", { orderId: "o", items: [{ menuItemId: "m", quantity: 1 }] });
    const b = requestHash("orders.send", "loc1", { items: [{ quantity: 1, menuItemId: "m" }], orderId: "o" });
    expect(a).toBe(b);
    expect(requestHash("orders.send", "loc1", { orderId: "o", items: [{ menuItemId: "m", quantity: 2 }] })).not.toBe(a);
  });

  it("binds scope and location", () => {
    const body = { orderId: "o" };
    expect(requestHash("orders.send", "loc1", body)).not.toBe(requestHash("orders.fire", "loc1", body));
    expect(requestHash("orders.send", "loc1", body)).not.toBe(requestHash("orders.send", "loc2", body));
  });
});

describe("what to do with a seen key", () => {
  it("replays a completed identical request", () => {
    expect(decide(key({}), "h1", now)).toBe("replay");
  });

  it("refuses the same key for a different request (422)", () => {
    expect(decide(key({}), "h2", now)).toBe("mismatch");
    expect(decide(key({ status: "IN_PROGRESS" }), "h2", now)).toBe("mismatch");
  });

  it("takes over a row no live attempt holds (the lock was free), and any expired key", () => {
    expect(decide(key({ status: "IN_PROGRESS" }), "h1", now)).toBe("take-over");
    expect(decide(key({ expiresAt: new Date(now.getTime() - 1) }), "h2", now)).toBe("take-over");
  });
});

describe("keys and stored answers", () => {
  it("accepts UUIDs and similar tokens, refuses junk", () => {
    expect(idempotencyKeySchema.safeParse("4f9c2a4e-4f0b-4b8e-9f3a-2f9d6c1b7e21").success).toBe(true);
    expect(idempotencyKeySchema.safeParse("short").success).toBe(false);
    expect(idempotencyKeySchema.safeParse("has spaces in it").success).toBe(false);
    expect(idempotencyKeySchema.safeParse("x".repeat(129)).success).toBe(false);
  });

  it("stores the answer as JSON text, key order kept, so a replay is byte-identical", () => {
    const text = toStoredText({ z: 1, at: new Date("2026-11-21T20:00:00Z"), a: [2, 1], skip: undefined });
    expect(text).toBe('{"z":1,"at":"2026-11-21T20:00:00.000Z","a":[2,1]}');
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
    expect(toStoredText(undefined)).toBe("null");
  });

  it("derives a stable 64-bit lock key per user, scope and key", () => {
    const k = lockKeyOf("u1", "orders.send", "abc12345");
    expect(k).toBe(lockKeyOf("u1", "orders.send", "abc12345"));
    expect(k).not.toBe(lockKeyOf("u2", "orders.send", "abc12345"));
    expect(k).not.toBe(lockKeyOf("u1", "orders.fire", "abc12345"));
    expect(k >= -(2n ** 63n) && k < 2n ** 63n).toBe(true);
  });
});
