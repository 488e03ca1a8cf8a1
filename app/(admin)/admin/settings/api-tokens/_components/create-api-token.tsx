"use client";

import { useState, type FormEvent } from "react";
import { SecretShownOnce } from "@/components/admin/secret-shown-once";
import { Button } from "@/components/ui/button";
import { SCOPE_AREAS } from "@/lib/auth/scopes";
import { createApiTokenAction } from "../actions";

const EXPIRY = [
  { value: "", label: "Never (until revoked)" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

/**
 * Name, scopes (read/write per area) and expiry; the answer's secret is shown here once, with a
 * copy button. Leaving the page forgets it: only its hash is stored.
 */
export function CreateApiToken() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const days = String(data.get("expiresInDays") ?? "");
      const result = await createApiTokenAction({
        name: String(data.get("name") ?? ""),
        scopes: data.getAll("scopes").map(String),
        ...(days ? { expiresInDays: Number(days) } : {}),
      });
      if (result.ok) {
        setCreated({ name: result.data.name, secret: result.data.secret });
        form.reset();
      } else {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
      }
    } catch {
      setError("Couldn't reach the server. Try again.");
    }
    setPending(false);
  }

  return (
    <div className="space-y-4">
      {created && (
        <SecretShownOnce
          key={created.secret}
          title={`Token “${created.name}” created`}
          secret={created.secret}
          onDone={() => setCreated(null)}
          testId="api-token-created"
          secretTestId="api-token-secret"
        >
          Copy it now: this is the only time it is shown. Send it as `Authorization: Bearer …`.
        </SecretShownOnce>
      )}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="create-token-title"
        className="space-y-4 rounded-xl border border-gray-200 bg-white p-4"
      >
        <h2 id="create-token-title" className="text-lg font-bold">
          New token
        </h2>
        <div className="flex flex-wrap gap-4">
          <label className="flex min-w-64 flex-1 flex-col gap-1 font-medium">
            Name
            <input
              name="name"
              required
              maxLength={60}
              placeholder="Delivery bridge"
              className="min-h-11 rounded-lg border border-gray-300 px-3"
              aria-invalid={!!fieldErrors.name}
              aria-describedby={fieldErrors.name ? "token-name-error" : undefined}
            />
            {fieldErrors.name && (
              <span id="token-name-error" className="text-sm text-red-700">
                {fieldErrors.name[0]}
              </span>
            )}
          </label>
          <label className="flex flex-col gap-1 font-medium">
            Expires
            <select name="expiresInDays" className="min-h-11 rounded-lg border border-gray-300 px-3" defaultValue="">
              {EXPIRY.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset aria-describedby={fieldErrors.scopes ? "token-scopes-error" : undefined}>
          <legend className="font-medium">Scopes (write includes read)</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 md:grid-cols-4">
            {SCOPE_AREAS.map((area) => (
              <div key={area} className="rounded-lg border border-gray-200 p-2">
                <p className="text-sm font-semibold capitalize">{area}</p>
                {(["read", "write"] as const).map((level) => (
                  <label key={level} className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name="scopes" value={`${area}:${level}`} className="size-5" />
                    {level}
                  </label>
                ))}
              </div>
            ))}
          </div>
          {fieldErrors.scopes && (
            <p id="token-scopes-error" className="text-sm text-red-700">
              {fieldErrors.scopes[0]}
            </p>
          )}
        </fieldset>
        {error && (
          <p role="alert" className="font-semibold text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
