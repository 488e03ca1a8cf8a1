import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

/** DELETE /api/v1/api-tokens/:id — revoke a token at once (its next request is a 401). */
export const DELETE = route(
  { permission: "apiTokens.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => revokeApiToken(ctx, { tokenId: params.id }),
);
