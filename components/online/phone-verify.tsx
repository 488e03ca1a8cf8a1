"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { publicApi, type PublicApiError } from "./public-api";

type Verified = { id: string; firstName: string };

const inputClass =
  "mt-1 block min-h-12 w-full rounded-lg border border-gray-300 px-3 text-lg focus:border-gray-900 focus:outline-none";

/**
 * Phone verification for the ordering site (ADR 0045): phone → "Send code" → the 6-digit code
 * (and a first name the first time) → verified; the server sets the customer cookie. Limits and
 * wrong codes are shown as the server words them, with the seconds to wait or tries left.
 */
export function PhoneVerify({
  locationSlug,
  onVerified,
}: {
  locationSlug: string;
  onVerified: (customer: Verified) => void;
}) {
  const ids = useId();
  const [step, setStep] = useState<"phone" | "code">("phone");
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [firstName, setFirstName] = useState("");
  const [needsName, setNeedsName] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  function show(e: PublicApiError) {
    const field = Object.values(e.fieldErrors).flat()[0];
    setError(field ?? e.message);
    const retry = e.details.retryAfterSeconds;
    if (typeof retry === "number") setWait(retry);
  }

  async function send() {
    setError(null);
    setBusy(true);
    const r = await publicApi<{ sent: true; resendInSeconds: number }>("/api/public/otp", {
      method: "POST",
      body: { locationSlug, phone },
    });
    setBusy(false);
    if (!r.ok) return show(r.error);
    setStep("code");
    setCode("");
    setWait(r.data.resendInSeconds);
  }

  async function verify() {
    setError(null);
    setBusy(true);
    const r = await publicApi<{ customer: Verified & { isNew: boolean } }>("/api/public/otp/verify", {
      method: "POST",
      body: { locationSlug, phone, code, ...(firstName.trim() ? { firstName: firstName.trim() } : {}) },
    });
    setBusy(false);
    if (r.ok) return onVerified({ id: r.data.customer.id, firstName: r.data.customer.firstName });
    if (r.error.details.needsFirstName) {
      setNeedsName(true);
      setError(firstName.trim() ? r.error.message : "Welcome! Tell us your first name to finish.");
      return;
    }
    show(r.error);
  }

  return (
    <form
      className="space-y-4"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void (step === "phone" ? send() : verify());
      }}
    >
      <label htmlFor={`${ids}-phone`} className="block text-sm font-semibold">
        Mobile number
        <input
          id={`${ids}-phone`}
          className={inputClass}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => {
            setPhone(e.target.value);
            if (step === "code") setStep("phone");
          }}
          required
          maxLength={32}
          data-testid="otp-phone"
        />
      </label>
      {step === "phone" ? (
        <Button
          type="submit"
          className="w-full"
          disabled={busy || wait > 0 || phone.trim().length < 3}
          data-testid="otp-send"
        >
          {busy ? "Sending…" : wait > 0 ? `Send code (${wait}s)` : "Send code"}
        </Button>
      ) : (
        <>
          <p className="text-sm text-gray-700" role="status">
            We texted a 6-digit code to {phone}. It works for 5 minutes.
          </p>
          <label htmlFor={`${ids}-code`} className="block text-sm font-semibold">
            Code
            <input
              id={`${ids}-code`}
              className={`${inputClass} tracking-[0.4em] tabular-nums`}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
              required
              data-testid="otp-code"
            />
          </label>
          {needsName && (
            <label htmlFor={`${ids}-name`} className="block text-sm font-semibold">
              First name
              <input
                id={`${ids}-name`}
                className={inputClass}
                autoComplete="given-name"
                maxLength={60}
                value={firstName}
                onChange={(e) => setFirstName(e.target.value)}
                required
                data-testid="otp-first-name"
              />
            </label>
          )}
          <Button type="submit" className="w-full" disabled={busy || code.length !== 6} data-testid="otp-verify">
            {busy ? "Checking…" : "Verify"}
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="w-full"
            disabled={busy || wait > 0}
            onClick={() => void send()}
            data-testid="otp-resend"
          >
            {wait > 0 ? `Send a new code in ${wait}s` : "Send a new code"}
          </Button>
        </>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700" data-testid="otp-error">
          {error}
        </p>
      )}
    </form>
  );
}
