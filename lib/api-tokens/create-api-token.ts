import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { hashOpaqueToken, newOpaqueToken, PERSONAL_PREFIX } from "../auth/opaque-token";
import { SCOPES, type Scope } from "../auth/scopes";
import { parseInput, text } from "../validation";

export const createApiTokenSchema = z.object({
  name: text("Name the token").trim().min(2, "Name the token (2+ characters)").max(60, "60 characters at most"),
  scopes: z
    .array(z.enum(SCOPES as [Scope, ...Scope[]], { error: "Unknown scope" }))
    .min(1, "Choose at least one scope")
    .max(SCOPES.length),
  /** Days until it stops working; missing = until revoked. */
  expiresInDays: z.coerce.number().int("Whole days").min(1, "At least 1 day").max(730, "2 years at most").optional(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

/**
 * A manager makes a personal/integration token that acts as them at their current location,
 * within its scopes (and never beyond their role). The secret is returned once and never stored:
 * only its SHA-256 and its first characters (to tell tokens apart) are.
 */
export async function createApiToken(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "apiTokens.manage");
  const input = parseInput(createApiTokenSchema, raw);
  const secret = newOpaqueToken(PERSONAL_PREFIX);
  const scopes = [...new Set(input.scopes)];
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        locationId: ctx.locationId,
        userId: ctx.userId,
        name: input.name,
        tokenHash: hashOpaqueToken(secret),
        prefix: secret.slice(0, PERSONAL_PREFIX.length + 6),
        scopes,
        expiresAt,
      },
      select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true },
    });
    await auditAs(
      ctx,
      {
        action: "api_token.created",
        entityType: "ApiToken",
        entityId: created.id,
        details: { name: input.name, scopes },
      },
      tx,
    );
    return created;
  });
  return { token, secret };
}
