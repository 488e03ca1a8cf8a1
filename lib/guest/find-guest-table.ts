import "server-only";
import { db } from "../db";
import { qrTokenSchema } from "./schemas";

/**
 * The table a QR card names, for the join screen ("Table 12 · Harbor Street Bistro"); null for a
 * rotated, archived or made-up card. Says nothing about sessions: that answer needs the PIN.
 */
export async function findGuestTable(token: string): Promise<{ label: string; locationName: string } | null> {
  const valid = qrTokenSchema.safeParse(token);
  if (!valid.success) return null;
  const table = await db.diningTable.findUnique({
    where: { qrToken: valid.data },
    select: { label: true, archivedAt: true, location: { select: { name: true, archivedAt: true } } },
  });
  if (!table || table.archivedAt || table.location.archivedAt) return null;
  return { label: table.label, locationName: table.location.name };
}
