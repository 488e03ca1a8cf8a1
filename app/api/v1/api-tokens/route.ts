import { route } from "@/lib/http/route";
import { createApiToken, createApiTokenSchema } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";

/** GET /api/v1/api-tokens — this location's live personal/integration tokens (never their secrets). */
export const GET = route({ permission: "apiTokens.manage" }, async ({ ctx }) => ({
  tokens: await listApiTokens(ctx),
}));

/**
 * POST /api/v1/api-tokens { name, scopes: ["orders:write", …], expiresInDays? } → 201
 * { token, secret }: the secret is in this answer only.
 */
export const POST = route(
  { permission: "apiTokens.manage", body: createApiTokenSchema },
  async ({ ctx, body }) => createApiToken(ctx, body),
  201,
);
