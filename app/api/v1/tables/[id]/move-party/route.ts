import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { moveParty } from "@/lib/tables/move-party";
import { movePartySchema } from "@/lib/tables/arrange-schemas";

/**
 * POST /api/v1/tables/:id/move-party { toTableIds, force? } — move the party seated at :id (and its
 * open order) to these tables. 409 with `details.canForce` when a booking needs them first.
 */
export const POST = route(
  {
    permission: "tables.arrange",
    params: z.object({ id: idSchema }),
    body: movePartySchema.omit({ fromTableId: true }),
  },
  async ({ ctx, params, body }) => moveParty(ctx, { ...body, fromTableId: params.id }),
);
