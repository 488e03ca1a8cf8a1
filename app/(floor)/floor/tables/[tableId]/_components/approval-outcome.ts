// How a refused action moves a dialog with a manager-approval step (comps, refunds, reopen, close).
// Pure: the dialogs keep this state; tested beside.

export type Failure = {
  error: string;
  code: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
};

export type ApprovalState = {
  /** "form": the dialog's own fields; "approval": a manager picks themselves and types their PIN. */
  step: "form" | "approval";
  error: string | null;
  /** Bumped on a wrong PIN: the pad shakes and clears. */
  shake: number;
};

export const FRESH: ApprovalState = { step: "form", error: null, shake: 0 };

/** The next state after a refusal: approval needed → the approval step; a wrong PIN → shake; else the message. */
export function afterRefusal(prev: ApprovalState, res: Failure): ApprovalState {
  const approvalKey = Object.keys(res.fieldErrors ?? {}).find((k) => k === "approval" || k.startsWith("approval."));
  if (approvalKey)
    return {
      step: "approval",
      error: res.fieldErrors![approvalKey][0] ?? res.error,
      shake: res.fieldErrors!["approval.pin"] ? prev.shake + 1 : prev.shake,
    };
  if (res.details?.approvalRequired === true)
    // First refusal: just show the approval step (the message says why); later ones show the error.
    return { step: "approval", error: prev.step === "approval" ? res.error : null, shake: prev.shake };
  const firstField = Object.values(res.fieldErrors ?? {})[0]?.[0];
  return { step: "form", error: firstField ?? res.error, shake: prev.shake };
}
