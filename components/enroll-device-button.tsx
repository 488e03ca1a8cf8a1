"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

type ErrorBody = { error?: { message?: string; fieldErrors?: Record<string, string[]> } };

/**
 * A manager enrolls the browser they are on as this location's shared device (POST /api/v1/devices
 * sets the HttpOnly device cookie). The page then loads again and offers "Switch user".
 */
export function EnrollDeviceButton({ defaultName, dark = false }: { defaultName: string; dark?: boolean }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
      e.stopPropagation();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [open]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/v1/devices", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: String(new FormData(e.currentTarget).get("name") ?? "") }),
      });
      if (res.ok) {
        window.location.reload();
        return;
      }
      const body = (await res.json().catch(() => ({}))) as ErrorBody;
      setError(body.error?.fieldErrors?.name?.[0] ?? body.error?.message ?? "Couldn't enroll this device.");
    } catch {
      setError("Couldn't reach the server. Try again.");
    }
    setPending(false);
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={`min-h-11 shrink-0 rounded-lg px-3 font-semibold ${dark ? "text-white hover:bg-gray-800" : "hover:bg-gray-100"}`}
        data-testid="enroll-device"
      >
        Enroll device
      </button>
      {open && (
        <div
          className="fixed inset-0 z-50 flex items-center justify-center whitespace-normal bg-black/60 p-4"
          onClick={() => setOpen(false)}
        >
          <form
            role="dialog"
            aria-modal="true"
            aria-labelledby="enroll-title"
            onSubmit={onSubmit}
            onClick={(e) => e.stopPropagation()}
            className="w-[28rem] max-w-full space-y-4 rounded-2xl bg-white p-6 text-gray-900 shadow-xl"
            noValidate
          >
            <h2 id="enroll-title" className="text-xl font-black">
              Enroll this device
            </h2>
            <p className="text-sm text-gray-600">
              Staff of this location can then switch to themselves here with their PIN. Revoke it any time under Admin →
              Devices.
            </p>
            <div>
              <label htmlFor="device-name" className="mb-1 block font-semibold">
                Device name
              </label>
              <input
                id="device-name"
                name="name"
                defaultValue={defaultName}
                maxLength={60}
                autoFocus
                aria-invalid={!!error}
                aria-describedby={error ? "device-name-error" : undefined}
                className="min-h-12 w-full rounded-xl border-2 border-gray-300 px-3 text-lg aria-[invalid=true]:border-red-500"
              />
              {error && (
                <p id="device-name-error" role="alert" className="mt-1 font-semibold text-red-700">
                  {error}
                </p>
              )}
            </div>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Enrolling…" : "Enroll"}
              </Button>
            </div>
          </form>
        </div>
      )}
    </>
  );
}
