import type { ReactNode } from "react";

/** Full-screen, dark, no navigation chrome: readable from across the pass. */
export default function KitchenLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-screen bg-black text-white">{children}</div>;
}
