import { z } from "zod";
import { route } from "@/lib/http/route";
import { retryPrintJob } from "@/lib/printing/retry-print-job";
import { idSchema } from "@/lib/validation";

/** POST /api/v1/print-jobs/:id/retry: a failed or waiting job is due now; a printed one is printed again (new job). */
export const POST = route(
  { permission: "printing.use", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => retryPrintJob(ctx, { id: params.id }),
  202,
);
