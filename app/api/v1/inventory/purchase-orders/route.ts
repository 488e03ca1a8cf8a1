import { route } from "@/lib/http/route";

import { listPurchaseOrders } from "@/lib/inventory/list-purchase-orders";
import { createPurchaseOrder, createPurchaseOrderSchema } from "@/lib/inventory/create-purchase-order";

export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) => ({
  purchaseOrders: await listPurchaseOrders(ctx),
}));

/** POST { supplierId, expectedAt?, notes?, lines: [{ ingredientId, quantityOrdered (purchase units), unitCostCents? }] } → DRAFT */
export const POST = route(
  { permission: "inventory.manage", body: createPurchaseOrderSchema },
  async ({ ctx, body }) => createPurchaseOrder(ctx, body),
  201,
);
