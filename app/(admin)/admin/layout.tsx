import Link from "next/link";
import type { ReactNode } from "react";
import { currentCtx } from "@/lib/auth/session";
import { listMyLocations } from "@/lib/locations/list-my-locations";
import { LocationSwitcher } from "@/components/location-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { LiveConsole } from "@/components/admin/live-console";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { can } from "@/lib/auth/permissions";

const NAV = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/menu", label: "Menu" },
  { href: "/admin/inventory", label: "Inventory" },
  { href: "/admin/staff", label: "Staff" },
  { href: "/admin/settings", label: "Setup" },
  { href: "/admin/schedule", label: "Schedule" },
  { href: "/admin/tasks", label: "Tasks" },
  { href: "/admin/devices", label: "Devices" },
  { href: "/admin/timesheets", label: "Timesheets" },
  { href: "/admin/guests", label: "Guests" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/cash", label: "Cash drawers" },
  { href: "/admin/delivery", label: "Delivery" },
  { href: "/admin/delivery/cashup", label: "Driver cash-up" },
  { href: "/floor", label: "Floor" },
  { href: "/kitchen", label: "Kitchen" },
];

// Layouts make no auth decisions (pages do); this one only shows who is signed in.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const ctx = await currentCtx();
  const locations = ctx ? await listMyLocations(ctx) : [];
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 print:hidden shrink-0 flex-col bg-gray-900 p-4 text-gray-100 md:flex">
        <p className="mb-6 text-lg font-black tracking-tight">
          ServiceBell <span className="text-brand-500">Admin</span>
        </p>
        <nav aria-label="Admin" className="flex flex-col gap-1">
          {NAV.map((n) => (
            <Link key={n.href} href={n.href} className="rounded-lg px-3 py-2.5 font-medium hover:bg-gray-800">
              {n.label}
            </Link>
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b print:hidden border-gray-200 bg-white px-6 py-3">
          {ctx && <LocationSwitcher locations={locations} currentId={ctx.locationId} />}
          <div className="flex items-center gap-3 text-sm">
            {ctx && (
              <a href="/account" className="hover:underline" data-testid="signed-in-as">
                {ctx.name} · <span className="font-semibold">{ctx.role.toLowerCase()}</span>
              </a>
            )}
            <SignOutButton className="text-gray-700 hover:bg-gray-100" />
          </div>
        </header>
        <main className="flex-1 space-y-4 p-6">
          {/* Live alerts (86s, low stock) on every console page; pages still check roles themselves. */}
          {ctx && can(ctx, "console.use") && (
            <div className="print:hidden">
              <LiveConsole config={pusherClientConfig()} locationId={ctx.locationId} />
            </div>
          )}
          <div>{children}</div>
        </main>
      </div>
    </div>
  );
}
