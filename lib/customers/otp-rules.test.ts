import { describe, expect, it } from "vitest";
import {
  hashOtpCode,
  maskPhone,
  newOtpCode,
  OTP_RESEND_GAP_MS,
  otpChallengeLive,
  otpCodeMatches,
  otpSendRefusal,
} from "./otp-rules";

const now = new Date("2026-12-02T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const sent = (msAgo: number, attempts = 0) => ({ createdAt: ago(msAgo), attempts });

describe("otpSendRefusal", () => {
  it("sends the first code", () => {
    expect(otpSendRefusal(now, [], [])).toBeNull();
  });

  it("refuses a resend within 30 s, with the seconds left", () => {
    expect(otpSendRefusal(now, [sent(10_000)], [])).toMatchObject({ retryAfterSeconds: 20 });
    expect(otpSendRefusal(now, [sent(OTP_RESEND_GAP_MS)], [])).toBeNull();
  });

  it("allows 5 sends per phone per hour, then waits for the oldest to leave the hour", () => {
    const four = [sent(50 * 60_000), sent(40 * 60_000), sent(30 * 60_000), sent(20 * 60_000)];
    expect(otpSendRefusal(now, four, [])).toBeNull();
    const five = [...four, sent(10 * 60_000)];
    expect(otpSendRefusal(now, five, [])).toMatchObject({ retryAfterSeconds: 10 * 60 });
    // Sends older than an hour do not count.
    expect(otpSendRefusal(now, [sent(61 * 60_000), ...four], [])).toBeNull();
  });

  it("cools a phone down for 15 minutes after 3 burnt challenges in an hour", () => {
    const burnt = [sent(30 * 60_000, 5), sent(20 * 60_000, 5), sent(10 * 60_000, 5)];
    expect(otpSendRefusal(now, burnt, [])).toMatchObject({ retryAfterSeconds: 5 * 60 });
    expect(otpSendRefusal(now, burnt.slice(0, 2), [])).toBeNull();
    const later = [sent(40 * 60_000, 5), sent(35 * 60_000, 5), sent(20 * 60_000, 5)];
    expect(otpSendRefusal(now, later, [])).toBeNull();
  });

  it("limits an address to 20 sends an hour whatever the phones", () => {
    const ip = Array.from({ length: 20 }, (_, i) => ({ createdAt: ago((i + 1) * 60_000) }));
    expect(otpSendRefusal(now, [], ip)).toMatchObject({ retryAfterSeconds: 60 * 60 - 20 * 60 });
    expect(otpSendRefusal(now, [], ip.slice(1))).toBeNull();
  });
});

describe("codes", () => {
  it("are six digits and differ", () => {
    const codes = new Set(Array.from({ length: 50 }, newOtpCode));
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(40);
  });

  it("match only their own phone and code", () => {
    const stored = hashOtpCode("s".repeat(32), "phoneA", "123456");
    expect(otpCodeMatches("s".repeat(32), "phoneA", "123456", stored)).toBe(true);
    expect(otpCodeMatches("s".repeat(32), "phoneB", "123456", stored)).toBe(false);
    expect(otpCodeMatches("s".repeat(32), "phoneA", "123457", stored)).toBe(false);
    expect(otpCodeMatches("t".repeat(32), "phoneA", "123456", stored)).toBe(false);
  });

  it("a challenge is live until used, burnt or expired", () => {
    const base = { expiresAt: new Date(now.getTime() + 1000), attempts: 0, consumedAt: null };
    expect(otpChallengeLive(base, now)).toBe(true);
    expect(otpChallengeLive({ ...base, attempts: 5 }, now)).toBe(false);
    expect(otpChallengeLive({ ...base, consumedAt: now }, now)).toBe(false);
    expect(otpChallengeLive({ ...base, expiresAt: now }, now)).toBe(false);
  });
});

describe("maskPhone", () => {
  it("keeps the country code and the last four digits", () => {
    expect(maskPhone("+12075550163")).toBe("+1 ••• ••• 0163");
    expect(maskPhone("+447700900123")).toBe("+44 ••• ••• 0123");
    expect(maskPhone(null)).toBe("");
  });
});
