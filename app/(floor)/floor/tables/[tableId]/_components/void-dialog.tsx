"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ManagerApproval, type ApproverView } from "@/components/manager-approval";
import type { ApprovalInput } from "@/lib/staff/approval-schema";

const REASONS = ["Guest changed mind", "Entered by mistake", "Quality issue", "Took too long", "Manager comp"];

/**
 * Ask for a void reason (required); the server checks the role again. A line the kitchen has
 * received, voided by someone who may not, takes a second step: a manager approves it on this
 * device (PIN, or email and password), sent with the void itself.
 */
export function VoidDialog({
  name,
  onConfirm,
  onClose,
  pending,
  error,
  approvers = null,
  shake = 0,
}: {
  name: string;
  onConfirm: (reason: string, approval?: ApprovalInput) => void;
  onClose: () => void;
  pending: boolean;
  error: string | null;
  /** Set when this void needs a manager's approval: the managers who can give it by PIN. */
  approvers?: ApproverView[] | null;
  /** Bumped on a wrong PIN: the pad shakes. */
  shake?: number;
}) {
  const [reason, setReason] = useState("");
  const [step, setStep] = useState<"reason" | "approval">("reason");
  useEffect(() => {
    // Captured: Escape closes the dialog before any screen behind it reacts.
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [onClose]);
  const valid = reason.trim().length >= 3;
  const needsApproval = approvers !== null;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-4" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="void-title"
        className="max-h-full w-[30rem] max-w-full space-y-4 overflow-y-auto rounded-2xl bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="void-title" className="text-xl font-black">
          Void {name}?
        </h2>
        {step === "reason" ? (
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (!valid) return;
              if (needsApproval) setStep("approval");
              else onConfirm(reason.trim());
            }}
          >
            <div className="flex flex-wrap gap-2">
              {REASONS.map((r) => (
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
                autoFocus
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={200}
                className="mt-1 min-h-12 w-full rounded-xl border-2 border-gray-300 px-3 text-lg"
              />
            </label>
            {needsApproval && (
              <p className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900" data-testid="approval-needed">
                The kitchen has this line: a manager approves the void on this tablet next.
              </p>
            )}
            {error && (
              <p role="alert" className="font-semibold text-red-700">
                {error}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" disabled={!valid || pending}>
                {needsApproval ? "Next: manager approval" : pending ? "Voiding…" : "Void item"}
              </Button>
            </div>
          </form>
        ) : (
          <>
            <p className="text-gray-700">
              Reason: <span className="font-semibold">{reason.trim()}</span>{" "}
              <button type="button" onClick={() => setStep("reason")} className="min-h-11 px-1 font-semibold underline">
                Change
              </button>
            </p>
            <ManagerApproval
              approvers={approvers ?? []}
              onApprove={(approval) => onConfirm(reason.trim(), approval)}
              pending={pending}
              error={error}
              shake={shake}
              submitLabel="Void"
            />
            <div className="flex justify-end">
              <Button type="button" variant="secondary" onClick={onClose}>
                Cancel
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
