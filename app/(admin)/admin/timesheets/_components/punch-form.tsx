"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/admin/form-field";
import { addPunchAction, correctPunchAction } from "../actions";

type Errors = Record<string, string[]>;

/**
 * Correct a punch (in/out times and a reason) or, without `punchId`, add a missed one for a chosen
 * person. Times are the location's wall clock.
 */
export function PunchForm({
  punchId,
  staff,
  clockInAt = "",
  clockOutAt = "",
  timeZone,
  onDone,
}: {
  punchId?: string;
  staff?: { userId: string; name: string }[];
  clockInAt?: string;
  clockOutAt?: string;
  timeZone: string;
  onDone?: () => void;
}) {
  const id = useId();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const err = (k: string) => errors[k];
  const described = (k: string) => (errors[k] ? `${id}-${k}-error` : undefined);

  return (
    <form
      className="grid gap-3 md:grid-cols-[repeat(auto-fit,minmax(12rem,1fr))] md:items-start"
      data-testid={punchId ? "correct-punch-form" : "add-punch-form"}
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const input = {
          clockInAt: String(fd.get("clockInAt") ?? ""),
          clockOutAt: String(fd.get("clockOutAt") ?? ""),
          reason: String(fd.get("reason") ?? ""),
        };
        start(async () => {
          const r = punchId
            ? await correctPunchAction({ ...input, id: punchId })
            : await addPunchAction({ ...input, userId: String(fd.get("userId") ?? "") });
          if (r.ok) {
            setErrors({});
            setMessage(null);
            router.refresh();
            onDone?.();
          } else {
            setErrors(r.fieldErrors ?? {});
            setMessage(r.error);
          }
        });
      }}
    >
      {staff && (
        <Field label="Who" htmlFor={`${id}-userId`} error={err("userId")}>
          <select
            id={`${id}-userId`}
            name="userId"
            required
            className={inputClass}
            aria-invalid={!!err("userId")}
            aria-describedby={described("userId")}
            defaultValue=""
          >
            <option value="" disabled>
              Choose…
            </option>
            {staff.map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={`Clock in (${timeZone})`} htmlFor={`${id}-clockInAt`} error={err("clockInAt")}>
        <input
          id={`${id}-clockInAt`}
          name="clockInAt"
          type="datetime-local"
          required
          defaultValue={clockInAt}
          className={inputClass}
          aria-invalid={!!err("clockInAt")}
          aria-describedby={described("clockInAt")}
        />
      </Field>
      <Field label="Clock out" htmlFor={`${id}-clockOutAt`} error={err("clockOutAt")}>
        <input
          id={`${id}-clockOutAt`}
          name="clockOutAt"
          type="datetime-local"
          required={!punchId || !!clockOutAt}
          defaultValue={clockOutAt}
          className={inputClass}
          aria-invalid={!!err("clockOutAt")}
          aria-describedby={described("clockOutAt")}
        />
      </Field>
      <Field label="Reason (required)" htmlFor={`${id}-reason`} error={err("reason")}>
        <input
          id={`${id}-reason`}
          name="reason"
          required
          minLength={3}
          maxLength={300}
          placeholder={punchId ? "Forgot to clock out" : "Forgot to clock in"}
          className={inputClass}
          aria-invalid={!!err("reason")}
          aria-describedby={described("reason")}
        />
      </Field>
      <div className="flex items-end gap-2 md:pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : punchId ? "Save correction" : "Add punch"}
        </Button>
        {onDone && (
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
      {message && Object.keys(errors).length === 0 && (
        <p role="alert" className="text-sm font-medium text-red-700 md:col-span-full">
          {message}
        </p>
      )}
    </form>
  );
}
