"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "../actions";

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    const result = await signOutEverywhereAction({});
    if (result.ok) {
      // This session ended on the server too; clear the cookie and go to sign-in.
      await signOut({ callbackUrl: "/login" });
      return;
    }
    setPending(false);
    setError(result.error);
  }

  return (
    <div className="space-y-2">
      <Button type="button" variant="danger" className="h-12 w-full" disabled={pending} onClick={onClick}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
