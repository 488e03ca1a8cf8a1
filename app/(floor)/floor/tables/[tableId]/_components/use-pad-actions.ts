"use client";

import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/http/action";

export type Notice = { tone: "ok" | "error"; text: string };

/** A short message above the ticket totals; it clears itself after 4 s. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const flash = useCallback((tone: Notice["tone"], text: string) => {
    setNotice({ tone, text });
    setTimeout(() => setNotice((n) => (n?.text === text ? null : n)), 4000);
  }, []);
  return { notice, flash };
}

/**
 * The pad's one-tap actions (mark served, flag, close, fire, void): one at a time (`busy`
 * disables the buttons), the outcome flashed, the order refetched on success.
 */
export function usePadActions(flash: (tone: Notice["tone"], text: string) => void, refresh: () => void) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(fn: () => Promise<ActionResult<T>>, ok: string): Promise<boolean> => {
      setBusy(true);
      try {
        const res = await fn();
        if (!res.ok) {
          flash("error", res.error);
          return false;
        }
        flash("ok", ok);
        refresh();
        return true;
      } catch {
        flash("error", "Couldn't reach the server. Try again.");
        return false;
      } finally {
        setBusy(false);
      }
    },
    [flash, refresh],
  );
  /** For flows with their own outcome handling (the void dialog): only the busy flag. */
  const withBusy = useCallback(async <T>(fn: () => Promise<T>): Promise<T> => {
    setBusy(true);
    try {
      return await fn();
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, withBusy, busy };
}
