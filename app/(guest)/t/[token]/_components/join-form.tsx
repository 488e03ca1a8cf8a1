"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { GuestApiError, OfflineError, guestFetch } from "./guest-api";
import { NICKNAME_MAX, checkJoin, lockMessage, pinDigits } from "./join-validation";

const nicknameKey = (token: string) => `kms-guest-nickname:${token}`;
const LAST_NICKNAME = "kms-guest-nickname";

type Errors = { pin?: string[]; nickname?: string[]; form?: string };

const fieldClass =
  "min-h-14 w-full rounded-xl border-2 border-gray-300 bg-white px-4 text-lg text-gray-900 focus:border-gray-900 aria-[invalid=true]:border-red-600";

/** Join the table's session with the PIN the server gave: the first screen after the QR code. */
export function JoinForm({ token, table }: { token: string; table: { label: string; locationName: string } }) {
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const [pin, setPin] = useState("");
  const [nickname, setNickname] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [attemptsLeft, setAttemptsLeft] = useState<number | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  // The name used last time at this table (or anywhere): resuming is typing the PIN again.
  useEffect(() => {
    const saved = localStorage.getItem(nicknameKey(token)) ?? localStorage.getItem(LAST_NICKNAME);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    if (saved) setNickname((n) => n || saved);
  }, [token]);

  useEffect(() => {
    if (!lockedUntil) return;
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, [lockedUntil]);
  const locked = lockedUntil !== null && lockedUntil > now;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending || locked) return;
    const checked = checkJoin({ pin, nickname });
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      document.getElementById(checked.fieldErrors.pin ? "guest-pin" : "guest-nickname")?.focus();
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await guestFetch(`/api/guest/sessions/${encodeURIComponent(token)}/join`, {
        method: "POST",
        body: checked.value,
      });
      localStorage.setItem(nicknameKey(token), checked.value.nickname);
      localStorage.setItem(LAST_NICKNAME, checked.value.nickname);
      await queryClient.invalidateQueries({ queryKey: ["guest"] });
    } catch (error) {
      setPending(false);
      if (error instanceof GuestApiError && error.code === "RATE_LIMITED") {
        const seconds = error.retryAfterSeconds ?? 900;
        setNow(Date.now());
        setLockedUntil(Date.now() + seconds * 1000);
        setAttemptsLeft(null);
        setErrors({ form: lockMessage(seconds) });
      } else if (error instanceof GuestApiError && error.code === "PIN_REFUSED" && error.body.attemptsLeft === 0) {
        // The last wrong PIN: the phone is blocked from the next try on (the server says so then too).
        setNow(Date.now());
        setLockedUntil(Date.now() + 900 * 1000);
        setAttemptsLeft(null);
        setPin("");
        setErrors({ form: lockMessage(900) });
      } else if (error instanceof GuestApiError && error.code === "PIN_REFUSED") {
        const left = typeof error.body.attemptsLeft === "number" ? error.body.attemptsLeft : null;
        setAttemptsLeft(left);
        setErrors({ pin: ["That PIN didn’t work. Check it with your server."] });
        setPin("");
        document.getElementById("guest-pin")?.focus();
      } else if (error instanceof GuestApiError && error.fieldErrors) {
        setErrors({ pin: error.fieldErrors.pin, nickname: error.fieldErrors.nickname, form: error.message });
      } else {
        setErrors({
          form: error instanceof OfflineError ? error.message : "Something went wrong. Please try again.",
        });
      }
    }
  }

  const minutesLeft = lockedUntil ? Math.max(1, Math.ceil((lockedUntil - now) / 60_000)) : 0;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-5">
      <form
        onSubmit={submit}
        noValidate
        aria-labelledby="join-title"
        className="rounded-3xl border border-gray-200 bg-white p-6 shadow-lg"
        data-testid="join-form"
      >
        <div className="-mx-6 -mt-6 mb-6 rounded-t-3xl bg-gray-900 px-6 pb-6 pt-7 text-white">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-100" data-testid="join-table">
            {table.locationName} · Table {table.label}
          </p>
          <h1 id="join-title" className="mt-1 text-3xl font-black">
            Welcome!
          </h1>
          <p className="mt-2 text-gray-200">Enter the 4-digit PIN your server gave you to see the menu and order.</p>
        </div>

        <div className="space-y-5">
          <div>
            <label htmlFor="guest-pin" className="mb-1 block font-semibold text-gray-800">
              Table PIN
            </label>
            <input
              id="guest-pin"
              name="pin"
              value={pin}
              onChange={(e) => setPin(pinDigits(e.target.value))}
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="one-time-code"
              maxLength={4}
              aria-invalid={errors.pin ? true : undefined}
              aria-describedby={errors.pin || attemptsLeft !== null ? "guest-pin-error" : undefined}
              className={`${fieldClass} text-center font-mono text-3xl tracking-[0.5em]`}
              data-testid="join-pin"
            />
            {(errors.pin || attemptsLeft !== null) && (
              <p
                id="guest-pin-error"
                role="alert"
                className="mt-2 font-medium text-red-700"
                data-testid="join-pin-error"
              >
                {errors.pin?.join(" ")}
                {attemptsLeft !== null &&
                  ` ${attemptsLeft === 1 ? "1 try left" : `${attemptsLeft} tries left`} before a 15-minute wait.`}
              </p>
            )}
          </div>

          <div>
            <label htmlFor="guest-nickname" className="mb-1 block font-semibold text-gray-800">
              What should we call you?
            </label>
            <input
              id="guest-nickname"
              name="nickname"
              value={nickname}
              onChange={(e) => setNickname(e.target.value)}
              maxLength={NICKNAME_MAX}
              autoComplete="nickname"
              autoCapitalize="words"
              aria-invalid={errors.nickname ? true : undefined}
              aria-describedby={errors.nickname ? "guest-nickname-error" : "guest-nickname-hint"}
              className={fieldClass}
              data-testid="join-nickname"
            />
            {errors.nickname ? (
              <p id="guest-nickname-error" role="alert" className="mt-2 font-medium text-red-700">
                {errors.nickname.join(" ")}
              </p>
            ) : (
              <p id="guest-nickname-hint" className="mt-1 text-sm text-gray-600">
                A first name or nickname is enough. Use the same one to come back to your cart.
              </p>
            )}
          </div>

          {errors.form && (
            <p role="alert" className="rounded-xl bg-red-50 p-3 font-semibold text-red-800" data-testid="join-error">
              {locked ? lockMessage(minutesLeft * 60) : errors.form}
            </p>
          )}

          <Button
            type="submit"
            disabled={!hydrated || pending || locked}
            className="h-14 w-full rounded-xl text-lg"
            data-testid="join-submit"
          >
            {pending ? "Joining…" : "Join the table"}
          </Button>
        </div>
      </form>
      <p className="text-center text-sm text-gray-600">No account needed. We only keep your name for this meal.</p>
    </main>
  );
}
