import type { ReactNode } from "react";

/** The frame of the signed-out pages (sign-in, forgot and reset password). */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-900 p-4">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 shadow-xl">
        <div className="mb-6">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">ServiceBell</p>
          <h1 className="text-3xl font-bold">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
