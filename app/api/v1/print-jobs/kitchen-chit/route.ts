import { route } from "@/lib/http/route";
import { reprintChitSchema } from "@/lib/printing/printer-fields";
import { reprintChit } from "@/lib/printing/reprint-chit";

/** POST /api/v1/print-jobs/kitchen-chit {orderId, fireBatch, stationId}: print a ticket's chit again on its station's printers. */
export const POST = route(
  { permission: "printing.use", body: reprintChitSchema },
  async ({ ctx, body }) => reprintChit(ctx, body),
  202,
);
