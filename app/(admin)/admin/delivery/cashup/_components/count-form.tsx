"use client";

import { useState } from "react";
import { inputClass } from "@/components/admin/form-field";
import { Button } from "@/components/ui/button";
import { reconcileDriverCashupAction } from "../actions";

/** The manager's count for one driver shift. */
export function CountForm({
  driverId,
  shiftId,
  disabledReason,
}: {
  driverId: string;
  shiftId: string;
  disabledReason?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = `counted-${shiftId}`;
  async function submit(form: FormData) {
    setPending(true);
    const res = await reconcileDriverCashupAction({ driverId, shiftId, counted: String(form.get("counted") ?? "") });
    setPending(false);
    setError(res.ok ? null : (res.fieldErrors?.counted?.join(" ") ?? res.error));
  }
  return (
    <form action={submit} className="flex flex-wrap items-start gap-2" aria-label="Count the driver's cash">
      <div>
        <label htmlFor={id} className="sr-only">
          Cash counted
        </label>
        <input
          id={id}
          name="counted"
          inputMode="decimal"
          placeholder="Counted, e.g. 42.50"
          data-testid={`cashup-counted-${shiftId}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${inputClass} w-40`}
          disabled={!!disabledReason}
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        )}
        {disabledReason && <p className="mt-1 text-sm text-gray-600">{disabledReason}</p>}
      </div>
      <Button type="submit" disabled={pending || !!disabledReason} data-testid={`cashup-reconcile-${shiftId}`}>
        Reconcile
      </Button>
    </form>
  );
}
