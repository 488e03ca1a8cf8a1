"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/admin/form-field";
import { startStockCountAction } from "../actions";

export function StartCountForm() {
  const [state, formAction, pending] = useActionState(startStockCountAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <Field label="Note" htmlFor="count-note" hint="e.g. Sunday close, walk-in only" className="min-w-64 flex-1">
        <input id="count-note" name="note" className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending} data-testid="count-start">
        {pending ? "Starting…" : "Start count"}
      </Button>
      <div className="w-full">
        <FormMessage result={state && !state.ok ? state : null} />
      </div>
    </form>
  );
}
