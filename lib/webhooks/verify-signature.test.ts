import { describe, expect, it } from "vitest";
import { computeSignature, signatureHeader, verifyWebhookSignature } from "./verify-signature";

const secret = "whsec_test";
const body = '{"id":"evt_1","type":"order.sent","data":{"orderId":"o1"}}';
const now = new Date("2026-12-02T03:00:00Z");
const t = Math.floor(now.getTime() / 1000);

describe("webhook signatures", () => {
  it("signs t.<body> and verifies it", () => {
    const header = signatureHeader(secret, t, body);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ rawBody: body, header, secret, now })).toEqual({ ok: true, timestamp: t });
  });

  it("matches Node's HMAC of the documented string", async () => {
    const { createHmac } = await import("node:crypto");
    expect(computeSignature(secret, t, body)).toBe(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  });

  it("refuses a tampered body, another secret, a changed timestamp", () => {
    const header = signatureHeader(secret, t, body);
    expect(verifyWebhookSignature({ rawBody: body.replace("o1", "o2"), header, secret, now }).ok).toBe(false);
    expect(verifyWebhookSignature({ rawBody: body, header, secret: "whsec_other", now }).ok).toBe(false);
    const moved = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyWebhookSignature({ rawBody: body, header: moved, secret, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses timestamps outside the tolerance (replays), either side", () => {
    const old = signatureHeader(secret, t - 301, body);
    expect(verifyWebhookSignature({ rawBody: body, header: old, secret, now })).toEqual({
      ok: false,
      reason: "too-old",
    });
    const edge = signatureHeader(secret, t - 300, body);
    expect(verifyWebhookSignature({ rawBody: body, header: edge, secret, now }).ok).toBe(true);
    const future = signatureHeader(secret, t + 301, body);
    expect(verifyWebhookSignature({ rawBody: body, header: future, secret, now })).toEqual({
      ok: false,
      reason: "in-future",
    });
    expect(verifyWebhookSignature({ rawBody: body, header: old, secret, now, toleranceSeconds: 600 }).ok).toBe(true);
  });

  it("refuses malformed headers without throwing; accepts any matching v1 of several", () => {
    for (const header of [undefined, null, "", "v1=abc", `t=${t}`, `t=abc,v1=${"0".repeat(64)}`, `t=${t},v1=zz`])
      expect(verifyWebhookSignature({ rawBody: body, header, secret, now })).toEqual({
        ok: false,
        reason: "malformed",
      });
    const good = computeSignature(secret, t, body);
    const both = `t=${t},v1=${"0".repeat(64)},v1=${good}`;
    expect(verifyWebhookSignature({ rawBody: body, header: both, secret, now }).ok).toBe(true);
  });
});
