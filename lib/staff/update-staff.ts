import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { normalisePhone } from "../reservations/find-or-create-guest";
import { decodeStaffPhone, encodeStaffPhone } from "./staff-contact";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { updateStaffSchema, type UpdateStaffInput } from "./staff-fields";
import { assertAdminsRemain, assertMayTouchRole, findStaffHere, isAdminRole } from "./staff-rules";

async function countryOf(tx: Tx, ctx: Ctx): Promise<string> {
  const location = await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { country: true } });
  return location.country;
}

/** Change a staff member's name, role here, hourly rate or contact phone (only the fields sent). */
export async function updateStaff(ctx: Ctx, raw: UpdateStaffInput) {
  assertCan(ctx, "staff.manage");
  const { id, ...changes } = parseInput(updateStaffSchema, raw);
  if (Object.values(changes).every((v) => v === undefined))
    throw new AppError("VALIDATION", "Nothing to change", { _root: ["Send a name, role or hourly rate"] });
  return db.$transaction(async (tx) => {
    const m = await findStaffHere(tx, ctx, id);
    assertMayTouchRole(ctx, m.role, changes.role);
    if (isAdminRole(m.role) && changes.role && !isAdminRole(changes.role))
      await assertAdminsRemain(tx, id, ctx.locationId);
    const before = { name: m.user.name, role: m.role, hourlyRateCents: m.hourlyRateCents };
    const after = {
      name: changes.name ?? before.name,
      role: changes.role ?? before.role,
      hourlyRateCents: changes.hourlyRateCents !== undefined ? changes.hourlyRateCents : before.hourlyRateCents,
    };
    if (after.name !== before.name) await tx.user.update({ where: { id }, data: { name: after.name } });
    // The phone itself never goes into the audit log: only that it changed.
    let contactPhone: "changed" | "removed" | undefined;
    if (changes.contactPhone !== undefined) {
      const next = changes.contactPhone === "" ? null : normalisePhone(changes.contactPhone, await countryOf(tx, ctx));
      if (next !== decodeStaffPhone(m.user)) {
        await tx.user.update({ where: { id }, data: encodeStaffPhone(next) });
        contactPhone = next === null ? "removed" : "changed";
      }
    }
    if (after.role !== before.role || after.hourlyRateCents !== before.hourlyRateCents)
      await tx.membership.update({
        where: { id: m.id },
        data: { role: after.role, hourlyRateCents: after.hourlyRateCents },
      });
    await auditAs(
      ctx,
      {
        action: "staff.update",
        entityType: "User",
        entityId: id,
        details: { before, after, ...(contactPhone ? { contactPhone } : {}) },
      },
      tx,
    );
    return { id, ...after };
  });
}
