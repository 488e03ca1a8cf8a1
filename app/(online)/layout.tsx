import type { ReactNode } from "react";

// The public ordering site's chrome (phones first): no staff header, no sign-in.
export default function OnlineLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-screen bg-gray-50">{children}</div>;
}
