import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { listSuppliers } from "@/lib/inventory/list-suppliers";
import { saveSupplier } from "@/lib/inventory/save-supplier";
import { supplierFieldsSchema } from "@/lib/inventory/supplier-fields";

export const GET = route({ roles: MANAGERS }, async ({ ctx }) => ({ suppliers: await listSuppliers(ctx) }));

export const POST = route(
  { roles: MANAGERS, body: supplierFieldsSchema },
  async ({ ctx, body }) => saveSupplier(ctx, { fields: body }),
  201,
);
