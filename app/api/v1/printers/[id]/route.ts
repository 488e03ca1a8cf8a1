import { z } from "zod";
import { route } from "@/lib/http/route";
import { printerFieldsSchema } from "@/lib/printing/printer-fields";
import { updatePrinter } from "@/lib/printing/save-printer";
import { idSchema } from "@/lib/validation";

const params = z.object({ id: idSchema });
const body = z.object({ fields: printerFieldsSchema.optional(), archived: z.boolean().optional() });

/** PATCH /api/v1/printers/:id {fields?, archived?}: change the settings, archive (true) or restore (false). */
export const PATCH = route({ permission: "payments.setup", params, body }, async ({ ctx, params, body }) =>
  updatePrinter(ctx, { id: params.id, ...body }),
);
