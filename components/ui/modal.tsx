"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useHydrated } from "./use-hydrated";

/**
 * A centred dialog over a dimmed page: Escape or a tap outside closes it (only the topmost one),
 * focus moves into it on open (to `initialFocus` when given) and back where it was on close, and
 * Tab stays inside. Rendered into <body> so the surface header is dimmed too. An optional footer
 * stays in view while the body scrolls.
 */
export function Modal({
  title,
  onClose,
  children,
  footer,
  width = "w-[34rem]",
  testId,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
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
    if (!hydrated) return;
    const before = document.activeElement as HTMLElement | null;
    const topmost = () => {
      const dialogs = document.querySelectorAll("[data-modal]");
      return dialogs[dialogs.length - 1] === box.current;
    };
    const onKey = (e: KeyboardEvent) => {
      if (!topmost()) return;
      if (e.key === "Escape") {
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== "Tab" || !box.current) return;
      // Keep Tab inside the dialog: from the last control back to the first and the other way.
      const focusable = [
        ...box.current.querySelectorAll<HTMLElement>(
          'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]',
        ),
      ].filter((el) => el.offsetParent !== null);
      if (focusable.length === 0) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    window.addEventListener("keydown", onKey, { capture: true });
    if (!box.current?.contains(document.activeElement)) {
      const wanted = box.current?.querySelector<HTMLElement>("[data-autofocus]");
      (wanted ?? box.current)?.focus();
    }
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
        data-modal
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
        {footer && <div className="shrink-0 border-t border-gray-200 px-5 py-3">{footer}</div>}
      </div>
    </div>,
    document.body,
  );
}
