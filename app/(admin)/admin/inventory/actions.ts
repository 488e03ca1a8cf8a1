"use server";

// Server actions of the inventory console: the `action` wrapper (session, role, zod) around the
// use cases, then revalidation. Forms post FormData; editors post JSON.
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/http/action";

import { idSchema } from "@/lib/validation";
import { ingredientFieldsSchema } from "@/lib/inventory/ingredient-fields";
import { createIngredient } from "@/lib/inventory/create-ingredient";
import { updateIngredient } from "@/lib/inventory/update-ingredient";
import { archiveIngredient, archiveIngredientSchema } from "@/lib/inventory/archive-ingredient";
import { adjustStock, adjustStockSchema } from "@/lib/inventory/adjust-stock";
import { logWaste, logWasteSchema } from "@/lib/inventory/log-waste";
import { saveSupplier, saveSupplierSchema } from "@/lib/inventory/save-supplier";
import { createPurchaseOrder, createPurchaseOrderSchema } from "@/lib/inventory/create-purchase-order";
import { updatePurchaseOrder, updatePurchaseOrderSchema } from "@/lib/inventory/update-purchase-order";
import { sendPurchaseOrder, purchaseOrderIdSchema } from "@/lib/inventory/send-purchase-order";
import { receivePurchaseOrder, receivePurchaseOrderSchema } from "@/lib/inventory/receive-purchase-order";
import { cancelPurchaseOrder, cancelPurchaseOrderSchema } from "@/lib/inventory/cancel-purchase-order";
import { createReorderDrafts, createReorderDraftsSchema } from "@/lib/inventory/create-reorder-drafts";
import { startStockCount, startStockCountSchema } from "@/lib/inventory/start-stock-count";
import { saveStockCount, saveStockCountSchema } from "@/lib/inventory/save-stock-count";
import { postStockCount, postStockCountSchema } from "@/lib/inventory/post-stock-count";
import { previewStockCount, previewStockCountSchema } from "@/lib/inventory/preview-stock-count";
import { cancelStockCount, cancelStockCountSchema } from "@/lib/inventory/cancel-stock-count";
import { setRecipe, setRecipeSchema } from "@/lib/inventory/set-recipe";
import { cents, flattenFieldErrors, num, orNull, str } from "@/lib/http/form-data";

// Stock changes can (un)86 dishes, so the menu console refreshes too.
const STOCK_PAGES = ["/admin/inventory", "/admin/menu"];

// ---- Ingredients ----------------------------------------------------------------------------

const saveIngredient = action(
  {
    permission: "inventory.manage",
    input: z.object({ id: idSchema.optional(), fields: ingredientFieldsSchema }),
    revalidate: STOCK_PAGES,
  },
  async (ctx, input) =>
    input.id ? updateIngredient(ctx, { id: input.id, fields: input.fields }) : createIngredient(ctx, input.fields),
);

export async function saveIngredientAction(
  id: string | null,
  _prev: unknown,
  fd: FormData,
): Promise<ActionResult<{ id: string }>> {
  const r = await saveIngredient({
    id: id ?? undefined,
    fields: {
      name: str(fd, "name"),
      sku: orNull(str(fd, "sku")),
      baseUnit: str(fd, "baseUnit"),
      purchaseUnit: str(fd, "purchaseUnit"),
      purchaseUnitSize: str(fd, "purchaseUnitSize"),
      costCentsPerPurchaseUnit: cents(fd, "cost") ?? Number.NaN,
      parLevel: str(fd, "parLevel") || "0",
      reorderPoint: str(fd, "reorderPoint") || "0",
      defaultSupplierId: orNull(str(fd, "defaultSupplierId")),
    },
  });
  if (!r.ok) return { ...r, fieldErrors: flattenFieldErrors(r.fieldErrors) };
  redirect(`/admin/inventory/ingredients/${r.data.id}?saved=1`);
}

const archive = action(
  { permission: "inventory.manage", input: archiveIngredientSchema, revalidate: STOCK_PAGES },
  archiveIngredient,
);
export async function archiveIngredientAction(input: { id: string }) {
  const r = await archive(input);
  if (!r.ok) return r;
  redirect("/admin/inventory");
}

const adjust = action(
  { permission: "inventory.manage", input: adjustStockSchema, revalidate: STOCK_PAGES },
  adjustStock,
);
export async function adjustStockAction(ingredientId: string, _prev: unknown, fd: FormData) {
  return await adjust({
    ingredientId,
    direction: str(fd, "direction"),
    quantity: str(fd, "quantity"),
    unit: str(fd, "unit") || undefined,
    reason: str(fd, "reason"),
  });
}

const waste = action({ permission: "inventory.waste", input: logWasteSchema, revalidate: STOCK_PAGES }, logWaste);
export async function logWasteAction(_prev: unknown, fd: FormData) {
  const r = await waste({
    ingredientId: str(fd, "ingredientId"),
    quantity: str(fd, "quantity"),
    unit: str(fd, "unit") || undefined,
    reason: str(fd, "reason"),
    note: str(fd, "note") || undefined,
  });
  return r;
}

// ---- Suppliers ------------------------------------------------------------------------------

const supplier = action(
  { permission: "inventory.manage", input: saveSupplierSchema, revalidate: STOCK_PAGES },
  saveSupplier,
);
export async function saveSupplierAction(_prev: unknown, fd: FormData) {
  const r = await supplier({
    id: str(fd, "id") || undefined,
    fields: {
      name: str(fd, "name"),
      contactName: str(fd, "contactName"),
      email: str(fd, "email"),
      phone: str(fd, "phone"),
      leadTimeDays: num(fd, "leadTimeDays") ?? 0,
    },
  });
  return r.ok ? r : { ...r, fieldErrors: flattenFieldErrors(r.fieldErrors) };
}

// ---- Purchase orders ------------------------------------------------------------------------

const createPo = action(
  { permission: "inventory.manage", input: createPurchaseOrderSchema, revalidate: STOCK_PAGES },
  createPurchaseOrder,
);
export async function createPurchaseOrderAction(input: z.input<typeof createPurchaseOrderSchema>) {
  const r = await createPo(input);
  if (!r.ok) return r;
  redirect(`/admin/inventory/purchase-orders/${r.data.id}`);
}

export const updatePurchaseOrderAction = action(
  { permission: "inventory.manage", input: updatePurchaseOrderSchema, revalidate: STOCK_PAGES },
  updatePurchaseOrder,
);

export const sendPurchaseOrderAction = action(
  { permission: "inventory.manage", input: purchaseOrderIdSchema, revalidate: STOCK_PAGES },
  sendPurchaseOrder,
);

export const receivePurchaseOrderAction = action(
  { permission: "inventory.manage", input: receivePurchaseOrderSchema, revalidate: STOCK_PAGES },
  receivePurchaseOrder,
);

export const cancelPurchaseOrderAction = action(
  { permission: "inventory.manage", input: cancelPurchaseOrderSchema, revalidate: STOCK_PAGES },
  cancelPurchaseOrder,
);

export const createReorderDraftsAction = action(
  { permission: "inventory.manage", input: createReorderDraftsSchema, revalidate: STOCK_PAGES },
  createReorderDrafts,
);

// ---- Stock counts ---------------------------------------------------------------------------

const startCount = action(
  { permission: "inventory.manage", input: startStockCountSchema, revalidate: STOCK_PAGES },
  startStockCount,
);
export async function startStockCountAction(_prev: unknown, fd: FormData) {
  const r = await startCount({ note: str(fd, "note") });
  if (!r.ok) return r;
  redirect(`/admin/inventory/counts/${r.data.id}`);
}

export const saveStockCountAction = action(
  { permission: "inventory.manage", input: saveStockCountSchema, revalidate: STOCK_PAGES },
  saveStockCount,
);

export const previewStockCountAction = action(
  { permission: "inventory.manage", input: previewStockCountSchema },
  previewStockCount,
);

export const postStockCountAction = action(
  { permission: "inventory.manage", input: postStockCountSchema, revalidate: STOCK_PAGES },
  postStockCount,
);

export const cancelStockCountAction = action(
  { permission: "inventory.manage", input: cancelStockCountSchema, revalidate: STOCK_PAGES },
  cancelStockCount,
);

// ---- Recipes --------------------------------------------------------------------------------

export const setRecipeAction = action(
  { permission: "inventory.manage", input: setRecipeSchema, revalidate: STOCK_PAGES },
  setRecipe,
);
