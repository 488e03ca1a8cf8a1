"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { ManagerApproval, type ApproverView } from "@/components/manager-approval";
import { formatCents } from "@/lib/money";
import type { ApprovalInput } from "@/lib/staff/approval-schema";
import { addDiscountAction, listDiscountReasonsAction } from "../../../checks-actions";
import { afterRefusal, FRESH, type ApprovalState } from "./approval-outcome";
import { CheckModal, ErrorText, Field, INPUT } from "./check-modal";
import { parseCents, parsePercentBps, shareLabel } from "./check-figures";
import type { CheckView } from "./use-checks";

/**
 * Discount or comp a check or one of its lines: a reason from the location's list, percent or
 * amount. Above the role's limit the server asks for a manager, who approves on this tablet.
 */
export function DiscountDialog({
  check,
  currency,
  approvers,
  initialLineId = null,
  onDone,
  onClose,
}: {
  check: CheckView;
  currency: string;
  approvers: ApproverView[];
  initialLineId?: string | null;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const reasons = useQuery({
    queryKey: ["discount-reasons"],
    queryFn: async () => {
      const res = await listDiscountReasonsAction({});
      if (!res.ok) throw new Error(res.error);
      return res.data;
    },
    staleTime: 5 * 60_000,
  });
  const [lineId, setLineId] = useState<string | null>(initialLineId);
  const [kind, setKind] = useState<"PERCENT" | "AMOUNT">("PERCENT");
  const [value, setValue] = useState("");
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [state, setState] = useState<ApprovalState>(FRESH);
  const [pending, setPending] = useState(false);

  const parsed = kind === "PERCENT" ? parsePercentBps(value) : parseCents(value);
  const valid = parsed !== null && parsed > 0 && !!reasonId;
  const reason = reasons.data?.reasons.find((r) => r.id === reasonId);

  async function submit(approval?: ApprovalInput) {
    if (!valid) return;
    setPending(true);
    try {
      const res = await addDiscountAction({
        checkId: check.id,
        orderItemId: lineId ?? undefined,
        kind,
        value: parsed!,
        reasonId: reasonId!,
        approval,
      });
      if (res.ok) onDone(`${reason?.comp ? "Comp" : "Discount"} added to ${check.label}`);
      else setState((s) => afterRefusal(s, res));
    } catch {
      setState((s) => ({ ...s, error: "Couldn't reach the server. Try again." }));
    } finally {
      setPending(false);
    }
  }

  const limit = reasons.data?.limitCents;
  return (
    <CheckModal
      title={`Discount or comp · ${check.label}`}
      onClose={onClose}
      testId="discount-dialog"
      width="w-[40rem]"
    >
      {state.step === "approval" ? (
        <div className="space-y-3">
          <p className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900" data-testid="approval-needed">
            {reason?.name ?? "Discount"}: above your limit{limit != null ? ` of ${formatCents(limit, currency)}` : ""}.
            A manager approves it on this tablet.
          </p>
          <ManagerApproval
            approvers={approvers}
            onApprove={(a) => void submit(a)}
            pending={pending}
            error={state.error}
            shake={state.shake}
            submitLabel="Approve"
          />
          <Button variant="secondary" onClick={() => setState(FRESH)}>
            Back
          </Button>
        </div>
      ) : (
        <form
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <fieldset>
            <legend className="mb-1 text-sm font-semibold">Reason</legend>
            {reasons.isPending ? (
              <p className="text-gray-600">Loading reasons…</p>
            ) : reasons.isError ? (
              <ErrorText error="Couldn't load the discount reasons." />
            ) : reasons.data.reasons.length === 0 ? (
              <p className="text-gray-700">No discount reasons yet: a manager adds them in the admin console.</p>
            ) : (
              <div className="flex flex-wrap gap-2">
                {reasons.data.reasons.map((r) => (
                  <button
                    key={r.id}
                    type="button"
                    aria-pressed={reasonId === r.id}
                    onClick={() => {
                      setReasonId(r.id);
                      // A comp is usually the whole thing.
                      if (r.comp && !value) {
                        setKind("PERCENT");
                        setValue("100");
                      }
                    }}
                    className={`min-h-11 rounded-full border-2 px-3 font-semibold ${reasonId === r.id ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
                  >
                    {r.name}
                    {r.comp ? " (comp)" : ""}
                  </button>
                ))}
              </div>
            )}
          </fieldset>
          <Field label="On" htmlFor="discount-on">
            <select
              id="discount-on"
              value={lineId ?? ""}
              onChange={(e) => setLineId(e.target.value || null)}
              className={INPUT}
            >
              <option value="">The whole check</option>
              {check.lines.map((l) => (
                <option key={l.orderItemId} value={l.orderItemId}>
                  {shareLabel(l.parts, l.ofParts) || `${l.quantity}×`} {l.name} · {formatCents(l.cents, currency)}
                </option>
              ))}
            </select>
          </Field>
          <div className="flex flex-wrap items-end gap-3">
            <SegmentedControl
              label="Percent or amount"
              value={kind}
              onChange={(k) => {
                setKind(k);
                setValue("");
              }}
              options={[
                { value: "PERCENT", label: "Percent" },
                { value: "AMOUNT", label: "Amount" },
              ]}
            />
            <div className="w-40">
              <Field label={kind === "PERCENT" ? "Percent off" : "Amount off ($)"} htmlFor="discount-value">
                <input
                  id="discount-value"
                  inputMode="decimal"
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                  className={INPUT}
                />
              </Field>
            </div>
          </div>
          {value && parsed === null && (
            <p className="text-sm font-semibold text-red-700">
              {kind === "PERCENT" ? "A percentage from 0.01 to 100" : "An amount like 5.00"}
            </p>
          )}
          {limit != null && (
            <p className="text-sm text-gray-600">
              Up to {formatCents(limit, currency)} without a manager; above it a manager approves on this tablet.
            </p>
          )}
          <ErrorText error={state.error} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!valid || pending} data-testid="discount-apply">
              {pending ? "Applying…" : reason?.comp ? "Comp" : "Apply discount"}
            </Button>
          </div>
        </form>
      )}
    </CheckModal>
  );
}
