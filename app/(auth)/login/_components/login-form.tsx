"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

export function LoginForm({ callbackUrl, defaultEmail }: { callbackUrl: string | null; defaultEmail?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!res || res.error) {
      setPending(false);
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Invalid email or password");
      return;
    }
    router.replace(callbackUrl ?? "/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">Email</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus={!defaultEmail}
          defaultValue={defaultEmail}
          className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg"
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus={!!defaultEmail}
          className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg"
        />
      </label>
      {error && (
        <p role="alert" data-testid="login-error" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending} className="h-12 w-full text-lg">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
