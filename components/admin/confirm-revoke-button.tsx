"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * "Revoke" that asks once more, then ends the thing at once (a device, an API token, a webhook).
 * The caller passes its server action (and another verb if it is not a revoke); a refusal shows
 * beside the buttons.
 */
export function ConfirmRevokeButton({
  name,
  revoke,
  verb = "Revoke",
  pendingLabel = "Revoking…",
}: {
  name: string;
  revoke: () => Promise<{ ok: true } | { ok: false; error: string }>;
  verb?: string;
  pendingLabel?: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      const result = await revoke();
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
          <Button variant="danger" onClick={confirm} disabled={pending} aria-label={`${verb} ${name} now`}>
            {pending ? pendingLabel : `${verb} now`}
          </Button>
        </>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`${verb} ${name}`}>
          {verb}
        </Button>
      )}
    </div>
  );
}
