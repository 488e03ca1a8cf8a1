import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { ItemForm } from "../../_components/item-form";

export const metadata: Metadata = { title: "New menu item" };

export default async function NewItemPage() {
  const ctx = await requireUser("menu.edit");
  const menu = await getMenuAdmin(ctx);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/admin/menu" className="text-sm font-semibold text-gray-600 hover:underline">
        ← Menu
      </Link>
      <h1 className="text-2xl font-bold">New menu item</h1>
      <ItemForm item={null} options={menu} />
    </div>
  );
}
