import { z } from "zod";
import { route } from "@/lib/http/route";
import { printReceipt } from "@/lib/printing/print-receipt";
import { idSchema } from "@/lib/validation";

const body = z.object({ printerId: idSchema.optional() });

/** POST /api/v1/checks/:id/print {printerId?} → 202 {jobId}: the guest check or receipt, queued on a receipt printer. */
export const POST = route(
  { permission: "printing.use", params: z.object({ checkId: idSchema }), body },
  async ({ ctx, params, body }) => printReceipt(ctx, { checkId: params.checkId, printerId: body?.printerId }),
  202,
);
