"use client";

import { useEffect, useRef, useState } from "react";
import { PinPad } from "@/components/ui/pin-pad";

export type SwitchTileView = { userId: string; name: string; role: string };
type Surface = "floor" | "kitchen";

type ErrorBody = { error?: { code?: string; message?: string } };

/**
 * Pick your name, type your PIN: the device's session becomes yours (POST /api/v1/auth/pin-switch).
 * Then the page loads again as the new person: nothing of the previous user's screen state stays.
 */
export function SwitchUserPanel({
  tiles,
  surface,
  dark = false,
  next,
}: {
  tiles: SwitchTileView[];
  surface?: Surface;
  dark?: boolean;
  /** Where to go after the switch; default: the person's home (the login page) or this page (a surface). */
  next?: string | null;
}) {
  const [chosen, setChosen] = useState<SwitchTileView | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shake, setShake] = useState(0);

  async function submit(pin: string) {
    if (!chosen) return;
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/v1/auth/pin-switch", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: chosen.userId, pin, ...(surface ? { surface } : {}) }),
      });
      if (res.ok) {
        const { home } = (await res.json()) as { home: string };
        window.location.assign(next ?? (surface ? window.location.pathname + window.location.search : home));
        return;
      }
      const body = (await res.json().catch(() => ({}))) as ErrorBody;
      setError(body.error?.message ?? "Couldn't switch. Try again.");
      setShake((n) => n + 1);
    } catch {
      setError("Couldn't reach the server. Try again.");
    }
    setPending(false);
  }

  const tile = dark
    ? "border-gray-600 bg-gray-900 text-white hover:bg-gray-800"
    : "border-gray-300 bg-white text-gray-900 hover:bg-gray-50";
  if (tiles.length === 0)
    return (
      <p className={`max-w-md text-center text-lg ${dark ? "text-gray-200" : "text-gray-700"}`}>
        Nobody here has a quick-switch PIN yet. Sign in with email and password, then set one on My account.
      </p>
    );
  if (!chosen)
    return (
      <div className="w-full max-w-4xl">
        <p className={`mb-4 text-center text-xl font-semibold ${dark ? "text-gray-200" : "text-gray-700"}`}>
          Who are you?
        </p>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="switch-tiles">
          {tiles.map((t) => (
            <li key={t.userId}>
              <button
                type="button"
                onClick={() => setChosen(t)}
                className={`flex min-h-20 w-full flex-col items-start justify-center rounded-2xl border-2 px-4 text-left ${tile}`}
              >
                <span className="text-xl font-bold">{t.name}</span>
                <span className={`text-sm ${dark ? "text-gray-300" : "text-gray-600"}`}>{t.role.toLowerCase()}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="flex flex-col items-center gap-2">
      <p className={`text-2xl font-black ${dark ? "text-white" : "text-gray-900"}`} data-testid="switch-chosen">
        {chosen.name}
      </p>
      <button
        type="button"
        onClick={() => (setChosen(null), setError(null))}
        className={`min-h-11 rounded-lg px-3 font-semibold underline ${dark ? "text-gray-200" : "text-gray-700"}`}
      >
        Not {chosen.name.split(" ")[0]}? Choose again
      </button>
      <PinPad label="Enter your PIN" onSubmit={submit} pending={pending} error={error} shake={shake} dark={dark} />
    </div>
  );
}

/** The header's "Switch user": a full-screen PIN pad over the surface. */
export function SwitchUserButton({
  tiles,
  surface,
  dark = false,
  deviceName,
}: {
  tiles: SwitchTileView[];
  surface: Surface;
  dark?: boolean;
  deviceName: string;
}) {
  const [open, setOpen] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    // Captured and stopped: while the pad is up, no key reaches the screen behind it (bump bar keys).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
      if (e.key !== "Tab") e.stopPropagation();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [open]);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={`min-h-11 shrink-0 rounded-lg px-3 font-semibold ${dark ? "bg-gray-800 text-white hover:bg-gray-700" : "border border-gray-300 hover:bg-gray-100"}`}
        data-testid="switch-user"
      >
        Switch user
      </button>
      {open && (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby="switch-user-title"
          className={`fixed inset-0 z-50 flex flex-col items-center overflow-y-auto whitespace-normal p-6 ${dark ? "bg-black text-white" : "bg-gray-100 text-gray-900"}`}
        >
          <div className="mb-6 flex w-full max-w-4xl items-center justify-between gap-4">
            <div>
              <h2 id="switch-user-title" className="text-3xl font-black">
                Switch user
              </h2>
              <p className={dark ? "text-gray-300" : "text-gray-600"}>{deviceName}</p>
            </div>
            <button
              ref={closeRef}
              type="button"
              onClick={() => setOpen(false)}
              className={`min-h-12 rounded-lg px-4 text-lg font-semibold ${dark ? "bg-gray-800 hover:bg-gray-700" : "border border-gray-300 bg-white hover:bg-gray-50"}`}
            >
              Cancel
            </button>
          </div>
          <SwitchUserPanel tiles={tiles} surface={surface} dark={dark} />
        </div>
      )}
    </>
  );
}
