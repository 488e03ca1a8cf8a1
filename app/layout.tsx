import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ServiceBell Kitchen", template: "%s · ServiceBell" },
  description: "Kitchen management: menu, orders, kitchen display, inventory and floor.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#111827" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading headers makes every page render per request, which the CSP nonce needs.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen bg-gray-50 font-sans text-gray-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
