"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * The check panel's dialogs: a centred sheet over a dimmed pad, Escape or a tap outside closes
 * (captured, so nothing behind reacts), focus moves into it on open and back where it was on close.
 * Rendered into <body> so the surface header is dimmed too (no stacking context holds it down).
 */
export function CheckModal({
  title,
  onClose,
  children,
  width = "w-[34rem]",
  testId,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  width?: string;
  testId?: string;
}) {
  const hydrated = useHydrated();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      // Only the topmost dialog closes.
      const dialogs = document.querySelectorAll("[data-check-modal]");
      if (dialogs[dialogs.length - 1] !== box.current) return;
      e.stopPropagation();
      close.current();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    if (!box.current?.contains(document.activeElement)) box.current?.focus();
    return () => {
      window.removeEventListener("keydown", onKey, { capture: true });
      before?.focus?.();
    };
  }, [hydrated]);
  if (!hydrated) return null;
  return createPortal(
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-3" onClick={onClose}>
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-check-modal
        data-testid={testId}
        className={`flex max-h-full max-w-full flex-col overflow-hidden rounded-2xl bg-white shadow-xl outline-none ${width}`}
        onClick={(e) => e.stopPropagation()}
      >
        <div className="flex shrink-0 items-center justify-between gap-2 border-b border-gray-200 py-2 pl-5 pr-2">
          <h2 id={titleId} className="min-w-0 truncate text-xl font-black">
            {title}
          </h2>
          <button
            type="button"
            aria-label="Close"
            onClick={onClose}
            className="min-h-11 min-w-11 shrink-0 rounded-lg text-2xl leading-none hover:bg-gray-100"
          >
            ×
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto p-5">{children}</div>
      </div>
    </div>,
    document.body,
  );
}

/** A field's label above its control, touch-sized. */
export function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1 block text-sm font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

export const INPUT = "min-h-12 w-full rounded-xl border-2 border-gray-300 px-3 text-lg";

export function ErrorText({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 p-2 font-semibold text-red-800">
      {error}
    </p>
  );
}
