"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/http/action";
import { sendOrderAction } from "../../../actions";
import type { Draft } from "./types";
import { sendBodyOf } from "./use-draft";
import { lineErrors } from "./line-errors";

export type SendError = { message: string; lines: Record<number, string[]> };
type SendAnswer = ActionResult<{
  fireBatch: number | null;
  firedItemIds: string[];
  heldItemIds: string[];
  replayed: boolean;
}>;

/**
 * Send (or retry) the draft with the key stored alongside the exact body, so a retry after a lost
 * answer is the very same request and the kitchen gets it once. A refusal unlocks the draft.
 */
export function useSendOrder(opts: {
  orderId: string;
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  onSent: (message: string) => void;
  onMenuStale: () => void;
}) {
  const { orderId, draft, setDraft } = opts;
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<SendError | null>(null);

  async function send() {
    let attempt = draft.pendingSend;
    if (!attempt) {
      attempt = { key: crypto.randomUUID(), body: sendBodyOf(draft) };
      const pending = attempt;
      setDraft((d) => ({ ...d, pendingSend: pending }));
    }
    setSending(true);
    setSendError(null);
    let res: SendAnswer;
    try {
      res = await sendOrderAction({ orderId, idempotencyKey: attempt.key, ...attempt.body });
    } catch {
      setSending(false);
      setSendError({
        message: "No answer from the server. The order is kept on this tablet: tap Retry — it cannot be sent twice.",
        lines: {},
      });
      return;
    }
    setSending(false);
    if (res.ok) {
      setDraft(() => ({ lines: [], holdCourses: [], pendingSend: null }));
      const held = res.data.heldItemIds.length;
      opts.onSent(
        res.data.fireBatch
          ? `Sent to kitchen${held ? ` · ${held} held` : ""}${res.data.replayed ? " (already received)" : ""}`
          : `Saved · ${held} held`,
      );
      return;
    }
    if (res.code === "IN_PROGRESS") {
      setSendError({ message: "The kitchen is still receiving this order. Retry in a moment.", lines: {} });
      return;
    }
    // A real refusal (86'd, invalid, out of stock…): unlock the draft so it can be fixed.
    setDraft((d) => ({ ...d, pendingSend: null }));
    setSendError({ message: res.error, lines: lineErrors(res.fieldErrors) });
    if (res.code === "UNAVAILABLE_ITEM" || res.code === "OUT_OF_STOCK") opts.onMenuStale();
  }

  return { send, sending, sendError, clearSendError: () => setSendError(null) };
}
