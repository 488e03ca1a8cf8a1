"use server";

import { z } from "zod";
import { reconcileDriverCashup } from "@/lib/driver/driver-cashup";
import { action } from "@/lib/http/action";
import { idSchema } from "@/lib/validation";

/** "42.50" or "42,50" → 4250 cents. */
const dollars = z
  .string({ error: "Enter the cash counted" })
  .trim()
  .regex(/^\d{1,7}([.,]\d{1,2})?$/, "Enter an amount like 42.50")
  .transform((v) => Math.round(Number(v.replace(",", ".")) * 100));

export const reconcileDriverCashupAction = action(
  {
    permission: "delivery.cashup",
    input: z.object({ driverId: idSchema, shiftId: idSchema, counted: dollars }),
    revalidate: ["/admin/delivery/cashup"],
  },
  async (ctx, input) => {
    const r = await reconcileDriverCashup(ctx, {
      id: input.driverId,
      shiftId: input.shiftId,
      countedCents: input.counted,
    });
    return { varianceCents: r.varianceCents };
  },
);
