import Link from "next/link";

/** Second-level navigation of a console section; the current tab is marked for screen readers. */
export function SectionTabs({
  label,
  tabs,
  current,
}: {
  label: string;
  tabs: { href: string; label: string; key: string }[];
  current: string;
}) {
  return (
    <nav aria-label={label} className="-mx-1 flex flex-wrap gap-1 border-b border-gray-200 pb-2">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`rounded-lg px-3 py-2 text-sm font-semibold ${t.key === current ? "bg-gray-900 text-white" : "text-gray-700 hover:bg-gray-100"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

export const INVENTORY_TABS = [
  { key: "ingredients", href: "/admin/inventory", label: "Ingredients" },
  { key: "recipes", href: "/admin/inventory/recipes", label: "Recipes" },
  { key: "reorder", href: "/admin/inventory/reorder", label: "Reorder" },
  { key: "purchase-orders", href: "/admin/inventory/purchase-orders", label: "Purchase orders" },
  { key: "suppliers", href: "/admin/inventory/suppliers", label: "Suppliers" },
  { key: "counts", href: "/admin/inventory/counts", label: "Stock counts" },
  { key: "waste", href: "/admin/inventory/waste", label: "Waste" },
  { key: "reports", href: "/admin/inventory/reports", label: "Reports" },
  { key: "import", href: "/admin/inventory/import", label: "Import / export" },
];

export const MENU_TABS = [
  { key: "items", href: "/admin/menu", label: "Items" },
  { key: "categories", href: "/admin/menu/categories", label: "Categories" },
  { key: "modifiers", href: "/admin/menu/modifiers", label: "Modifier groups" },
  { key: "availability", href: "/admin/menu/availability", label: "Availability" },
  { key: "import", href: "/admin/menu/import", label: "Import / export" },
];

export const SETUP_TABS = [
  { key: "settings", href: "/admin/settings", label: "Settings" },
  { key: "payments", href: "/admin/settings/payments", label: "Payments" },
  { key: "reservations", href: "/admin/settings/reservations", label: "Reservations" },
  { key: "stations", href: "/admin/setup/stations", label: "Stations" },
  { key: "floor", href: "/admin/setup/floor", label: "Floor plan" },
  { key: "qr-cards", href: "/admin/setup/qr-cards", label: "QR cards" },
  { key: "printers", href: "/admin/setup/printers", label: "Printers" },
  { key: "api-tokens", href: "/admin/settings/api-tokens", label: "API tokens" },
  { key: "webhooks", href: "/admin/settings/webhooks", label: "Webhooks" },
];
