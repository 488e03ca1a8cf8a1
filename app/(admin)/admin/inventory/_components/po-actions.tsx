"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cancelPurchaseOrderAction, sendPurchaseOrderAction } from "../actions";

/** Send a draft; cancel a draft or sent order (refused by the server once anything is received). */
export function PoActions({
  id,
  can,
  supplierEmail,
}: {
  id: string;
  can: { send: boolean; cancel: boolean };
  supplierEmail: string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (!r.ok) setError(r.error ?? "Failed");
      setConfirmCancel(false);
    });
  if (!can.send && !can.cancel) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {can.send && (
        <Button disabled={pending} onClick={() => run(() => sendPurchaseOrderAction({ id }))} data-testid="po-send">
          Mark as sent{supplierEmail ? ` (to ${supplierEmail})` : ""}
        </Button>
      )}
      {can.cancel &&
        (confirmCancel ? (
          <>
            <span className="text-sm font-medium">Cancel this order?</span>
            <Button
              variant="danger"
              disabled={pending}
              onClick={() => run(() => cancelPurchaseOrderAction({ id }))}
              data-testid="po-cancel-confirm"
            >
              Cancel order
            </Button>
            <Button variant="ghost" onClick={() => setConfirmCancel(false)}>
              Keep it
            </Button>
          </>
        ) : (
          <Button variant="ghost" onClick={() => setConfirmCancel(true)} data-testid="po-cancel">
            Cancel order…
          </Button>
        ))}
      {error && (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
