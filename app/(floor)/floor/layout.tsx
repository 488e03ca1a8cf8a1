import Link from "next/link";
import type { ReactNode } from "react";
import { SurfaceHeader } from "@/components/surface-header";

const LINKS = [
  { href: "/floor", label: "Tables" },
  { href: "/floor/tasks", label: "Tasks" },
  { href: "/floor/shifts", label: "My shifts" },
];

export default function FloorLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-gray-100">
      <SurfaceHeader title="Floor">
        <nav aria-label="Floor" className="flex items-center gap-1">
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
      </SurfaceHeader>
      <div className="flex-1 p-4">{children}</div>
    </div>
  );
}
