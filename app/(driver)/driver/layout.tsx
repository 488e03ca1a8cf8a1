import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { currentCtx } from "@/lib/auth/session";

/** Phone-first shell: one slim bar (who is signed in, sign out), the rest is the delivery list. */
export default async function DriverLayout({ children }: { children: ReactNode }) {
  const ctx = await currentCtx();
  return (
    <div className="min-h-screen bg-gray-100">
      <header className="flex h-14 items-center justify-between gap-3 border-b border-gray-200 bg-white px-4">
        <p className="text-xl font-black">Deliveries</p>
        <div className="flex min-w-0 items-center gap-2">
          {ctx && (
            <a
              href="/account"
              data-testid="signed-in-as"
              className="inline-flex min-h-11 min-w-0 items-center truncate text-sm hover:underline"
            >
              {ctx.name} · {ctx.role.toLowerCase()}
            </a>
          )}
          <SignOutButton className="hover:bg-gray-100" />
        </div>
      </header>
      <main className="mx-auto max-w-md p-3">{children}</main>
    </div>
  );
}
