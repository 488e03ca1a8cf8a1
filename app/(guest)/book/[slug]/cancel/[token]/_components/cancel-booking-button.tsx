"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { cancelByLinkAction } from "../../../booking-actions";

export function CancelBookingButton({ slug, token }: { slug: string; token: string }) {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function cancel() {
    setPending(true);
    const r = await cancelByLinkAction({ slug, token });
    setPending(false);
    setResult(
      r.ok
        ? { ok: true, text: "Your booking is cancelled. We hope to see you another time." }
        : { ok: false, text: r.error },
    );
  }

  if (result?.ok)
    return (
      <p role="status" className="rounded-lg bg-green-50 p-4 font-medium text-green-900" data-testid="cancelled">
        {result.text}
      </p>
    );
  return (
    <div className="space-y-3">
      <p className="text-gray-700">Can&apos;t make it? Cancelling frees the table for someone else.</p>
      <Button
        type="button"
        variant="danger"
        className="h-14 w-full text-lg"
        disabled={pending || !hydrated}
        onClick={cancel}
        data-testid="cancel-booking"
      >
        {pending ? "Cancelling…" : "Cancel my booking"}
      </Button>
      {result && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">
          {result.text}
        </p>
      )}
    </div>
  );
}
