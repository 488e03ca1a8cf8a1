"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { PIN_MAX, PIN_MIN, pinProblems } from "@/lib/staff/pin-policy";
import { setMyPinAction } from "../actions";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * Set or change one's quick-switch PIN: the policy's messages show as you type (the same rules the
 * server applies), and the server's field errors replace them on submit. The PIN is never shown back.
 */
export function PinForm({ pinSetAt }: { pinSetAt: string | null }) {
  const [pin, setPin] = useState("");
  const [repeat, setRepeat] = useState("");
  const [setAt, setSetAt] = useState(pinSetAt);
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  const live = pin ? pinProblems(pin) : [];
  const mismatch = repeat.length > 0 && repeat !== pin ? "The two PINs differ" : null;
  const pinErrors = serverErrors.length ? serverErrors : live;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (live.length || mismatch || !pin) return;
    setPending(true);
    setError(null);
    setSaved(false);
    try {
      const result = await setMyPinAction({ pin });
      if (result.ok) {
        setSetAt(result.data.pinSetAt);
        setPin("");
        setRepeat("");
        setServerErrors([]);
        setSaved(true);
      } else {
        setServerErrors(result.fieldErrors?.pin ?? []);
        if (!result.fieldErrors?.pin) setError(result.error);
      }
    } catch {
      setError("Couldn't reach the server. Try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="pin-form">
      <p className="text-sm text-gray-700" data-testid="pin-status">
        {setAt ? `A PIN is set (since ${when.format(new Date(setAt))}).` : "No PIN set yet."}
      </p>
      <div>
        <label htmlFor="new-pin" className="mb-1 block text-sm font-medium">
          {setAt ? "New PIN" : "PIN"} ({PIN_MIN}–{PIN_MAX} digits)
        </label>
        <input
          id="new-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={PIN_MAX}
          value={pin}
          onChange={(e) => (setPin(e.target.value.replace(/\D/g, "")), setServerErrors([]), setSaved(false))}
          aria-invalid={pinErrors.length > 0}
          aria-describedby={pinErrors.length ? "new-pin-error" : undefined}
          className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg tracking-widest aria-[invalid=true]:border-red-500"
        />
        {pinErrors.length > 0 && (
          <p id="new-pin-error" className="mt-1 text-sm text-red-700">
            {pinErrors.join(". ")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="repeat-pin" className="mb-1 block text-sm font-medium">
          Repeat PIN
        </label>
        <input
          id="repeat-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={PIN_MAX}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value.replace(/\D/g, ""))}
          aria-invalid={!!mismatch}
          aria-describedby={mismatch ? "repeat-pin-error" : undefined}
          className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg tracking-widest aria-[invalid=true]:border-red-500"
        />
        {mismatch && (
          <p id="repeat-pin-error" className="mt-1 text-sm text-red-700">
            {mismatch}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {saved && (
        <p role="status" className="text-sm font-medium text-green-800">
          PIN saved. Use it to switch to yourself on the restaurant&apos;s shared tablets and screens.
        </p>
      )}
      <Button type="submit" disabled={pending || !pin || live.length > 0 || repeat !== pin} className="h-12 w-full">
        {pending ? "Saving…" : setAt ? "Change PIN" : "Set PIN"}
      </Button>
    </form>
  );
}
