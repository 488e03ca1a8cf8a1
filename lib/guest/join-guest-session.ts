import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { rateLimitKeyForIp } from "../http/client-ip";
import { rateLimitedError } from "../http/rate-limit-headers";
import { createFailureCounter, limiter, type FailureCounter } from "../ops/rate-limit";
import { parseInput } from "../validation";
import { hashDeviceSecret, memberCookieValue, newDeviceSecret } from "./guest-cookie";
import { publishGuest } from "./publish-guest";
import { joinGuestSessionSchema, qrTokenSchema, type JoinGuestSessionInput } from "./schemas";

/** Wrong PINs a phone may enter before it is blocked, and for how long (issue 13). */
export const PIN_FAILURES_ALLOWED = 5;
export const PIN_BLOCK_MINUTES = 15;
/** People at one table; a guard against scripted joins, not a seating rule. */
export const MAX_MEMBERS = 20;

let failures: FailureCounter | undefined;
let blocks: FailureCounter | undefined;
// Wrong PINs per phone within 15 minutes; reaching the limit starts a 15-minute block of its own.
const failureCounter = () => (failures ??= createFailureCounter("guest-pin-device", PIN_BLOCK_MINUTES * 60_000));
const blockCounter = () => (blocks ??= createFailureCounter("guest-pin-block", PIN_BLOCK_MINUTES * 60_000));

export type JoinMeta = { requestId: string; ip: string; deviceId: string | null };

const refused = (attemptsLeft: number) =>
  new AppError(
    "PIN_REFUSED",
    attemptsLeft > 0
      ? "That PIN did not work. Check the card on your table or ask your server."
      : `That PIN did not work. This phone can try again in ${PIN_BLOCK_MINUTES} minutes, or ask your server.`,
    { pin: ["That PIN did not work"] },
    { attemptsLeft },
  );

const blocked = () =>
  new AppError(
    "RATE_LIMITED",
    `Too many wrong PINs. Try again in ${PIN_BLOCK_MINUTES} minutes, or ask your server.`,
    undefined,
    { retryAfterSeconds: PIN_BLOCK_MINUTES * 60 },
    { "Retry-After": String(PIN_BLOCK_MINUTES * 60) },
  );

/**
 * A phone that scanned a table's QR code joins its session with the PIN (ADR 0034). A wrong PIN, an
 * unknown table and a closed session get the same answer. 5 wrong PINs block the phone (its device
 * cookie, else its address) for 15 minutes; an address gets 50 tries an hour. The same nickname
 * again resumes that guest (same cart) on this phone.
 */
export async function joinGuestSession(token: string, raw: JoinGuestSessionInput, meta: JoinMeta) {
  const deviceKey = meta.deviceId ? `d:${meta.deviceId}` : `ip:${meta.ip}`;
  if ((await blockCounter().count(deviceKey)) > 0) throw blocked();
  const ipLimit = limiter("guest-pin-ip");
  const verdict = await ipLimit.limit(rateLimitKeyForIp(meta.ip));
  if (!verdict.success)
    throw rateLimitedError(ipLimit.policy, verdict, "Too many PIN attempts from this network. Try again later.");

  const input = parseInput(joinGuestSessionSchema, raw);
  const validToken = qrTokenSchema.safeParse(token);
  const table = validToken.success
    ? await db.diningTable.findUnique({
        where: { qrToken: validToken.data },
        select: { id: true, locationId: true, label: true, mergedIntoId: true, archivedAt: true },
      })
    : null;
  const session =
    table && !table.archivedAt
      ? await db.guestSession.findFirst({
          where: { tableId: table.mergedIntoId ?? table.id, status: "ACTIVE", expiresAt: { gt: new Date() } },
          select: { id: true, pin: true, cartMode: true, locationId: true, tableId: true },
        })
      : null;
  // Compare even without a session, so timing does not tell whether one exists.
  const pinOk = samePin(session?.pin ?? "----", input.pin) && !!session;
  const device = createHash("sha256").update(deviceKey).digest("hex").slice(0, 16);
  if (!pinOk || !session) {
    const n = await failureCounter().record(deviceKey);
    await recordAudit({
      action: "guest_session.join_refused",
      locationId: table?.locationId ?? null,
      entityType: "DiningTable",
      entityId: table?.id,
      details: { device, failures: n },
      ip: meta.ip,
      requestId: meta.requestId,
    });
    // The 5th wrong PIN is still answered as wrong (nothing left to try); from then on the phone is blocked.
    if (n >= PIN_FAILURES_ALLOWED) await blockCounter().record(deviceKey);
    throw refused(Math.max(0, PIN_FAILURES_ALLOWED - n));
  }

  const nicknameKey = input.nickname.toLowerCase().normalize("NFC");
  const secret = newDeviceSecret();
  const { member, resumed } = await db.$transaction(async (tx) => {
    const existing = await tx.guestMember.findUnique({
      where: { sessionId_nicknameKey: { sessionId: session.id, nicknameKey } },
      select: { id: true },
    });
    if (existing) {
      const member = await tx.guestMember.update({
        where: { id: existing.id },
        data: { deviceHash: hashDeviceSecret(secret), lastSeenAt: new Date(), ip: meta.ip },
        select: { id: true, nickname: true },
      });
      return { member, resumed: true };
    }
    const count = await tx.guestMember.count({ where: { sessionId: session.id } });
    if (count >= MAX_MEMBERS) throw new AppError("INVALID_STATE", "This table is full. Ask your server for help.");
    const member = await tx.guestMember.create({
      data: {
        sessionId: session.id,
        nickname: input.nickname,
        nicknameKey,
        deviceHash: hashDeviceSecret(secret),
        ip: meta.ip,
      },
      select: { id: true, nickname: true },
    });
    return { member, resumed: false };
  });
  await recordAudit({
    action: resumed ? "guest_session.resumed" : "guest_session.joined",
    locationId: session.locationId,
    entityType: "GuestSession",
    entityId: session.id,
    details: { memberId: member.id, nickname: member.nickname, device },
    ip: meta.ip,
    requestId: meta.requestId,
  });
  publishGuest({ locationId: session.locationId, requestId: meta.requestId }, session.id, ["session"], {
    tableId: session.tableId,
    what: "session",
  });
  return {
    member,
    resumed,
    session: { mode: session.cartMode, tableLabel: table!.label },
    cookie: memberCookieValue(member.id, secret),
  };
}

function samePin(expected: string, given: string): boolean {
  const a = Buffer.from(expected.padEnd(4).slice(0, 4));
  const b = Buffer.from(given.padEnd(4).slice(0, 4));
  return timingSafeEqual(a, b) && expected === given;
}
