import type { Metadata } from "next";
import Link from "next/link";
import type { Ctx } from "@/lib/auth/context";
import { requireUser } from "@/lib/auth/session";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { EmptyState } from "@/components/ui/empty-state";
import { MENU_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { MenuTable } from "./_components/menu-table";

export const metadata: Metadata = { title: "Menu" };

export default async function MenuPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  // Auth before anything streams, so a wrong role gets a real 403 status.
  const ctx = await requireUser("menu.edit");
  const { saved } = await searchParams;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Menu</h1>
        <div className="flex gap-2">
          <a
            href="/api/v1/menu/export"
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            Export CSV
          </a>
          <Link
            href="/admin/menu/items/new"
            className="inline-flex min-h-11 items-center rounded-lg bg-gray-900 px-4 font-semibold text-white hover:bg-gray-800"
          >
            New item
          </Link>
        </div>
      </div>
      <SectionTabs label="Menu sections" tabs={MENU_TABS} current="items" />
      <MenuSection ctx={ctx} saved={saved} />
    </div>
  );
}

async function MenuSection({ ctx, saved }: { ctx: Ctx; saved?: string }) {
  const menu = await getMenuAdmin(ctx);
  return (
    <>
      {saved && (
        <p role="status" className="rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800">
          Saved {menu.items.find((i) => i.id === saved)?.name ?? "the item"}. Tablets refresh their menu at once.
        </p>
      )}
      {menu.categories.length === 0 ? (
        <EmptyState title="No categories yet">
          Start with{" "}
          <Link className="font-semibold underline" href="/admin/menu/categories">
            categories
          </Link>
          , then add items or{" "}
          <Link className="font-semibold underline" href="/admin/menu/import">
            import a CSV
          </Link>
          .
        </EmptyState>
      ) : menu.items.length === 0 ? (
        <EmptyState title="No items yet">
          <Link className="font-semibold underline" href="/admin/menu/items/new">
            Add the first item
          </Link>{" "}
          or{" "}
          <Link className="font-semibold underline" href="/admin/menu/import">
            import a CSV
          </Link>
          .
        </EmptyState>
      ) : (
        <MenuTable
          items={menu.items}
          categories={menu.categories}
          currency={menu.currency}
          defaultTaxRateBps={menu.defaultTaxRateBps}
        />
      )}
    </>
  );
}
