"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className={`min-h-11 rounded-lg px-3 font-semibold ${className}`}
    >
      Sign out
    </button>
  );
}
