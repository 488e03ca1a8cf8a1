import { route } from "@/lib/http/route";
import { listPrinters } from "@/lib/printing/list-printers";
import { printerFieldsSchema } from "@/lib/printing/printer-fields";
import { createPrinter } from "@/lib/printing/save-printer";

/** GET /api/v1/printers → the location's printers (archived ones flagged) and the stations kitchen printers may serve. */
export const GET = route({ permission: "printing.use" }, async ({ ctx }) => listPrinters(ctx));

/** POST /api/v1/printers {name, host, port, kind, stationId, lineWidth} → 201 {id}. */
export const POST = route(
  { permission: "payments.setup", body: printerFieldsSchema },
  async ({ ctx, body }) => createPrinter(ctx, { fields: body }),
  201,
);
