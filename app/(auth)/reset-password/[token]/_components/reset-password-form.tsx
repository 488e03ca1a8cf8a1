"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { resetPasswordAction } from "../actions";

const FIELDS = [
  { name: "newPassword", label: "New password" },
  { name: "confirmPassword", label: "Repeat new password" },
] as const;

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const form = Object.fromEntries(new FormData(e.currentTarget));
    const r = await resetPasswordAction({ ...form, token });
    if (r.ok) {
      router.replace(`/login?reset=1&email=${encodeURIComponent(r.data.email)}`);
      return;
    }
    setPending(false);
    setFieldErrors(r.fieldErrors ?? {});
    setError(r.fieldErrors?.newPassword || r.fieldErrors?.confirmPassword ? null : r.error);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      {FIELDS.map((f, i) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="mb-1 block text-sm font-medium">
            {f.label}
          </label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete="new-password"
            autoFocus={i === 0}
            aria-invalid={!!fieldErrors[f.name] || undefined}
            aria-describedby={fieldErrors[f.name] ? `${f.name}-error` : undefined}
            className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg aria-[invalid=true]:border-red-500"
          />
          {fieldErrors[f.name] && (
            <p id={`${f.name}-error`} className="mt-1 text-sm font-medium text-red-700">
              {fieldErrors[f.name].join(" ")}
            </p>
          )}
        </div>
      ))}
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending || !hydrated} className="h-12 w-full text-lg">
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
