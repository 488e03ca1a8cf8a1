import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { MENU_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { CategoryManager } from "../_components/category-manager";

export const metadata: Metadata = { title: "Menu categories" };

export default async function CategoriesPage() {
  const ctx = await requireUser("menu.edit");
  const menu = await getMenuAdmin(ctx);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Menu</h1>
      <SectionTabs label="Menu sections" tabs={MENU_TABS} current="categories" />
      <p className="text-sm text-gray-600">
        The order pads show categories in this order. Hidden categories stay on past orders but not on the pads.
      </p>
      <CategoryManager categories={menu.categories} stations={menu.stations} />
    </div>
  );
}
