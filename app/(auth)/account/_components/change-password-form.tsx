"use client";

import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { changePasswordAction } from "../actions";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "Repeat new password", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const result = await changePasswordAction(Object.fromEntries(new FormData(e.currentTarget)));
    if (result.ok) {
      await signOut({ callbackUrl: "/login?changed=1" });
      return;
    }
    setPending(false);
    setError(result.error);
    setFieldErrors(result.fieldErrors ?? {});
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {FIELDS.map((f) => (
        <div key={f.name}>
          {/* The error sits outside the label, so the field's accessible name stays its label. */}
          <label htmlFor={f.name} className="mb-1 block text-sm font-medium">
            {f.label}
          </label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            aria-invalid={!!fieldErrors[f.name]}
            aria-describedby={fieldErrors[f.name] ? `${f.name}-error` : undefined}
            className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg aria-[invalid=true]:border-red-500"
          />
          {fieldErrors[f.name] && (
            <p id={`${f.name}-error`} className="mt-1 text-sm text-red-700">
              {fieldErrors[f.name].join(". ")}
            </p>
          )}
        </div>
      ))}
      {error && !Object.keys(fieldErrors).length && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending} className="h-12 w-full">
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
