"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { cancelReservationAction } from "../../reservations-actions";
import { timeIn, type HostReservation } from "./host-data";

const REASONS = ["Guest called", "Guest emailed", "Weather", "Duplicate booking", "Restaurant closed"];

/** Cancel a booking with a reason (kept in the audit trail); its tables are free again at once. */
export function CancelDialog({
  reservation: r,
  timezone,
  onClose,
  onDone,
}: {
  reservation: HostReservation;
  timezone: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function submit() {
    setPending(true);
    setError(null);
    try {
      const res = await cancelReservationAction({ id: r.id, reason });
      if (res.ok) onDone(`Cancelled ${r.guest.name} at ${timeIn(r.startsAt, timezone)}`);
      else setError(res.fieldErrors?.reason?.[0] ?? res.error);
    } catch {
      setError("Couldn't reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <Modal
      title={`Cancel ${r.guest.name}, ${r.partySize} at ${timeIn(r.startsAt, timezone)}`}
      onClose={onClose}
      testId="cancel-dialog"
      footer={
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep booking
          </Button>
          <Button variant="danger" disabled={pending} onClick={submit}>
            {pending ? "Cancelling…" : "Cancel reservation"}
          </Button>
        </div>
      }
    >
      <div className="space-y-3">
        <div className="flex flex-wrap gap-2" role="group" aria-label="Common reasons">
          {REASONS.map((text) => (
            <button
              key={text}
              type="button"
              aria-pressed={reason === text}
              onClick={() => setReason(text)}
              className={`min-h-11 rounded-lg border-2 px-3 text-sm font-semibold ${reason === text ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`}
            >
              {text}
            </button>
          ))}
        </div>
        <div>
          <label htmlFor={id} className="mb-1 block text-sm font-semibold">
            Reason
          </label>
          <input
            id={id}
            data-autofocus
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && void submit()}
            className="min-h-12 w-full rounded-xl border-2 border-gray-300 px-3 text-lg"
          />
        </div>
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 p-2 font-semibold text-red-800">
            {error}
          </p>
        )}
      </div>
    </Modal>
  );
}
