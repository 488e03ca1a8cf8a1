"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { requestPasswordResetAction } from "../actions";

export function ForgotPasswordForm() {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string[] | undefined>();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const r = await requestPasswordResetAction(Object.fromEntries(new FormData(e.currentTarget)));
    setPending(false);
    if (r.ok) {
      setSent(r.data.message);
      setEmailError(undefined);
      return;
    }
    setEmailError(r.fieldErrors?.email);
    setError(r.fieldErrors?.email ? null : r.error);
  }

  if (sent)
    return (
      <p role="status" data-testid="reset-requested" className="rounded-lg bg-green-50 p-4 font-medium text-green-800">
        {sent}
      </p>
    );

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          aria-invalid={!!emailError || undefined}
          aria-describedby={emailError ? "email-error" : undefined}
          className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg aria-[invalid=true]:border-red-500"
        />
        {emailError && (
          <p id="email-error" className="mt-1 text-sm font-medium text-red-700">
            {emailError.join(" ")}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending || !hydrated} className="h-12 w-full text-lg">
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
