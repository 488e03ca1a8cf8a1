"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/http/action";

type EraseInput = { id: string; confirm: string; reason: string };

/**
 * GDPR requests for one person (ADR 0043): download everything stored about them as JSON (the
 * export API, audited), or erase it after typing ERASE and a reason in a confirm dialog.
 */
export function PersonalDataPanel({
  id,
  who,
  exportHref,
  erase,
  erasedAt,
}: {
  id: string;
  who: string;
  exportHref: string;
  erase: (input: EraseInput) => Promise<ActionResult<unknown>>;
  erasedAt: Date | string | null;
}) {
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();

  function submit() {
    setError(null);
    start(async () => {
      const r = await erase({ id, confirm, reason });
      if (r.ok) {
        setDone(true);
        setOpen(false);
      } else {
        const fields = r.fieldErrors ? Object.values(r.fieldErrors).flat() : [];
        setError(fields[0] ?? r.error);
      }
    });
  }

  const erased = done || erasedAt !== null;
  return (
    <section
      aria-labelledby="personal-data-heading"
      className="max-w-xl space-y-3 rounded-xl border border-gray-200 bg-white p-5"
    >
      <h2 id="personal-data-heading" className="text-lg font-bold">
        Personal data
      </h2>
      {erased ? (
        <p role="status" data-testid="erased" className="text-sm text-gray-700">
          Erased on request. The bookings and orders stay, without the personal details.
        </p>
      ) : (
        <>
          <p className="text-sm text-gray-600">
            On a data request: download everything stored about {who}, or erase it. Both are recorded in the audit log.
          </p>
          <div className="flex flex-wrap gap-2">
            <a
              href={exportHref}
              download
              className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold text-gray-900 hover:bg-gray-50"
            >
              Download data (JSON)
            </a>
            <Button variant="danger" onClick={() => setOpen(true)}>
              Erase personal data…
            </Button>
          </div>
        </>
      )}
      {open && (
        <Modal
          title={`Erase ${who}'s personal data?`}
          onClose={() => setOpen(false)}
          testId="erase-dialog"
          footer={
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button variant="danger" disabled={pending || confirm !== "ERASE"} onClick={submit}>
                {pending ? "Erasing…" : "Erase"}
              </Button>
            </div>
          }
        >
          <div className="space-y-3">
            <p className="text-sm text-gray-700">
              The name, contact details and notes are removed for good. Bookings, orders and the audit log stay. This
              cannot be undone.
            </p>
            <label className="block text-sm font-semibold">
              Reason (kept in the audit log)
              <input
                className="mt-1 block min-h-11 w-full rounded-lg border border-gray-300 px-3"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={500}
              />
            </label>
            <label className="block text-sm font-semibold">
              Type ERASE to confirm
              <input
                className="mt-1 block min-h-11 w-full rounded-lg border border-gray-300 px-3"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                autoComplete="off"
              />
            </label>
            {error && (
              <p role="alert" className="text-sm font-medium text-red-700">
                {error}
              </p>
            )}
          </div>
        </Modal>
      )}
    </section>
  );
}
