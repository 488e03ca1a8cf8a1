import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { env } from "../env";
import { AppError, isUniqueViolation } from "../errors";
import { INVITE_TTL_HOURS, issueResetToken } from "../auth/reset-token";
import { addedMail, inviteMail } from "../mail/staff-mail";
import { sendMailLater, type Mail } from "../mail/send-mail";
import { parseInput } from "../validation";
import { createStaffSchema, type CreateStaffInput } from "./staff-fields";
import { assertMayTouchRole } from "./staff-rules";

/**
 * Cannot be an argon2 hash, so no password matches it: the account signs in only after its owner
 * sets a password through the invite link.
 */
export const NO_PASSWORD_YET = "!invited:no-password-yet";

const alreadyHere = () =>
  new AppError("CONFLICT", "This person already works here", { email: ["Already on the staff of this location"] });

/**
 * Add a staff member with a role here. A new email gets a user and an invite link to set a
 * password; an email already known (someone from another location) gets a membership here and
 * keeps their password and name.
 */
export async function createStaff(ctx: Ctx, raw: CreateStaffInput) {
  assertCan(ctx, "staff.manage");
  const input = parseInput(createStaffSchema, raw);
  assertMayTouchRole(ctx, input.role);
  let mail: Mail;
  const result = await db
    .$transaction(async (tx) => {
      const location = await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { name: true } });
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
      if (existing) {
        const here = await tx.membership.findUnique({
          where: { userId_locationId: { userId: existing.id, locationId: ctx.locationId } },
        });
        if (here) throw alreadyHere();
      }
      const user =
        existing ??
        (await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: NO_PASSWORD_YET } }));
      await tx.membership.create({
        data: { userId: user.id, locationId: ctx.locationId, role: input.role, hourlyRateCents: input.hourlyRateCents },
      });
      const to = { email: input.email, name: user.name };
      if (existing) {
        mail = addedMail(
          to,
          location.name,
          new URL("/login", env().NEXTAUTH_URL ?? "http://localhost:3000").toString(),
        );
      } else {
        const invite = await issueResetToken(tx, {
          userId: user.id,
          issuedById: ctx.userId,
          ip: ctx.ip,
          ttlMs: INVITE_TTL_HOURS * 3_600_000,
        });
        mail = inviteMail(to, location.name, invite.link, INVITE_TTL_HOURS);
      }
      await auditAs(
        ctx,
        {
          action: "staff.create",
          entityType: "User",
          entityId: user.id,
          details: {
            after: { name: user.name, email: input.email, role: input.role, hourlyRateCents: input.hourlyRateCents },
            newUser: !existing,
          },
        },
        tx,
      );
      return { id: user.id, newUser: !existing };
    })
    .catch((error: unknown) => {
      // Two managers adding the same email at once: the loser hits a unique index, not a 500.
      if (isUniqueViolation(error)) throw alreadyHere();
      throw error;
    });
  sendMailLater(mail!, { requestId: ctx.requestId, purpose: "staff invite" });
  return result;
}
