"use server";

// Server actions of the inventory console: the `action` wrapper (session, role, zod) around the
// use cases, then revalidation. Forms post FormData; editors post JSON.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/http/action";
import { KITCHEN_STAFF, MANAGERS } from "@/lib/auth/roles";
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

const refresh = () => {
  revalidatePath("/admin/inventory", "layout");
  revalidatePath("/admin/menu", "layout"); // stock changes can (un)86 dishes
};
async function after<T>(r: ActionResult<T>): Promise<ActionResult<T>> {
  if (r.ok) refresh();
  return r;
}

// ---- Ingredients ----------------------------------------------------------------------------

const saveIngredient = action({ roles: MANAGERS, input: z.object({ id: idSchema.optional(), fields: ingredientFieldsSchema }) }, async (ctx, input) =>
  input.id ? updateIngredient(ctx, { id: input.id, fields: input.fields }) : createIngredient(ctx, input.fields),
);

export async function saveIngredientAction(id: string | null, _prev: unknown, fd: FormData): Promise<ActionResult<{ id: string }>> {
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
  refresh();
  redirect(`/admin/inventory/ingredients/${r.data.id}?saved=1`);
}

const archive = action({ roles: MANAGERS, input: archiveIngredientSchema }, archiveIngredient);
export async function archiveIngredientAction(input: { id: string }) {
  const r = await archive(input);
  if (!r.ok) return r;
  refresh();
  redirect("/admin/inventory");
}

const adjust = action({ roles: MANAGERS, input: adjustStockSchema }, adjustStock);
export async function adjustStockAction(ingredientId: string, _prev: unknown, fd: FormData) {
  return after(await adjust({ ingredientId, direction: str(fd, "direction"), quantity: str(fd, "quantity"), unit: str(fd, "unit") || undefined, reason: str(fd, "reason") }));
}

const waste = action({ roles: KITCHEN_STAFF, input: logWasteSchema }, logWaste);
export async function logWasteAction(_prev: unknown, fd: FormData) {
  const r = await waste({ ingredientId: str(fd, "ingredientId"), quantity: str(fd, "quantity"), unit: str(fd, "unit") || undefined, reason: str(fd, "reason"), note: str(fd, "note") || undefined });
  return after(r);
}

// ---- Suppliers ------------------------------------------------------------------------------

const supplier = action({ roles: MANAGERS, input: saveSupplierSchema }, saveSupplier);
export async function saveSupplierAction(_prev: unknown, fd: FormData) {
  const r = await supplier({
    id: str(fd, "id") || undefined,
    fields: { name: str(fd, "name"), contactName: str(fd, "contactName"), email: str(fd, "email"), phone: str(fd, "phone"), leadTimeDays: num(fd, "leadTimeDays") ?? 0 },
  });
  return after(r.ok ? r : { ...r, fieldErrors: flattenFieldErrors(r.fieldErrors) });
}

// ---- Purchase orders ------------------------------------------------------------------------

const createPo = action({ roles: MANAGERS, input: createPurchaseOrderSchema }, createPurchaseOrder);
export async function createPurchaseOrderAction(input: z.input<typeof createPurchaseOrderSchema>) {
  const r = await createPo(input);
  if (!r.ok) return r;
  refresh();
  redirect(`/admin/inventory/purchase-orders/${r.data.id}`);
}

const updatePo = action({ roles: MANAGERS, input: updatePurchaseOrderSchema }, updatePurchaseOrder);
export async function updatePurchaseOrderAction(input: z.input<typeof updatePurchaseOrderSchema>) {
  return after(await updatePo(input));
}

const sendPo = action({ roles: MANAGERS, input: purchaseOrderIdSchema }, sendPurchaseOrder);
export async function sendPurchaseOrderAction(input: { id: string }) {
  return after(await sendPo(input));
}

const receivePo = action({ roles: MANAGERS, input: receivePurchaseOrderSchema }, receivePurchaseOrder);
export async function receivePurchaseOrderAction(input: z.input<typeof receivePurchaseOrderSchema>) {
  return after(await receivePo(input));
}

const cancelPo = action({ roles: MANAGERS, input: cancelPurchaseOrderSchema }, cancelPurchaseOrder);
export async function cancelPurchaseOrderAction(input: { id: string; reason?: string }) {
  return after(await cancelPo(input));
}

const reorder = action({ roles: MANAGERS, input: createReorderDraftsSchema }, createReorderDrafts);
export async function createReorderDraftsAction(input: { supplierIds: string[] }) {
  return after(await reorder(input));
}

// ---- Stock counts ---------------------------------------------------------------------------

const startCount = action({ roles: MANAGERS, input: startStockCountSchema }, startStockCount);
export async function startStockCountAction(_prev: unknown, fd: FormData) {
  const r = await startCount({ note: str(fd, "note") });
  if (!r.ok) return r;
  refresh();
  redirect(`/admin/inventory/counts/${r.data.id}`);
}

const saveCount = action({ roles: MANAGERS, input: saveStockCountSchema }, saveStockCount);
export async function saveStockCountAction(input: z.input<typeof saveStockCountSchema>) {
  return after(await saveCount(input));
}

const previewCount = action({ roles: MANAGERS, input: previewStockCountSchema }, previewStockCount);
export async function previewStockCountAction(input: { id: string }) {
  return previewCount(input);
}

const postCount = action({ roles: MANAGERS, input: postStockCountSchema }, postStockCount);
export async function postStockCountAction(input: { id: string }) {
  return after(await postCount(input));
}

const cancelCount = action({ roles: MANAGERS, input: cancelStockCountSchema }, cancelStockCount);
export async function cancelStockCountAction(input: { id: string }) {
  return after(await cancelCount(input));
}

// ---- Recipes --------------------------------------------------------------------------------

const recipe = action({ roles: MANAGERS, input: setRecipeSchema }, setRecipe);
export async function setRecipeAction(input: z.input<typeof setRecipeSchema>) {
  return after(await recipe(input));
}
