"use client";

import { useState, useTransition } from "react";
import type { FieldErrors } from "@/lib/errors";

export type SaveMessage = { ok: boolean; text: string };

/**
 * A console editor's save: pending while the action runs, then the server's field errors (shown
 * under their inputs) and one line saying how it went (see EditorActions).
 */
export function useSaveState() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const [pending, start] = useTransition();
  return {
    errors,
    message,
    setMessage,
    pending,
    start,
    saved: (text: string) => {
      setErrors({});
      setMessage({ ok: true, text });
    },
    failed: (r: { error: string; fieldErrors?: FieldErrors }) => {
      setErrors(r.fieldErrors ?? {});
      setMessage({ ok: false, text: r.error });
    },
    /** Runs a delete action; on success the page's revalidation takes the editor away, so only a failure shows. */
    runDelete: (del: () => Promise<{ ok: true } | { ok: false; error: string }>) =>
      start(async () => {
        const r = await del();
        if (!r.ok) setMessage({ ok: false, text: r.error });
      }),
  };
}
