import Link from "next/link";
import type { ReactNode } from "react";
import { SurfaceHeader } from "@/components/surface-header";
import { TimeClockButton } from "@/components/time-clock/time-clock-button";
import { currentCtx } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";

const LINKS: { href: string; label: string; permission?: Permission; unless?: Permission }[] = [
  { href: "/floor", label: "Tables" },
  // The host stand, in the header of those whose header has room (hosts: no Checks or Cash link).
  // Servers and managers, whose headers are full at 1024 px, find it in the floor view's toolbar.
  { href: "/floor/host", label: "Host", permission: "reservations.manage", unless: "payments.take" },
  // Open checks for servers; cashiers land there and, like managers, have no room left in this
  // header at 1024 px (their Cash link): the floor view links it for everyone.
  { href: "/floor/checks", label: "Checks", permission: "payments.take", unless: "cash.drawer" },
  // Pickup and delivery orders from the ordering site (issue 16): in the header for hosts and chefs;
  // those who take payments have no room left at 1024 px and find it in the floor view's toolbar.
  { href: "/floor/online", label: "Online", permission: "online.orders", unless: "payments.take" },
  { href: "/floor/tasks", label: "Tasks" },
  { href: "/floor/shifts", label: "My shifts" },
  // Cashiers' own screen; managers reach it from the console's Cash drawers page (their header is full).
  { href: "/floor/cash", label: "Cash", permission: "cash.drawer", unless: "console.use" },
];

// Layouts make no auth decisions (pages do): a link someone may not use is only left out.
export default async function FloorLayout({ children }: { children: ReactNode }) {
  const ctx = await currentCtx();
  const links = LINKS.filter(
    (l) => (!l.permission || (ctx && can(ctx, l.permission))) && !(l.unless && ctx && can(ctx, l.unless)),
  );
  return (
    <div className="flex min-h-screen flex-col bg-gray-100">
      <SurfaceHeader title="Floor">
        <FloorNav label="Floor" links={links} className="hidden md:flex" />
        <TimeClockButton />
      </SurfaceHeader>
      {/* Phones: the header has no room, so the same links get their own row. */}
      <FloorNav label="Floor pages" links={links} className="flex border-b border-gray-200 bg-white px-2 md:hidden" />
      <div className="flex-1 p-4">{children}</div>
    </div>
  );
}

function FloorNav({ label, links, className }: { label: string; links: typeof LINKS; className: string }) {
  return (
    <nav aria-label={label} className={`items-center gap-1 ${className}`}>
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          className="inline-flex min-h-11 items-center rounded-lg px-3 font-semibold hover:bg-gray-100"
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
