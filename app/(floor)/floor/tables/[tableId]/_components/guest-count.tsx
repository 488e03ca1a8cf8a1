"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { MAX_GUESTS } from "@/lib/orders/schemas";
import type { ActionResult } from "@/lib/http/action";

/**
 * "3 guests" in the order pad's header; a tap opens a stepper to change the party size after
 * seating. The server validates again (1..99, not below a seat that has lines).
 */
export function GuestCount({
  count,
  onSave,
}: {
  count: number;
  onSave: (guestCount: number) => Promise<ActionResult<unknown>>;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(count);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const errorId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onDown = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onDown);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onDown);
    };
  }, [open]);

  async function save() {
    setPending(true);
    setError(null);
    try {
      const res = await onSave(value);
      if (res.ok) setOpen(false);
      else setError(res.fieldErrors?.guestCount?.[0] ?? res.error);
    } catch {
      setError("Couldn't reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  const step = "min-h-11 min-w-11 rounded-lg border-2 border-gray-300 text-xl font-black disabled:text-gray-300";
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        data-testid="guest-count"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setValue(count);
          setError(null);
          setOpen((o) => !o);
        }}
        className="inline-flex min-h-11 items-center gap-1 rounded-lg px-2 font-semibold text-gray-700 hover:bg-white"
      >
        {count} {count === 1 ? "guest" : "guests"} <span aria-hidden>▾</span>
      </button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-labelledby={`${panelId}-title`}
          className="absolute left-0 top-full z-40 mt-1 w-64 space-y-3 rounded-xl bg-white p-3 shadow-xl ring-1 ring-gray-200"
        >
          <p id={`${panelId}-title`} className="text-sm font-bold text-gray-600">
            Number of guests
          </p>
          <div className="flex items-center justify-between gap-2">
            <button
              type="button"
              aria-label="One guest fewer"
              disabled={value <= 1 || pending}
              onClick={() => setValue((v) => v - 1)}
              className={step}
            >
              −
            </button>
            <output
              aria-live="polite"
              aria-describedby={error ? errorId : undefined}
              data-testid="guest-count-value"
              className="text-2xl font-black"
            >
              {value}
            </output>
            <button
              type="button"
              aria-label="One guest more"
              disabled={value >= MAX_GUESTS || pending}
              onClick={() => setValue((v) => v + 1)}
              className={step}
            >
              +
            </button>
          </div>
          {error && (
            <p id={errorId} role="alert" className="text-sm font-semibold text-red-700">
              {error}
            </p>
          )}
          <Button
            className="w-full"
            disabled={pending || value === count}
            onClick={save}
            data-testid="guest-count-save"
          >
            {pending ? "Saving…" : `Seat ${value} ${value === 1 ? "guest" : "guests"}`}
          </Button>
        </div>
      )}
    </div>
  );
}
