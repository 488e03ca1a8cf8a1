import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { MENU_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { WindowEditor } from "../_components/window-editor";

export const metadata: Metadata = { title: "Availability windows" };

export default async function AvailabilityPage() {
  const ctx = await requireUser("menu.edit");
  const menu = await getMenuAdmin(ctx);
  const seasonal = menu.items.filter((i) => i.seasonal);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Menu</h1>
      <SectionTabs label="Menu sections" tabs={MENU_TABS} current="availability" />
      <p className="text-sm text-gray-600">
        Windows are days and times (in {menu.timezone}) when linked items are served; an end before the start runs past
        midnight. Items with no window are served all day. Link items to windows and set seasonal dates on the item
        page.
      </p>
      {menu.windows.map((w) => (
        <WindowEditor key={w.id} window={w} />
      ))}
      <WindowEditor key={`new-${menu.windows.length}`} window={null} />
      <section aria-labelledby="seasonal" className="rounded-xl border border-gray-200 bg-white p-4">
        <h2 id="seasonal" className="mb-2 font-semibold">
          Seasonal items
        </h2>
        {seasonal.length === 0 ? (
          <p className="text-sm text-gray-500">No item has seasonal dates.</p>
        ) : (
          <ul className="text-sm">
            {seasonal.map((i) => (
              <li key={i.id}>
                <a className="font-medium underline" href={`/admin/menu/items/${i.id}`}>
                  {i.name}
                </a>
                : {i.seasonal?.from ?? "…"} → {i.seasonal?.to ?? "…"}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
