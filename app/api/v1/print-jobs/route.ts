import { route } from "@/lib/http/route";
import { listPrintJobs } from "@/lib/printing/list-print-jobs";
import { listPrintJobsSchema } from "@/lib/printing/printer-fields";

/** GET /api/v1/print-jobs?status=FAILED&printerId=…&limit=50 → the queue, newest first. */
export const GET = route({ permission: "printing.use", query: listPrintJobsSchema }, async ({ ctx, query }) =>
  listPrintJobs(ctx, query),
);
