import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { getModifierRouting } from "@/lib/menu/get-modifier-routing";
import { MENU_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { ModifierGroupEditor } from "../_components/modifier-group-editor";

export const metadata: Metadata = { title: "Modifier groups" };

export default async function ModifiersPage() {
  const ctx = await requireUser("menu.edit");
  const [menu, routing] = await Promise.all([getMenuAdmin(ctx), getModifierRouting(ctx)]);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Menu</h1>
      <SectionTabs label="Menu sections" tabs={MENU_TABS} current="modifiers" />
      <p className="text-sm text-gray-600">
        Groups are shared: one change reaches every item that uses the group. Attach groups to items on the item page.
      </p>
      {menu.modifierGroups.map((g) => (
        <ModifierGroupEditor key={g.id} group={g} currency={menu.currency} routing={routing} />
      ))}
      <ModifierGroupEditor
        key={`new-${menu.modifierGroups.length}`}
        group={null}
        currency={menu.currency}
        routing={routing}
      />
    </div>
  );
}
