import "server-only";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { normalisePhone } from "../reservations/find-or-create-guest";
import { parseInput } from "../validation";
import { customerPhoneHashes, encodeCustomerPhone } from "./customer-contact";
import { startCustomerSession } from "./customer-session";
import { findOrderingLocation } from "./ordering-location";
import { OTP_MAX_ATTEMPTS, otpChallengeLive, otpCodeMatches } from "./otp-rules";
import type { OtpMeta } from "./request-otp";
import { verifyOtpSchema, type VerifyOtpInput } from "./schemas";

const expired = () =>
  new AppError(
    "VALIDATION",
    "This code has expired or was used up. Ask for a new one.",
    { code: ["This code has expired or was used up. Ask for a new one."] },
    { attemptsLeft: 0 },
  );

/**
 * Checks a code against the phone's latest challenge. Wrong: one attempt gone (counted atomically,
 * so parallel guesses each count); the fifth burns the challenge (audited). Right: the challenge
 * is used, the customer created on first success (a first name is then required), a session opened.
 */
export async function verifyOtp(raw: VerifyOtpInput, meta: OtpMeta, now = new Date()) {
  const input = parseInput(verifyOtpSchema, raw);
  const location = await findOrderingLocation(input.locationSlug);
  const phone = normalisePhone(input.phone, location.country);
  // Both hash keys while one is rotated out (ADR 0050): a code sent just before still works.
  const phoneHashes = customerPhoneHashes(phone);
  const challenge = await db.otpChallenge.findFirst({
    where: { locationId: location.id, phoneHash: { in: phoneHashes } },
    orderBy: { createdAt: "desc" },
    select: { id: true, phoneHash: true, codeHash: true, attempts: true, expiresAt: true, consumedAt: true },
  });
  if (!challenge || !otpChallengeLive(challenge, now)) throw expired();

  // The code was hashed with the phone hash of its day: check it against that one.
  if (!otpCodeMatches(env().NEXTAUTH_SECRET, challenge.phoneHash, input.code, challenge.codeHash)) {
    const rows = await db.$queryRaw<{ attempts: number }[]>`
      UPDATE "OtpChallenge" SET "attempts" = "attempts" + 1
      WHERE "id" = ${challenge.id} AND "attempts" < ${OTP_MAX_ATTEMPTS} AND "consumedAt" IS NULL
      RETURNING "attempts"`;
    if (rows.length === 0) throw expired();
    const left = OTP_MAX_ATTEMPTS - rows[0].attempts;
    if (left === 0)
      await recordAudit({
        action: "customer.otp_burnt",
        locationId: location.id,
        entityType: "OtpChallenge",
        entityId: challenge.id,
        details: { attempts: OTP_MAX_ATTEMPTS },
        ip: meta.ip,
        requestId: meta.requestId,
      });
    const message =
      left === 0
        ? "Wrong code. That was the last try: ask for a new code."
        : `Wrong code. ${left} ${left === 1 ? "try" : "tries"} left.`;
    throw new AppError("VALIDATION", message, { code: [message] }, { attemptsLeft: left });
  }

  const existing = await db.customer.findFirst({
    where: { locationId: location.id, phoneHash: { in: phoneHashes } },
    select: { id: true },
  });
  if (!existing && !input.firstName)
    throw new AppError(
      "VALIDATION",
      "Enter your first name (the kitchen and the driver call you by it)",
      { firstName: ["Enter your first name"] },
      { needsFirstName: true },
    );

  return db.$transaction(async (tx) => {
    const used = await tx.otpChallenge.updateMany({
      where: { id: challenge.id, consumedAt: null, attempts: { lt: OTP_MAX_ATTEMPTS }, expiresAt: { gt: now } },
      data: { consumedAt: now },
    });
    if (used.count === 0) throw expired();
    let customer: { id: string; firstName: string };
    let isNew = false;
    if (existing) {
      customer = await tx.customer.update({
        where: { id: existing.id },
        data: { lastSeenAt: now, ...(input.firstName ? { firstName: input.firstName } : {}) },
        select: { id: true, firstName: true },
      });
    } else {
      isNew = true;
      customer = await tx.customer.create({
        data: {
          locationId: location.id,
          firstName: input.firstName ?? "",
          ...encodeCustomerPhone(phone),
          createdAt: now,
          lastSeenAt: now,
        },
        select: { id: true, firstName: true },
      });
      await recordAudit(
        {
          action: "customer.created",
          locationId: location.id,
          entityType: "Customer",
          entityId: customer.id,
          details: { via: "otp" },
          ip: meta.ip,
          requestId: meta.requestId,
        },
        tx,
      );
    }
    const session = await startCustomerSession(tx, customer.id, now);
    return { customer: { ...customer, isNew }, cookie: session.cookie, expiresAt: session.expiresAt };
  });
}
