import { z } from "zod";
import { route } from "@/lib/http/route";
import { printTestPage } from "@/lib/printing/print-test-page";
import { idSchema } from "@/lib/validation";

/** POST /api/v1/printers/:id/test-page → 202 {id} of the queued job (GET /api/v1/print-jobs shows its state). */
export const POST = route(
  { permission: "payments.setup", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => printTestPage(ctx, { id: params.id }),
  202,
);
