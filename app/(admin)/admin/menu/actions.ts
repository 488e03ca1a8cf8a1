"use server";

// Server actions of the menu console: thin — the `action` wrapper checks the session, the role
// and the input (zod); the use cases do the work; then the pages are revalidated.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/http/action";
import { KITCHEN_STAFF, MANAGERS } from "@/lib/auth/roles";
import { idSchema } from "@/lib/validation";
import { menuItemFieldsSchema } from "@/lib/menu/menu-item-fields";
import { createMenuItem } from "@/lib/menu/create-menu-item";
import { updateMenuItem } from "@/lib/menu/update-menu-item";
import { archiveMenuItem, archiveMenuItemSchema } from "@/lib/menu/archive-menu-item";
import { setMenuItem86, setMenuItem86Schema } from "@/lib/menu/set-menu-item-86";
import { bulkChangePrices, bulkChangePricesSchema } from "@/lib/menu/bulk-change-prices";
import { saveCategory, saveCategorySchema } from "@/lib/menu/save-category";
import { moveCategory, moveCategorySchema } from "@/lib/menu/move-category";
import { deleteCategory, deleteCategorySchema } from "@/lib/menu/delete-category";
import { saveModifierGroup, saveModifierGroupSchema } from "@/lib/menu/save-modifier-group";
import { deleteModifierGroup, deleteModifierGroupSchema } from "@/lib/menu/delete-modifier-group";
import { saveAvailabilityWindow, saveAvailabilityWindowSchema } from "@/lib/menu/save-availability-window";
import { deleteAvailabilityWindow, deleteAvailabilityWindowSchema } from "@/lib/menu/delete-availability-window";
import { all, bps, cents, flattenFieldErrors, num, orNull, str } from "@/lib/http/form-data";

const refresh = () => revalidatePath("/admin/menu", "layout");

async function after<T>(r: ActionResult<T>): Promise<ActionResult<T>> {
  if (r.ok) refresh();
  return r;
}

// ---- Items ----------------------------------------------------------------------------------

const saveItem = action({ roles: MANAGERS, input: z.object({ id: idSchema.optional(), fields: menuItemFieldsSchema }) }, async (ctx, input) =>
  input.id ? updateMenuItem(ctx, { id: input.id, fields: input.fields }) : createMenuItem(ctx, input.fields),
);

function itemFromForm(fd: FormData) {
  const extraTags = str(fd, "extraTags").split(",").map((t) => t.trim()).filter(Boolean);
  return {
    name: str(fd, "name"),
    categoryId: str(fd, "categoryId"),
    description: str(fd, "description"),
    priceCents: cents(fd, "price") ?? Number.NaN,
    taxRateBps: bps(fd, "taxRate"),
    stationId: orNull(str(fd, "stationId")),
    imageUrl: orNull(str(fd, "imageUrl")),
    allergens: all(fd, "allergens"),
    dietaryTags: [...all(fd, "dietaryTags"), ...extraTags],
    kcal: num(fd, "kcal"),
    proteinG: num(fd, "proteinG"),
    carbsG: num(fd, "carbsG"),
    fatG: num(fd, "fatG"),
    prepMinutes: num(fd, "prepMinutes"),
    seasonalFrom: orNull(str(fd, "seasonalFrom")),
    seasonalTo: orNull(str(fd, "seasonalTo")),
    modifierGroupIds: all(fd, "modifierGroupIds"),
    availabilityWindowIds: all(fd, "availabilityWindowIds"),
  };
}

/** useActionState form action: create (no id) or update; on success back to the table. */
export async function saveMenuItemAction(id: string | null, _prev: unknown, fd: FormData): Promise<ActionResult<{ id: string }>> {
  const r = await saveItem({ id: id ?? undefined, fields: itemFromForm(fd) });
  if (!r.ok) return { ...r, fieldErrors: flattenFieldErrors(r.fieldErrors) };
  refresh();
  redirect(`/admin/menu?saved=${encodeURIComponent(r.data.id)}`);
}

const toggle86 = action({ roles: KITCHEN_STAFF, input: setMenuItem86Schema }, setMenuItem86);
export async function setMenuItem86Action(input: { id: string; eightySixed: boolean }) {
  return after(await toggle86(input));
}

const archive = action({ roles: MANAGERS, input: archiveMenuItemSchema }, archiveMenuItem);
export async function archiveMenuItemAction(input: { id: string }) {
  const r = await archive(input);
  if (!r.ok) return r;
  refresh();
  redirect("/admin/menu");
}

const bulk = action({ roles: MANAGERS, input: bulkChangePricesSchema }, bulkChangePrices);
export async function bulkChangePricesAction(input: z.input<typeof bulkChangePricesSchema>) {
  return after(await bulk(input));
}

// ---- Categories -----------------------------------------------------------------------------

const saveCat = action({ roles: MANAGERS, input: saveCategorySchema }, saveCategory);
export async function saveCategoryAction(_prev: unknown, fd: FormData) {
  return after(await saveCat({ id: str(fd, "id") || undefined, name: str(fd, "name"), active: str(fd, "active") === "on", defaultStationId: orNull(str(fd, "defaultStationId")) }));
}

const moveCat = action({ roles: MANAGERS, input: moveCategorySchema }, moveCategory);
export async function moveCategoryAction(input: { id: string; direction: "up" | "down" }) {
  return after(await moveCat(input));
}

const deleteCat = action({ roles: MANAGERS, input: deleteCategorySchema }, deleteCategory);
export async function deleteCategoryAction(input: { id: string }) {
  return after(await deleteCat(input));
}

// ---- Modifier groups and availability windows (JSON from client editors) ---------------------

const saveGroup = action({ roles: MANAGERS, input: saveModifierGroupSchema }, saveModifierGroup);
export async function saveModifierGroupAction(input: z.input<typeof saveModifierGroupSchema>) {
  return after(await saveGroup(input));
}

const deleteGroup = action({ roles: MANAGERS, input: deleteModifierGroupSchema }, deleteModifierGroup);
export async function deleteModifierGroupAction(input: { id: string }) {
  return after(await deleteGroup(input));
}

const saveWindow = action({ roles: MANAGERS, input: saveAvailabilityWindowSchema }, saveAvailabilityWindow);
export async function saveAvailabilityWindowAction(input: z.input<typeof saveAvailabilityWindowSchema>) {
  return after(await saveWindow(input));
}

const deleteWindow = action({ roles: MANAGERS, input: deleteAvailabilityWindowSchema }, deleteAvailabilityWindow);
export async function deleteAvailabilityWindowAction(input: { id: string }) {
  return after(await deleteWindow(input));
}
