"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { rotateQrTokenAction } from "../actions";

/** "New QR code" with a confirm: the table's printed card stops working the moment it is done. */
export function RotateQrButton({ tableId, label }: { tableId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      setError(null);
      const r = await rotateQrTokenAction({ id: tableId });
      if (!r.ok) return setError(r.error);
      setOpen(false);
      setDone(true);
      router.refresh();
    });
  return (
    <div className="flex items-center gap-2">
      {done && (
        <span role="status" className="text-sm font-medium text-green-700">
          New code: print this card
        </span>
      )}
      <Button
        type="button"
        variant="secondary"
        className="shrink-0 text-sm"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        New QR code
      </Button>
      {open && (
        <Modal
          title={`New QR code for table ${label}?`}
          onClose={() => !pending && setOpen(false)}
          testId="rotate-qr-dialog"
          footer={
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
                Cancel
              </Button>
              <Button type="button" variant="danger" onClick={confirm} disabled={pending} data-autofocus>
                {pending ? "Making a new code…" : "Make a new QR code"}
              </Button>
            </div>
          }
        >
          <p className="text-left">
            The printed card for table {label} will stop working. Guests already seated keep their session; print the
            new card and put it on the table.
          </p>
          {error && (
            <p role="alert" className="mt-3 text-left text-sm font-medium text-red-700">
              {error}
            </p>
          )}
        </Modal>
      )}
    </div>
  );
}
