import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import type { Permission } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Reports" };

const REPORTS: { href: string; title: string; blurb: string; permission: Permission }[] = [
  { href: "/admin/reports/sales", title: "Sales", blurb: "Gross to net, tax, tips, covers and average check by hour, day, daypart, server, area and source.", permission: "reports.money" },
  { href: "/admin/reports/product-mix", title: "Product mix & menu engineering", blurb: "What sells and what earns: quantity, revenue, food cost and margin per item; stars, plowhorses, puzzles and dogs.", permission: "reports.money" },
  { href: "/admin/reports/kitchen", title: "Kitchen performance", blurb: "Ticket times by station, item, hour and cook; late tickets; load by hour and station; the load forecast.", permission: "reports.money" },
  { href: "/admin/reports/tables", title: "Tables", blurb: "Turns per table and area, seated time by party size, covers per seat-hour.", permission: "reports.money" },
  { href: "/admin/reports/inventory", title: "Inventory", blurb: "Turnover and days on hand, theoretical vs actual usage, waste by reason, purchase prices.", permission: "reports.money" },
  { href: "/admin/reports/labour", title: "Labour", blurb: "Hours, cost and labour % of sales by day and role; sales per labour hour.", permission: "reports.money" },
  { href: "/admin/reports/delivery", title: "Delivery", blurb: "On-time rate, average delivery time, orders per driver per hour on duty, failed deliveries by reason.", permission: "reports.money" },
  { href: "/admin/delivery/cashup", title: "Driver cash-up", blurb: "Cash each driver collected on delivery per shift: count it and reconcile.", permission: "delivery.cashup" },
  { href: "/admin/reports/end-of-day", title: "End of day (Z report)", blurb: "Tenders, drawers, voids and refunds of a business day.", permission: "reports.money" },
  { href: "/admin/reports/prep-times", title: "Learned prep times", blurb: "Each dish's real cook time from the kitchen's bumps, proposed as its target.", permission: "menu.edit" },
  { href: "/admin/staff/performance", title: "Staff performance", blurb: "Sales, covers and tips per server.", permission: "reports.money" },
  { href: "/admin/audit", title: "Audit log", blurb: "Every sensitive action: who, what, when, before and after.", permission: "audit.view" },
];

export default async function ReportsPage() {
  const ctx = await requireUser("reports.money");
  const visible = REPORTS.filter((r) => can(ctx, r.permission));
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Reports</h1>
      <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Reports">
        {visible.map((r) => (
          <li key={r.href}>
            <Link
              href={r.href}
              className="block h-full rounded-xl border border-gray-200 bg-white p-5 hover:border-gray-900 focus-visible:outline-2 focus-visible:outline-offset-2"
            >
              <h2 className="text-lg font-semibold">{r.title}</h2>
              <p className="mt-1 text-gray-600">{r.blurb}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
