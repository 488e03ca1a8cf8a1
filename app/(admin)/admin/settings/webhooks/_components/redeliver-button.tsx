"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { redeliverWebhookAction } from "../actions";

/** Sends the event again as a new delivery (the log gains a row), then reloads the log. */
export function RedeliverButton({ deliveryId, disabled }: { deliveryId: string; disabled: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function redeliver() {
    setPending(true);
    setError(null);
    try {
      const result = await redeliverWebhookAction({ deliveryId });
      if (!result.ok) setError(result.error);
      else setTimeout(() => router.refresh(), 1_500);
    } catch {
      setError("Couldn't reach the server. Try again.");
    }
    setPending(false);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={redeliver} disabled={disabled || pending}>
        {pending ? "Queuing…" : "Redeliver"}
      </Button>
      {error && (
        <span role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
