import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { getMenuItem } from "@/lib/menu/get-menu-item";
import { getPriceHistory } from "@/lib/menu/get-price-history";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/ui/card";
import { ItemForm } from "../../_components/item-form";
import { ItemDangerZone } from "../../_components/item-danger-zone";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Edit menu item" };

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser("menu.edit");
  const { id } = await params;
  const item = await orNotFound(getMenuItem(ctx, id));
  const [menu, history] = await Promise.all([getMenuAdmin(ctx), getPriceHistory(ctx, id)]);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/admin/menu" className="text-sm font-semibold text-gray-600 hover:underline">
        ← Menu
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{item.name}</h1>
        <Link
          href={`/admin/inventory/recipes?item=${item.id}`}
          className="text-sm font-semibold text-gray-700 underline"
        >
          Recipe & plate cost
        </Link>
      </div>
      <ItemForm item={item} options={menu} />
      <Card title="Price history">
        {history.length === 0 ? (
          <p className="text-sm text-gray-500">No price changes recorded yet.</p>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm" data-testid="price-history">
            {history.map((h) => (
              <li key={h.at} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {h.fromCents !== null ? formatCents(h.fromCents, menu.currency) : "?"} →{" "}
                  <strong>{h.toCents !== null ? formatCents(h.toCents, menu.currency) : "?"}</strong>
                  <span className="text-gray-500"> · {h.via}</span>
                </span>
                <span className="text-gray-500">
                  {h.by},{" "}
                  {new Date(h.at).toLocaleString("en-US", {
                    timeZone: menu.timezone,
                    dateStyle: "medium",
                    timeStyle: "short",
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <ItemDangerZone id={item.id} name={item.name} is86d={item.is86d} eightySixedBy={item.eightySixedBy} />
    </div>
  );
}
