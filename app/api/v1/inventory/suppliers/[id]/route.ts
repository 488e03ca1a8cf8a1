import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { saveSupplier } from "@/lib/inventory/save-supplier";
import { supplierFieldsSchema } from "@/lib/inventory/supplier-fields";

export const PUT = route(
  { permission: "inventory.manage", params: z.object({ id: idSchema }), body: supplierFieldsSchema },
  async ({ ctx, params, body }) => saveSupplier(ctx, { id: params.id, fields: body }),
);
