"use server";

import { action } from "@/lib/http/action";
import { createApiToken, createApiTokenSchema } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken, revokeApiTokenSchema } from "@/lib/api-tokens/revoke-api-token";

/** Returns the secret to show once; the list reloads without it. */
export const createApiTokenAction = action(
  { permission: "apiTokens.manage", input: createApiTokenSchema, revalidate: ["/admin/settings/api-tokens"] },
  async (ctx, input) => {
    const { token, secret } = await createApiToken(ctx, input);
    return { id: token.id, name: token.name, secret };
  },
);

export const revokeApiTokenAction = action(
  { permission: "apiTokens.manage", input: revokeApiTokenSchema, revalidate: ["/admin/settings/api-tokens"] },
  async (ctx, input) => {
    const { id } = await revokeApiToken(ctx, input);
    return { id };
  },
);
