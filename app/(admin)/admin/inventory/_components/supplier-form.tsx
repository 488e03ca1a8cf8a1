"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, describedBy, inputClass } from "@/components/admin/form-field";
import { keepValuesOnSubmit } from "@/components/admin/use-keep-values";
import { saveSupplierAction } from "../actions";

type Supplier = {
  id: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  leadTimeDays: number;
};

export function SupplierForm({ supplier }: { supplier: Supplier | null }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(
    saveSupplierAction,
    null,
  );
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const p = supplier?.id ?? "new";
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-3" noValidate>
      {supplier && <input type="hidden" name="id" value={supplier.id} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Name" htmlFor={`${p}-name`} error={fe.name}>
          <input
            {...describedBy(`${p}-name`, fe.name)}
            name="name"
            defaultValue={supplier?.name}
            className={inputClass}
          />
        </Field>
        <Field label="Contact" htmlFor={`${p}-contact`} error={fe.contactName}>
          <input
            {...describedBy(`${p}-contact`, fe.contactName)}
            name="contactName"
            defaultValue={supplier?.contactName ?? ""}
            className={inputClass}
          />
        </Field>
        <Field label="Email" htmlFor={`${p}-email`} error={fe.email}>
          <input
            {...describedBy(`${p}-email`, fe.email)}
            name="email"
            type="email"
            defaultValue={supplier?.email ?? ""}
            className={inputClass}
          />
        </Field>
        <Field label="Phone" htmlFor={`${p}-phone`} error={fe.phone}>
          <input
            {...describedBy(`${p}-phone`, fe.phone)}
            name="phone"
            defaultValue={supplier?.phone ?? ""}
            className={inputClass}
          />
        </Field>
        <Field label="Lead time (days)" htmlFor={`${p}-lead`} error={fe.leadTimeDays}>
          <input
            {...describedBy(`${p}-lead`, fe.leadTimeDays)}
            name="leadTimeDays"
            inputMode="numeric"
            defaultValue={supplier?.leadTimeDays ?? 2}
            className={inputClass}
          />
        </Field>
      </div>
      <FormMessage result={state ? (state.ok ? { ok: true, message: "Saved." } : state) : null} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : supplier ? "Save supplier" : "Add supplier"}
      </Button>
    </form>
  );
}
