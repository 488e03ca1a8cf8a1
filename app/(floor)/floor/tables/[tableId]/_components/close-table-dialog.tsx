"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApproverView } from "@/components/manager-approval";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { formatCents } from "@/lib/money";
import { updateOrderStatusAction } from "../../../actions";
import { CheckModal, ErrorText } from "./check-modal";
import { ReasonApprovalDialog } from "./reason-approval-dialog";
import { useChecks } from "./use-checks";

/**
 * Closing the table (replaces the old browser confirm): with every check paid it is one tap;
 * with money owed it says how much and offers a manager's close with a reason and approval.
 */
export function CloseTableDialog({
  orderId,
  tableLabel,
  role,
  approvers,
  hasUnsent,
  kitchenBusy,
  onClosed,
  onOpenChecks,
  onClose,
}: {
  orderId: string;
  tableLabel: string;
  role: Role;
  approvers: ApproverView[];
  hasUnsent: boolean;
  /** Food still cooking or at the pass: the table cannot close yet (lib/orders/order-state). */
  kitchenBusy: boolean;
  onClosed: () => void;
  onOpenChecks: () => void;
  onClose: () => void;
}) {
  const { data, isPending, isError } = useChecks(orderId);
  const [managerClose, setManagerClose] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const currency = data?.location.currency ?? "USD";
  const owed = data?.order.owedCents ?? 0;

  if (managerClose)
    return (
      <ReasonApprovalDialog
        title={`Close table ${tableLabel} with ${formatCents(owed, currency)} owed?`}
        intro={
          <p className="font-semibold text-red-800">
            The unpaid {formatCents(owed, currency)} is recorded with your reason.
          </p>
        }
        presets={["Walk-out", "House account agreed", "Manager's guest"]}
        approvalUpfront={!can(role, "checks.reopen")}
        approvers={approvers}
        submitLabel="Close table"
        danger
        onSubmit={(reason, approval) => updateOrderStatusAction({ orderId, status: "CLOSED", reason, approval })}
        onDone={onClosed}
        onClose={onClose}
        testId="close-owed-dialog"
      />
    );

  async function close() {
    setPending(true);
    setError(null);
    try {
      const res = await updateOrderStatusAction({ orderId, status: "CLOSED" });
      if (res.ok) onClosed();
      else if (res.details?.approvalRequired) setManagerClose(true);
      else setError(res.error);
    } catch {
      setError("Couldn't reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <CheckModal title={`Close table ${tableLabel}?`} onClose={onClose} testId="close-table-dialog">
      {isPending ? (
        <p className="text-gray-600">Checking what is owed…</p>
      ) : isError ? (
        <ErrorText error="Couldn't load the checks." />
      ) : (
        <div className="space-y-4">
          {owed > 0 ? (
            <div className="rounded-xl bg-amber-50 p-3 text-amber-900" data-testid="close-owed">
              <p className="text-xl font-black">Still owed: {formatCents(owed, currency)}</p>
              <ul className="mt-1">
                {data.checks
                  .filter((c) => c.balanceCents > 0)
                  .map((c) => (
                    <li key={c.id}>
                      {c.label}: {formatCents(c.balanceCents, currency)}
                    </li>
                  ))}
              </ul>
            </div>
          ) : (
            <p className="text-lg" data-testid="close-paid">
              Every check is paid. {hasUnsent ? "Unsent lines are dropped." : ""}
            </p>
          )}
          {kitchenBusy && (
            <p className="rounded-lg bg-amber-50 p-3 font-semibold text-amber-900" data-testid="close-kitchen-busy">
              Food is still in the kitchen or at the pass: mark it served before closing.
            </p>
          )}
          <ErrorText error={error} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            {owed > 0 ? (
              <>
                <Button variant="secondary" onClick={onOpenChecks}>
                  Take payment
                </Button>
                <Button variant="danger" disabled={kitchenBusy} onClick={() => setManagerClose(true)}>
                  Manager close…
                </Button>
              </>
            ) : (
              <Button disabled={pending || kitchenBusy} onClick={() => void close()} data-testid="close-confirm">
                {pending ? "Closing…" : "Close table"}
              </Button>
            )}
          </div>
        </div>
      )}
    </CheckModal>
  );
}
