import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { tableGuestUrl } from "./table-url";

export const rotateQrTokenSchema = z.object({ id: idSchema });
export type RotateQrTokenInput = z.infer<typeof rotateQrTokenSchema>;

/** 32 random bytes, base64url (43 characters): the part of a table card's URL nobody can guess. */
export function newQrToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * A manager replaces a table's QR token (a card went missing, or was photographed): the old card's
 * `/t/<token>` finds nothing from the moment this commits. Guests already at the table keep their
 * session (their cookie names the session, not the token). The audit never holds a token.
 */
export async function rotateQrToken(ctx: Ctx, raw: RotateQrTokenInput) {
  assertCan(ctx, "setup.manage");
  const { id } = parseInput(rotateQrTokenSchema, raw);
  const qrToken = newQrToken();
  const table = await db.$transaction(async (tx) => {
    const found = await tx.diningTable.findFirst({
      where: { id, locationId: ctx.locationId },
      select: { label: true },
    });
    if (!found) throw notFound("Table");
    await tx.diningTable.update({ where: { id }, data: { qrToken } });
    await auditAs(
      ctx,
      { action: "table.qr_rotated", entityType: "DiningTable", entityId: id, details: { label: found.label } },
      tx,
    );
    return found;
  });
  return { id, label: table.label, qrToken, url: tableGuestUrl(qrToken) };
}
