"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { describedBy, Field, FormMessage, inputClass } from "@/components/admin/form-field";
import { EditorActions } from "@/components/admin/editor-form";
import { useSaveState } from "@/components/admin/use-save-state";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";
import { createStaffAction, updateStaffAction } from "../actions";

export type StaffFormValues = {
  id: string;
  name: string;
  email: string;
  role: Role;
  hourlyRateCents: number | null;
  contactPhone: string | null;
};

const roleLabel = (r: Role) => r.charAt(0) + r.slice(1).toLowerCase();

/** "15.50" → 1550; "" → "" (not costed); anything else goes to the server as typed, which refuses it. */
function rateCents(value: FormDataEntryValue | null): number | string {
  const v = String(value ?? "").trim();
  if (v === "") return "";
  return /^\d+(\.\d{1,2})?$/.test(v) ? Math.round(Number(v) * 100) : v;
}

/** Add a staff member (no `staff`) or edit one; `roles` are those the acting user may hand out. */
export function StaffForm({ staff, roles }: { staff: StaffFormValues | null; roles: readonly Role[] }) {
  const router = useRouter();
  const { errors, message, pending, start, saved, failed } = useSaveState();

  function onSave(form: HTMLFormElement) {
    const f = new FormData(form);
    const fields = { name: f.get("name"), role: f.get("role"), hourlyRateCents: rateCents(f.get("hourlyRate")) };
    start(async () => {
      if (staff) {
        const r = await updateStaffAction({ id: staff.id, ...fields, contactPhone: f.get("contactPhone") ?? "" });
        if (r.ok) saved("Saved");
        else failed(r);
        return;
      }
      const r = await createStaffAction({ ...fields, email: f.get("email") });
      if (r.ok) router.push(`/admin/staff/${r.data.id}?created=${r.data.newUser ? "invited" : "added"}`);
      else failed(r);
    });
  }

  const rateError = errors.hourlyRateCents;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave(e.currentTarget);
      }}
      className="max-w-xl space-y-4 rounded-xl border border-gray-200 bg-white p-5"
      aria-label={staff ? "Edit staff member" : "New staff member"}
    >
      <Field label="Name" htmlFor="name" error={errors.name}>
        <input
          {...describedBy("name", errors.name)}
          defaultValue={staff?.name}
          autoComplete="off"
          className={inputClass}
        />
      </Field>
      {staff ? (
        <p className="text-sm text-gray-700">
          Email: <span className="font-medium">{staff.email}</span>
        </p>
      ) : (
        <Field
          label="Email"
          htmlFor="email"
          error={errors.email}
          hint="They get an invite to set their password. Someone from another of your locations keeps theirs."
        >
          <input {...describedBy("email", errors.email)} type="email" autoComplete="off" className={inputClass} />
        </Field>
      )}
      <Field label="Role at this location" htmlFor="role" error={errors.role}>
        <select {...describedBy("role", errors.role)} defaultValue={staff?.role ?? ""} className={inputClass}>
          {!staff && (
            <option value="" disabled>
              Pick a role
            </option>
          )}
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Hourly rate"
        htmlFor="hourlyRate"
        error={rateError}
        hint="For labour cost, e.g. 15.50. Leave empty if not costed."
      >
        <input
          {...describedBy("hourlyRate", rateError)}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={staff?.hourlyRateCents != null ? (staff.hourlyRateCents / 100).toFixed(2) : ""}
          className={`${inputClass} max-w-40`}
        />
      </Field>
      {staff && (
        <Field
          label="Contact phone"
          htmlFor="contactPhone"
          error={errors.contactPhone}
          hint="Optional, for the schedule and emergencies. Stored encrypted."
        >
          <input
            {...describedBy("contactPhone", errors.contactPhone)}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            defaultValue={staff.contactPhone ?? ""}
            className={`${inputClass} max-w-60`}
          />
        </Field>
      )}
      {errors._root && <FormMessage result={{ ok: false, error: errors._root.join(" ") }} />}
      <EditorActions message={message}>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : staff ? "Save changes" : "Add staff member"}
        </Button>
        {!staff && (
          <Link
            href="/admin/staff"
            className="inline-flex min-h-11 items-center px-3 font-semibold text-gray-700 hover:underline"
          >
            Cancel
          </Link>
        )}
      </EditorActions>
    </form>
  );
}
