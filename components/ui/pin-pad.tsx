"use client";

import { useEffect, useRef, useState } from "react";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;
const MIN = 4;
const MAX = 6;

/**
 * A PIN pad: big digit keys (≥ 64 px) for touch, and a keyboard works too (digits, Backspace,
 * Enter) while `keyboard` is on. The digits are never shown, only dots. `shake` changes on every
 * refusal: the dots shake and clear. No data access: the caller submits.
 */
export function PinPad({
  label,
  onSubmit,
  pending = false,
  error = null,
  shake = 0,
  dark = false,
  keyboard = true,
  submitLabel = "Enter",
  compact = false,
}: {
  label: string;
  onSubmit: (pin: string) => void;
  pending?: boolean;
  error?: string | null;
  shake?: number;
  dark?: boolean;
  keyboard?: boolean;
  submitLabel?: string;
  /** 64 px keys (the minimum) instead of 80, for a pad inside a dialog. */
  compact?: boolean;
}) {
  const [pin, setPin] = useState("");
  const root = useRef<HTMLDivElement>(null);
  // Focus sits in the pad when it opens, so a keyboard's Enter submits instead of pressing whatever was focused.
  useEffect(() => root.current?.focus({ preventScroll: true }), []);
  const [shaking, setShaking] = useState(false);

  // A new refusal (adjusted while rendering, not in an effect): clear the dots and shake them.
  const [seenShake, setSeenShake] = useState(shake);
  if (shake !== seenShake) {
    setSeenShake(shake);
    setPin("");
    setShaking(true);
  }
  useEffect(() => {
    if (!shaking) return;
    const t = setTimeout(() => setShaking(false), 450);
    return () => clearTimeout(t);
  }, [shaking]);

  const press = (d: string) => setPin((p) => (p.length < MAX ? p + d : p));
  const back = () => setPin((p) => p.slice(0, -1));
  const ready = pin.length >= MIN && !pending;
  const submit = () => ready && onSubmit(pin);

  useEffect(() => {
    if (!keyboard) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (/^\d$/.test(e.key)) press(e.key);
      else if (e.key === "Backspace") back();
      else if (e.key === "Enter" && (!target || target.tagName !== "BUTTON")) submit();
      else return;
      // Captured on the window and stopped: a bump bar's digit must not also select a ticket behind the pad.
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  });

  const size = compact ? "size-16" : "size-20";
  const key = dark
    ? "bg-gray-800 text-white hover:bg-gray-700 active:bg-gray-600"
    : "bg-white text-gray-900 border-2 border-gray-300 hover:bg-gray-50 active:bg-gray-100";
  return (
    <div ref={root} tabIndex={-1} className="pin-pad flex flex-col items-center gap-4" data-testid="pin-pad">
      <p className={`text-lg font-semibold ${dark ? "text-gray-200" : "text-gray-700"}`}>{label}</p>
      <div
        className={`flex h-10 items-center gap-3 ${shaking ? "animate-pin-shake" : ""}`}
        role="status"
        aria-label={`${pin.length} of ${MIN} to ${MAX} digits entered`}
        data-testid="pin-dots"
      >
        {Array.from({ length: Math.max(MIN, pin.length) }, (_, i) => (
          <span
            key={i}
            className={`size-5 rounded-full border-2 ${i < pin.length ? (dark ? "border-white bg-white" : "border-gray-900 bg-gray-900") : dark ? "border-gray-500" : "border-gray-400"}`}
          />
        ))}
      </div>
      <p role="alert" className={`min-h-7 text-lg font-bold ${dark ? "text-red-400" : "text-red-700"}`}>
        {error}
      </p>
      <div className="grid grid-cols-3 gap-3">
        {KEYS.map((d) => (
          <button
            key={d}
            type="button"
            onClick={() => press(d)}
            className={`${size} rounded-2xl text-3xl font-bold ${key}`}
          >
            {d}
          </button>
        ))}
        <button
          type="button"
          onClick={back}
          aria-label="Delete last digit"
          className={`${size} rounded-2xl text-2xl ${key}`}
        >
          ⌫
        </button>
        <button type="button" onClick={() => press("0")} className={`${size} rounded-2xl text-3xl font-bold ${key}`}>
          0
        </button>
        <button
          type="button"
          onClick={submit}
          disabled={!ready}
          className={`${size} rounded-2xl text-lg font-bold ${dark ? "bg-brand-600 text-white disabled:bg-gray-700 disabled:text-gray-300" : "bg-gray-900 text-white disabled:bg-gray-400"}`}
        >
          {pending ? "…" : submitLabel}
        </button>
      </div>
    </div>
  );
}
