import "server-only";
import type { Ctx } from "../auth/context";
import { can, type Permission } from "../auth/permissions";
import { LOCKOUT_MINUTES, reserveAttempt, settleSuccess } from "../auth/login-attempts";
import { burnVerifyTime, verifyPassword } from "../auth/password";
import type { Role } from "../auth/roles";
import { recordAudit } from "../audit/record-audit";
import type { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { approvalSchema } from "./approval-schema";
import { verifyStaffPin } from "./verify-pin";

export type Approval = { approverId: string; name: string; role: Role; method: "pin" | "password" };

/** What the approval is for: the permission the acting user lacks, and what the audit calls the action. */
export type ApprovalPurpose = { permission: Permission; action: string; entityType?: string; entityId?: string };

export const APPROVAL_WRONG_PIN = "Wrong PIN";
export const APPROVAL_WRONG_PASSWORD = "Wrong email or password";
export const APPROVAL_LOCKED = `Too many wrong tries. This manager is locked for ${LOCKOUT_MINUTES} minutes.`;

/** Field errors live under `approval.…`, beside the form's own fields. */
const fieldError = (field: string, message: string) => ({ [`approval.${field}`]: [message] });

/**
 * Verify a manager's approval inside the acting user's request, without switching who is signed
 * in: the approver must be staff here with "approvals.give" and the permission the action needs.
 * PINs are locked and throttled like a quick switch; passwords like a sign-in. Every refusal is
 * audited under the acting user, naming the approver tried. Call it before the action's
 * transaction (hashing is slow) and record `approverId` with the action.
 */
export async function approveWithPin(ctx: Ctx, raw: unknown, purpose: ApprovalPurpose): Promise<Approval> {
  const input = parseInput(approvalSchema, raw);
  const tried = "approverId" in input ? { approverId: input.approverId } : { email: input.email };
  try {
    const approver = "approverId" in input ? await byPin(ctx, input) : await byPassword(ctx, input);
    if (!can(approver.role, "approvals.give") || !can(approver.role, purpose.permission))
      throw new AppError(
        "FORBIDDEN",
        `${approver.name} cannot approve this; ask a manager`,
        fieldError("approverId", "Not a manager"),
      );
    return approver;
  } catch (error) {
    if (error instanceof AppError)
      await recordAudit({
        action: "approval.refused",
        actorId: ctx.userId,
        locationId: ctx.locationId,
        entityType: purpose.entityType,
        entityId: purpose.entityId,
        details: { for: purpose.action, permission: purpose.permission, reason: error.code, ...tried },
        ip: ctx.ip ?? null,
        requestId: ctx.requestId,
      });
    throw error;
  }
}

async function byPin(ctx: Ctx, input: { approverId: string; pin: string }): Promise<Approval> {
  try {
    const who = await verifyStaffPin(
      ctx.locationId,
      { userId: input.approverId, pin: input.pin },
      { ip: ctx.ip, requestId: ctx.requestId },
    );
    return { approverId: who.userId, name: who.name, role: who.role, method: "pin" };
  } catch (error) {
    // A signed-in user's request: a wrong PIN is a field error of the form, not "sign in again".
    if (error instanceof AppError && error.code === "UNAUTHENTICATED")
      throw new AppError("VALIDATION", APPROVAL_WRONG_PIN, fieldError("pin", APPROVAL_WRONG_PIN));
    throw error;
  }
}

async function byPassword(ctx: Ctx, input: { email: string; password: string }): Promise<Approval> {
  const wrong = () =>
    new AppError("VALIDATION", APPROVAL_WRONG_PASSWORD, fieldError("password", APPROVAL_WRONG_PASSWORD));
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      name: true,
      active: true,
      passwordHash: true,
      memberships: { where: { locationId: ctx.locationId }, select: { role: true } },
    },
  });
  const role = user?.memberships[0]?.role;
  if (!user || !user.active || !role) {
    await burnVerifyTime(input.password);
    throw wrong();
  }
  const reservation = await reserveAttempt(user.id);
  if (!reservation) {
    await burnVerifyTime(input.password);
    throw new AppError("LOCKED", APPROVAL_LOCKED);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordAudit({
      action: "auth.sign_in.failed",
      actorId: user.id,
      locationId: ctx.locationId,
      details: { email: input.email, failures: reservation.attempt, approval: true },
      ip: ctx.ip ?? null,
      requestId: ctx.requestId,
    });
    if (reservation.lockedUntil) throw new AppError("LOCKED", APPROVAL_LOCKED);
    throw wrong();
  }
  await settleSuccess(user.id, reservation);
  return { approverId: user.id, name: user.name, role, method: "password" };
}

/**
 * A manager's approval for an action the actor's role lacks: verified when one was typed in and
 * needed, null when the role suffices or none was given (the action then refuses or limits).
 */
export async function approvalIfNeeded(ctx: Ctx, raw: unknown, purpose: ApprovalPurpose): Promise<Approval | null> {
  if (raw === undefined || raw === null || can(ctx, purpose.permission)) return null;
  return approveWithPin(ctx, raw, purpose);
}

/** Refuse unless the role may, or a manager approved; the client then offers the approval form. */
export function assertPermittedOrApproved(
  ctx: Ctx,
  permission: Permission,
  approval: Approval | null,
  message: string,
): void {
  if (!can(ctx, permission) && !approval)
    throw new AppError("FORBIDDEN", message, undefined, { approvalRequired: true });
}

/** The approval's part of the approved action's own audit entry. */
export function approvedByDetails(approval: Approval | null | undefined) {
  return approval
    ? { approvedById: approval.approverId, approvedByName: approval.name, approval: approval.method }
    : {};
}

/**
 * The approver's own audit entry ("approval.given", under the approver), written in the approved
 * action's transaction so both stand or fall together. Nothing without an approval.
 */
export async function auditApprovalGiven(
  ctx: Ctx,
  approval: Approval | null | undefined,
  what: { for: string; entityType: string; entityId: string; details?: Record<string, Prisma.InputJsonValue> },
  tx: Tx,
): Promise<void> {
  if (!approval) return;
  await recordAudit(
    {
      action: "approval.given",
      actorId: approval.approverId,
      locationId: ctx.locationId,
      entityType: what.entityType,
      entityId: what.entityId,
      details: { for: what.for, requestedById: ctx.userId, method: approval.method, ...what.details },
      ip: ctx.ip ?? null,
      requestId: ctx.requestId,
    },
    tx,
  );
}
