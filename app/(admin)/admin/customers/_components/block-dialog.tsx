"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { blockCustomerAction, blockPhoneAction } from "../actions";

/** "Until" as the end of the chosen day in the browser's time zone; empty = until lifted. */
function untilIso(date: string): string | null {
  if (!date) return null;
  const d = new Date(`${date}T23:59:59`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * Block a customer (by id) or a phone number (no customer needed): reason and an optional last
 * day. Field errors from the server show under the form.
 */
export function BlockDialog({
  customer,
  onClose,
}: {
  customer: { id: string; firstName: string } | null;
  onClose: () => void;
}) {
  const [phone, setPhone] = useState("");
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function submit() {
    setError(null);
    start(async () => {
      const r = customer
        ? await blockCustomerAction({ id: customer.id, reason, until: untilIso(until) })
        : await blockPhoneAction({ phone, reason, until: untilIso(until) });
      if (r.ok) onClose();
      else setError((r.fieldErrors ? Object.values(r.fieldErrors).flat()[0] : null) ?? r.error);
    });
  }

  return (
    <Modal
      title={customer ? `Block ${customer.firstName || "this customer"}` : "Block a phone number"}
      onClose={onClose}
      testId="block-dialog"
      footer={
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" disabled={pending} onClick={submit} data-testid="block-confirm">
            {pending ? "Blocking…" : "Block"}
          </Button>
        </div>
      }
    >
      <div className="space-y-3">
        <p className="text-sm text-gray-700">
          A blocked customer may only order pickup paid upfront, or nothing at all (the setting on this page). The block
          is recorded in the audit log.
        </p>
        {!customer && (
          <label className="block text-sm font-semibold">
            Phone number
            <input
              className="mt-1 block min-h-11 w-full rounded-lg border border-gray-300 px-3"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              inputMode="tel"
              autoComplete="off"
              data-testid="block-phone"
            />
          </label>
        )}
        <label className="block text-sm font-semibold">
          Reason
          <input
            className="mt-1 block min-h-11 w-full rounded-lg border border-gray-300 px-3"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            data-testid="block-reason"
          />
        </label>
        <label className="block text-sm font-semibold">
          Until (optional; empty = until lifted)
          <input
            type="date"
            className="mt-1 block min-h-11 w-full rounded-lg border border-gray-300 px-3"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            data-testid="block-until"
          />
        </label>
        {error && (
          <p role="alert" className="text-sm font-medium text-red-700" data-testid="block-error">
            {error}
          </p>
        )}
      </div>
    </Modal>
  );
}
