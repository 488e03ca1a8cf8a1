"use server";

// Server actions of the menu console: thin — the `action` wrapper checks the session, the role
// and the input (zod); the use cases do the work; then the pages are revalidated.
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/http/action";

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

const MENU_PAGES = ["/admin/menu"];

// ---- Items ----------------------------------------------------------------------------------

const saveItem = action(
  {
    permission: "menu.edit",
    input: z.object({ id: idSchema.optional(), fields: menuItemFieldsSchema }),
    revalidate: MENU_PAGES,
  },
  async (ctx, input) =>
    input.id ? updateMenuItem(ctx, { id: input.id, fields: input.fields }) : createMenuItem(ctx, input.fields),
);

function itemFromForm(fd: FormData) {
  const extraTags = str(fd, "extraTags")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
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
export async function saveMenuItemAction(
  id: string | null,
  _prev: unknown,
  fd: FormData,
): Promise<ActionResult<{ id: string }>> {
  const r = await saveItem({ id: id ?? undefined, fields: itemFromForm(fd) });
  if (!r.ok) return { ...r, fieldErrors: flattenFieldErrors(r.fieldErrors) };
  redirect(`/admin/menu?saved=${encodeURIComponent(r.data.id)}`);
}

export const setMenuItem86Action = action(
  { permission: "menu.86", input: setMenuItem86Schema, revalidate: MENU_PAGES },
  setMenuItem86,
);

const archive = action(
  { permission: "menu.edit", input: archiveMenuItemSchema, revalidate: MENU_PAGES },
  archiveMenuItem,
);
export async function archiveMenuItemAction(input: { id: string }) {
  const r = await archive(input);
  if (!r.ok) return r;
  redirect("/admin/menu");
}

export const bulkChangePricesAction = action(
  { permission: "menu.edit", input: bulkChangePricesSchema, revalidate: MENU_PAGES },
  bulkChangePrices,
);

// ---- Categories -----------------------------------------------------------------------------

const saveCat = action({ permission: "menu.edit", input: saveCategorySchema, revalidate: MENU_PAGES }, saveCategory);
export async function saveCategoryAction(_prev: unknown, fd: FormData) {
  return await saveCat({
    id: str(fd, "id") || undefined,
    name: str(fd, "name"),
    active: str(fd, "active") === "on",
    defaultStationId: orNull(str(fd, "defaultStationId")),
  });
}

export const moveCategoryAction = action(
  { permission: "menu.edit", input: moveCategorySchema, revalidate: MENU_PAGES },
  moveCategory,
);

export const deleteCategoryAction = action(
  { permission: "menu.edit", input: deleteCategorySchema, revalidate: MENU_PAGES },
  deleteCategory,
);

// ---- Modifier groups and availability windows (JSON from client editors) ---------------------

export const saveModifierGroupAction = action(
  { permission: "menu.edit", input: saveModifierGroupSchema, revalidate: MENU_PAGES },
  saveModifierGroup,
);

export const deleteModifierGroupAction = action(
  { permission: "menu.edit", input: deleteModifierGroupSchema, revalidate: MENU_PAGES },
  deleteModifierGroup,
);

export const saveAvailabilityWindowAction = action(
  { permission: "menu.edit", input: saveAvailabilityWindowSchema, revalidate: MENU_PAGES },
  saveAvailabilityWindow,
);

export const deleteAvailabilityWindowAction = action(
  { permission: "menu.edit", input: deleteAvailabilityWindowSchema, revalidate: MENU_PAGES },
  deleteAvailabilityWindow,
);
