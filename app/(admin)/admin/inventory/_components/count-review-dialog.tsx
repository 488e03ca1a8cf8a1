"use client";

import { useEffect, useRef } from "react";
import { toMilli } from "@/lib/inventory/quantity";
import { formatInUnit } from "@/lib/inventory/count-units";
import { LARGE_VARIANCE_PERCENT } from "@/lib/inventory/stock-count-math";
import type { StockCountPreview } from "@/lib/inventory/preview-stock-count";
import { Button } from "@/components/ui/button";

/**
 * The review step before a count is posted (a native modal <dialog>: focus is trapped, Escape
 * goes back to counting). Shows what the server says posting would do: the large variances and
 * the dishes that would be 86'd on every tablet, so a slip is caught before it is booked.
 */
export function CountReviewDialog({
  review,
  lines,
  pending,
  onConfirm,
  onClose,
}: {
  review: StockCountPreview;
  lines: { ingredientId: string; unit: string }[];
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const unitOf = new Map(lines.map((l) => [l.ingredientId, l.unit]));
  const warn = review.largeVariances.length > 0 || review.eightySixed.length > 0;

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="count-review-title"
      aria-describedby="count-review-summary"
      className="m-auto w-[min(44rem,95vw)] rounded-2xl p-0 backdrop:bg-black/40"
      data-testid="count-review"
    >
      <div className="max-h-[85vh] space-y-4 overflow-y-auto p-6">
        <h2 id="count-review-title" className="text-xl font-bold">
          Review the count before posting
        </h2>
        <p id="count-review-summary" className="text-sm text-gray-700">
          {review.counted} counted line{review.counted === 1 ? "" : "s"}; posting writes {review.corrections} correction
          {review.corrections === 1 ? "" : "s"} to the ledger.
          {!warn && " No large variances and no dish would be 86'd."}
        </p>

        {review.largeVariances.length > 0 && (
          <section aria-labelledby="count-review-large" className="rounded-lg border border-red-200 bg-red-50 p-3">
            <h3 id="count-review-large" className="font-semibold text-red-800">
              {review.largeVariances.length} large variance{review.largeVariances.length === 1 ? "" : "s"} (more than{" "}
              {LARGE_VARIANCE_PERCENT} % off expected): check the unit and the number
            </h3>
            <table className="mt-2 w-full text-sm" data-testid="count-review-variances">
              <thead className="text-left text-red-900">
                <tr>
                  <th className="py-1 pr-3">Ingredient</th>
                  <th className="py-1 pr-3 text-right">Expected</th>
                  <th className="py-1 pr-3 text-right">Counted</th>
                  <th className="py-1 text-right">Variance</th>
                </tr>
              </thead>
              <tbody>
                {review.largeVariances.map((l) => {
                  const unit = unitOf.get(l.ingredientId) ?? "";
                  const f = (q: string) => formatInUnit(toMilli(q), unit, l.baseUnit);
                  const v = toMilli(l.variance);
                  return (
                    <tr
                      key={l.ingredientId}
                      className="border-t border-red-100"
                      data-testid="count-review-variance"
                      data-name={l.name}
                    >
                      <td className="py-1 pr-3 font-medium">{l.name}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{f(l.expected)}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{f(l.counted)}</td>
                      <td className="py-1 text-right font-semibold tabular-nums text-red-700">
                        {v > 0 ? "+" : ""}
                        {f(l.variance)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        )}

        {review.eightySixed.length > 0 && (
          <section aria-labelledby="count-review-86" className="rounded-lg border border-red-200 bg-red-50 p-3">
            <h3 id="count-review-86" className="font-semibold text-red-800">
              {review.eightySixed.length} dish{review.eightySixed.length === 1 ? "" : "es"} will be 86&apos;d on every
              tablet
            </h3>
            <ul className="mt-1 list-inside list-disc text-sm" data-testid="count-review-86">
              {review.eightySixed.map((i) => (
                <li key={i.id}>{i.name}</li>
              ))}
            </ul>
          </section>
        )}

        {review.restored.length > 0 && (
          <section aria-labelledby="count-review-back" className="rounded-lg border border-gray-200 p-3">
            <h3 id="count-review-back" className="font-semibold">
              Back on the menu
            </h3>
            <ul className="mt-1 list-inside list-disc text-sm" data-testid="count-review-restored">
              {review.restored.map((i) => (
                <li key={i.id}>{i.name}</li>
              ))}
            </ul>
          </section>
        )}

        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => ref.current?.close()} data-testid="count-review-back">
            Back to counting
          </Button>
          <Button
            variant={warn ? "danger" : "primary"}
            disabled={pending}
            onClick={onConfirm}
            data-testid="count-post-confirm"
          >
            {pending ? "Posting…" : warn ? "Post anyway" : "Post count"}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
