"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ManagerApproval, type ApproverView } from "@/components/manager-approval";
import type { ActionResult } from "@/lib/http/action";
import type { ApprovalInput } from "@/lib/staff/approval-schema";
import { afterRefusal, FRESH, type ApprovalState } from "./approval-outcome";
import { CheckModal, ErrorText, INPUT } from "./check-modal";

/**
 * A reason, maybe more fields, then — when the role may not do it alone, or the server says so —
 * a manager's approval on this tablet, sent with the action itself. Refunds, reopening a check
 * and closing a table with money owed all go through it.
 */
export function ReasonApprovalDialog({
  title,
  intro,
  presets,
  children,
  ready = true,
  approvalUpfront,
  approvers,
  submitLabel,
  danger = false,
  onSubmit,
  onDone,
  onClose,
  testId,
}: {
  title: string;
  intro?: ReactNode;
  presets: readonly string[];
  /** Extra fields (a refund's amounts) above the reason. */
  children?: ReactNode;
  /** Whether the extra fields are complete. */
  ready?: boolean;
  /** The role never may: ask for the manager straight after the reason. */
  approvalUpfront: boolean;
  approvers: ApproverView[];
  submitLabel: string;
  danger?: boolean;
  onSubmit: (reason: string, approval?: ApprovalInput) => Promise<ActionResult<unknown>>;
  onDone: () => void;
  onClose: () => void;
  testId?: string;
}) {
  const [reason, setReason] = useState("");
  const [state, setState] = useState<ApprovalState>(FRESH);
  const [pending, setPending] = useState(false);
  const valid = reason.trim().length >= 3 && ready;

  async function submit(approval?: ApprovalInput) {
    setPending(true);
    try {
      const res = await onSubmit(reason.trim(), approval);
      if (res.ok) onDone();
      else setState((s) => afterRefusal(s, res));
    } catch {
      setState((s) => ({ ...s, error: "Couldn't reach the server. Try again." }));
    } finally {
      setPending(false);
    }
  }

  return (
    <CheckModal title={title} onClose={onClose} testId={testId}>
      {state.step === "form" ? (
        <form
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!valid) return;
            if (approvalUpfront) setState({ ...state, step: "approval", error: null });
            else void submit();
          }}
        >
          {intro}
          {children}
          <div className="flex flex-wrap gap-2">
            {presets.map((r) => (
              <button
                key={r}
                type="button"
                onClick={() => setReason(r)}
                aria-pressed={reason === r}
                className={`min-h-11 rounded-full border-2 px-3 font-semibold ${reason === r ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
              >
                {r}
              </button>
            ))}
          </div>
          <label className="block">
            <span className="font-semibold">Reason (required)</span>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={200}
              className={`mt-1 ${INPUT}`}
            />
          </label>
          {approvalUpfront && (
            <p className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900" data-testid="approval-needed">
              A manager approves this on this tablet next.
            </p>
          )}
          <ErrorText error={state.error} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" variant={danger ? "danger" : "primary"} disabled={!valid || pending}>
              {approvalUpfront ? "Next: manager approval" : pending ? "Working…" : submitLabel}
            </Button>
          </div>
        </form>
      ) : (
        <div className="space-y-3">
          <p className="text-gray-700">
            Reason: <span className="font-semibold">{reason.trim()}</span>{" "}
            <button
              type="button"
              onClick={() => setState({ ...state, step: "form", error: null })}
              className="min-h-11 px-1 font-semibold underline"
            >
              Change
            </button>
          </p>
          <ManagerApproval
            approvers={approvers}
            onApprove={(approval) => void submit(approval)}
            pending={pending}
            error={state.error}
            shake={state.shake}
            submitLabel={submitLabel}
          />
        </div>
      )}
    </CheckModal>
  );
}
