import type { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "../db";
import { log } from "../log";

export type AuditEntry = {
  action: string;
  locationId?: string | null;
  actorId?: string | null;
  entityType?: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
  requestId?: string | null;
};

/** Append an audit row; pass `tx` so the record commits (or rolls back) with the change itself. */
export async function recordAudit(entry: AuditEntry, tx?: Tx): Promise<void> {
  const client = tx ?? db;
  try {
    await client.auditLog.create({
      data: {
        action: entry.action,
        locationId: entry.locationId ?? null,
        actorId: entry.actorId ?? null,
        entityType: entry.entityType,
        entityId: entry.entityId,
        details: entry.details ?? {},
        ip: entry.ip ?? null,
        requestId: entry.requestId ?? null,
      },
    });
  } catch (error) {
    if (tx) throw error;
    // Outside a transaction (e.g. a failed sign-in) the audit must not break the request.
    log.error("audit write failed", { action: entry.action, error });
  }
}

type AuditCtx = { locationId: string; userId: string | null; requestId?: string | null; ip?: string | null };

/** Audit an action taken by the signed-in user (or a guest on a public page: no user): who, where and which request come from `ctx`. */
export function auditAs(
  ctx: AuditCtx,
  entry: Omit<AuditEntry, "locationId" | "actorId" | "requestId" | "ip">,
  tx?: Tx,
): Promise<void> {
  return recordAudit(
    { ...entry, locationId: ctx.locationId, actorId: ctx.userId, requestId: ctx.requestId ?? null, ip: ctx.ip ?? null },
    tx,
  );
}
