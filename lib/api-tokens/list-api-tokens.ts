import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { API_TOKEN_METADATA } from "./api-token-metadata";

/** The location's live (unrevoked) tokens, newest first, with who made them and when last used. */
export async function listApiTokens(ctx: Ctx) {
  assertCan(ctx, "apiTokens.manage");
  const rows = await db.apiToken.findMany({
    where: { locationId: ctx.locationId, revokedAt: null },
    select: { ...API_TOKEN_METADATA, user: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const now = Date.now();
  return rows.map(({ user, ...t }) => ({
    ...t,
    owner: user.name,
    expired: t.expiresAt !== null && t.expiresAt.getTime() <= now,
  }));
}
