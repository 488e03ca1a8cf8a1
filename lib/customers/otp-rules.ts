// Pure rules of phone verification (ADR 0045): how long a code lives, how many tries it takes,
// how often a phone or an address may ask for one. No I/O: request-otp.ts and verify-otp.ts feed
// them the challenges they read.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

export const OTP_DIGITS = 6;
/** A code is good for 5 minutes. */
export const OTP_TTL_MS = 5 * 60_000;
/** Wrong codes per challenge; the fifth burns it. */
export const OTP_MAX_ATTEMPTS = 5;
/** One send per phone per 30 s. */
export const OTP_RESEND_GAP_MS = 30_000;
/** Sends per phone in any hour. */
export const OTP_SENDS_PER_PHONE_HOUR = 5;
/** Sends from one address in any hour (a restaurant's wifi may hold a few customers at once). */
export const OTP_SENDS_PER_IP_HOUR = 20;
/** Burnt challenges per phone in an hour that start a cool-down… */
export const OTP_BURNT_BEFORE_COOL_DOWN = 3;
/** …of 15 minutes from the last burnt challenge. */
export const OTP_COOL_DOWN_MS = 15 * 60_000;
export const HOUR_MS = 3_600_000;

/** One earlier challenge of the same phone (or address), as the limits need it. */
export type PastChallenge = { createdAt: Date; attempts: number };

export type SendRefusal = { retryAfterSeconds: number; message: string };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Whether a code may be sent now, from what this phone and this address asked for in the last
 * hour. The answer depends only on earlier requests, never on whether the phone is a customer
 * (or blocked): no enumeration through the limits. Null = send.
 */
export function otpSendRefusal(
  now: Date,
  phone: readonly PastChallenge[],
  ip: readonly Pick<PastChallenge, "createdAt">[],
): SendRefusal | null {
  const t = now.getTime();
  const inHour = <T extends { createdAt: Date }>(list: readonly T[]) =>
    list
      .filter((c) => c.createdAt.getTime() > t - HOUR_MS)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const phoneHour = inHour(phone);
  const burnt = phoneHour.filter((c) => c.attempts >= OTP_MAX_ATTEMPTS);
  if (burnt.length >= OTP_BURNT_BEFORE_COOL_DOWN) {
    const until = burnt[burnt.length - 1].createdAt.getTime() + OTP_COOL_DOWN_MS;
    if (until > t)
      return {
        retryAfterSeconds: seconds(until - t),
        message: `Too many wrong codes. Try again in ${Math.ceil((until - t) / 60_000)} minutes.`,
      };
  }
  const last = phoneHour.at(-1);
  if (last && last.createdAt.getTime() + OTP_RESEND_GAP_MS > t)
    return {
      retryAfterSeconds: seconds(last.createdAt.getTime() + OTP_RESEND_GAP_MS - t),
      message: "A code was just sent. Wait a few seconds before asking for another.",
    };
  if (phoneHour.length >= OTP_SENDS_PER_PHONE_HOUR) {
    const until = phoneHour[phoneHour.length - OTP_SENDS_PER_PHONE_HOUR].createdAt.getTime() + HOUR_MS;
    return {
      retryAfterSeconds: seconds(until - t),
      message: `Too many codes asked for this number. Try again in ${Math.ceil((until - t) / 60_000)} minutes.`,
    };
  }
  const ipHour = inHour(ip);
  if (ipHour.length >= OTP_SENDS_PER_IP_HOUR) {
    const until = ipHour[ipHour.length - OTP_SENDS_PER_IP_HOUR].createdAt.getTime() + HOUR_MS;
    return {
      retryAfterSeconds: seconds(until - t),
      message: "Too many codes asked from this connection. Try again later.",
    };
  }
  return null;
}

/** A uniformly random 6-digit code (leading zeros kept). */
export function newOtpCode(): string {
  return String(randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, "0");
}

/** What is stored of a code: an HMAC bound to the phone, so a leaked row cannot be tried on another. */
export function hashOtpCode(secret: string, phoneHash: string, code: string): string {
  return createHmac("sha256", secret).update(`customer-otp:${phoneHash}:${code}`).digest("base64url");
}

export function otpCodeMatches(secret: string, phoneHash: string, code: string, stored: string): boolean {
  const given = Buffer.from(hashOtpCode(secret, phoneHash, code));
  const want = Buffer.from(stored);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Whether a challenge can still take a guess. */
export function otpChallengeLive(
  c: { expiresAt: Date; attempts: number; consumedAt: Date | null },
  now: Date,
): boolean {
  return !c.consumedAt && c.attempts < OTP_MAX_ATTEMPTS && c.expiresAt.getTime() > now.getTime();
}

/** "+1 ••• ••• 0163": enough for a customer to recognise their number, not enough to dial it. */
export function maskPhone(e164: string | null): string {
  if (!e164) return "";
  const digits = e164.replace(/\D/g, "");
  if (digits.length < 6) return "•".repeat(digits.length);
  return `+${digits.slice(0, Math.max(1, digits.length - 10))} ••• ••• ${digits.slice(-4)}`;
}
