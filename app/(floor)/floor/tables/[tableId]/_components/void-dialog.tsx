"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

const REASONS = ["Guest changed mind", "Entered by mistake", "Quality issue", "Took too long", "Manager comp"];

/** Ask for a void reason (required); the server checks the role again. */
export function VoidDialog({
  name,
  onConfirm,
  onClose,
  pending,
  error,
}: {
  name: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  pending: boolean;
  error: string | null;
}) {
  const [reason, setReason] = useState("");
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const valid = reason.trim().length >= 3;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-4" onClick={onClose}>
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="void-title"
        className="w-[30rem] max-w-full space-y-4 rounded-2xl bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onConfirm(reason.trim());
        }}
      >
        <h2 id="void-title" className="text-xl font-black">
          Void {name}?
        </h2>
        <div className="flex flex-wrap gap-2">
          {REASONS.map((r) => (
            <button
              key={r}
              type="button"
              onClick={() => setReason(r)}
              aria-pressed={reason === r}
              className={`min-h-11 rounded-full border-2 px-3 font-semibold ${reason === r ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
            >
              {r}
            </button>
          ))}
        </div>
        <label className="block">
          <span className="font-semibold">Reason (required)</span>
          <input
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={200}
            className="mt-1 min-h-12 w-full rounded-xl border-2 border-gray-300 px-3 text-lg"
          />
        </label>
        {error && (
          <p role="alert" className="font-semibold text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!valid || pending}>
            {pending ? "Voiding…" : "Void item"}
          </Button>
        </div>
      </form>
    </div>
  );
}
