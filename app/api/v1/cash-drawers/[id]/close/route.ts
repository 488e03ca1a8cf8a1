import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { closeDrawer } from "@/lib/cash/close-drawer";
import { closeDrawerFieldsSchema } from "@/lib/cash/schemas";

const params = z.object({ id: idSchema });

/** POST /api/v1/cash-drawers/:id/close { countedCents, counts?, note? } → the closed session with its variance. */
export const POST = route(
  { permission: "cash.drawer", params, body: closeDrawerFieldsSchema },
  async ({ ctx, params, body }) => closeDrawer(ctx, { ...body, sessionId: params.id }),
);
