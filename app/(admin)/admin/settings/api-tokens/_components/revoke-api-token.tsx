"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { revokeApiTokenAction } from "../actions";

/** Revoke asks once more (the integration stops working at its next request), then ends it at once. */
export function RevokeApiToken({ tokenId, name }: { tokenId: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      const result = await revokeApiTokenAction({ tokenId });
      if (!result.ok) setError(result.error);
    } catch {
      setError("Couldn't reach the server. Try again.");
    }
    setPending(false);
    setConfirming(false);
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {error && (
        <span role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </span>
      )}
      {confirming ? (
        <>
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            Keep
          </Button>
          <Button variant="danger" onClick={revoke} disabled={pending} aria-label={`Revoke ${name} now`}>
            {pending ? "Revoking…" : "Revoke now"}
          </Button>
        </>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      )}
    </div>
  );
}
