import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";

export const revokeApiTokenSchema = z.object({ tokenId: idSchema });
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;

/**
 * Revoke at once: the next request with the token is a 401. Revoking twice is not an error (and
 * is audited once); another location's token is not found.
 */
export async function revokeApiToken(ctx: Ctx, raw: unknown): Promise<{ id: string; revokedAt: Date }> {
  assertCan(ctx, "apiTokens.manage");
  const { tokenId } = parseInput(revokeApiTokenSchema, raw);
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, locationId: ctx.locationId },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!token) throw notFound("Token");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const now = new Date();
    const won = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
    if (won.count === 0) {
      const after = await tx.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { revokedAt: true } });
      return { id: token.id, revokedAt: after.revokedAt! };
    }
    await auditAs(
      ctx,
      { action: "api_token.revoked", entityType: "ApiToken", entityId: token.id, details: { name: token.name } },
      tx,
    );
    return { id: token.id, revokedAt: now };
  });
}
