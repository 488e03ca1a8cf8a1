import { route } from "@/lib/http/route";

import { listSuppliers } from "@/lib/inventory/list-suppliers";
import { saveSupplier } from "@/lib/inventory/save-supplier";
import { supplierFieldsSchema } from "@/lib/inventory/supplier-fields";

export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) => ({
  suppliers: await listSuppliers(ctx),
}));

export const POST = route(
  { permission: "inventory.manage", body: supplierFieldsSchema },
  async ({ ctx, body }) => saveSupplier(ctx, { fields: body }),
  201,
);
