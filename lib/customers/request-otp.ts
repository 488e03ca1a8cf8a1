import "server-only";
import { createHmac } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { rateLimitedError } from "../http/rate-limit-headers";
import { limiter } from "../ops/rate-limit";
import { normalisePhone } from "../reservations/find-or-create-guest";
import { parseInput } from "../validation";
import { customerPhoneHash, customerPhoneHashes } from "./customer-contact";
import { notifyCustomer } from "./notify-customer";
import { findOrderingLocation } from "./ordering-location";
import { HOUR_MS, hashOtpCode, newOtpCode, OTP_RESEND_GAP_MS, OTP_TTL_MS, otpSendRefusal } from "./otp-rules";
import { requestOtpSchema, type RequestOtpInput } from "./schemas";

export type OtpMeta = { requestId: string; ip: string };

/** Keyed hash of the caller's address: per-address limits without keeping the address. */
export function otpIpHash(ip: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`customer-otp-ip:${ip}`).digest("base64url");
}

/**
 * "Text me a code" (ADR 0045). The answer is the same for a new phone, a customer and a blocked
 * phone — `{ sent: true, resendInSeconds }` — and a refusal (429) depends only on earlier requests
 * for the phone and from the address, so neither tells whether the number is known.
 */
export async function requestOtp(
  raw: RequestOtpInput,
  meta: OtpMeta,
  now = new Date(),
): Promise<{ sent: true; resendInSeconds: number }> {
  const input = parseInput(requestOtpSchema, raw);
  const location = await findOrderingLocation(input.locationSlug);
  const phone = normalisePhone(input.phone, location.country);
  const phoneHash = customerPhoneHash(phone);
  const ipHash = otpIpHash(meta.ip);

  const coarse = limiter("customer-otp-ip");
  const verdict = await coarse.limit(ipHash);
  if (!verdict.success) throw rateLimitedError(coarse.policy, verdict, "Too many codes asked from this connection");

  const code = newOtpCode();
  await db.$transaction(async (tx) => {
    // One request per phone at a time, so two quick taps cannot both pass the 30-second rule.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`otp:${location.id}:${phoneHash}`}))`;
    const since = new Date(now.getTime() - HOUR_MS);
    const [byPhone, byIp] = await Promise.all([
      tx.otpChallenge.findMany({
        // Codes sent under the previous hash key count too (ADR 0050): a rotation resets no limit.
        where: { locationId: location.id, phoneHash: { in: customerPhoneHashes(phone) }, createdAt: { gt: since } },
        select: { createdAt: true, attempts: true },
      }),
      tx.otpChallenge.findMany({
        where: { locationId: location.id, ipHash, createdAt: { gt: since } },
        select: { createdAt: true },
      }),
    ]);
    const refusal = otpSendRefusal(now, byPhone, byIp);
    if (refusal)
      throw new AppError(
        "RATE_LIMITED",
        refusal.message,
        undefined,
        { retryAfterSeconds: refusal.retryAfterSeconds },
        { "Retry-After": String(refusal.retryAfterSeconds) },
      );
    await tx.otpChallenge.create({
      data: {
        locationId: location.id,
        phoneHash,
        ipHash,
        codeHash: hashOtpCode(env().NEXTAUTH_SECRET, phoneHash, code),
        expiresAt: new Date(now.getTime() + OTP_TTL_MS),
        createdAt: now,
      },
    });
  });
  await notifyCustomer({
    locationId: location.id,
    customerId: null,
    to: phone,
    kind: "OTP",
    body: `${code} is your ${location.name} code. It expires in 5 minutes.`,
  });
  return { sent: true, resendInSeconds: OTP_RESEND_GAP_MS / 1000 };
}
