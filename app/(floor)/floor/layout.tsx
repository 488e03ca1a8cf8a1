import Link from "next/link";
import type { ReactNode } from "react";
import { SurfaceHeader } from "@/components/surface-header";
import { TimeClockButton } from "@/components/time-clock/time-clock-button";

const LINKS = [
  { href: "/floor", label: "Tables" },
  { href: "/floor/tasks", label: "Tasks" },
  { href: "/floor/shifts", label: "My shifts" },
];

export default function FloorLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-gray-100">
      <SurfaceHeader title="Floor">
        <FloorNav label="Floor" className="hidden md:flex" />
        <TimeClockButton />
      </SurfaceHeader>
      {/* Phones: the header has no room, so the same links get their own row. */}
      <FloorNav label="Floor pages" className="flex border-b border-gray-200 bg-white px-2 md:hidden" />
      <div className="flex-1 p-4">{children}</div>
    </div>
  );
}

function FloorNav({ label, className }: { label: string; className: string }) {
  return (
    <nav aria-label={label} className={`items-center gap-1 ${className}`}>
      {LINKS.map((l) => (
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
