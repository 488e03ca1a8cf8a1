"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { parseMoneyToCents } from "@/lib/csv/fields";
import { formatQuantity, type BaseUnitCode } from "@/lib/inventory/units";
import { toMilli, fromMilli, mulMilli } from "@/lib/inventory/quantity";
import { formatCents } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { ErrorText, inputClass } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { lineFieldErrors } from "@/components/admin/line-rows";
import { receivePurchaseOrderAction } from "../actions";

type Line = {
  id: string;
  ingredient: string;
  baseUnit: BaseUnitCode;
  purchaseUnit: string;
  purchaseUnitSize: string;
  quantityOrdered: string;
  quantityReceived: string;
  unitCostCents: number;
};

/**
 * Book what arrived: each line defaults to what is still outstanding; the base-unit amount that
 * will be added is shown as you type; the invoice price can differ from the order.
 */
export function ReceiveForm({ poId, currency, lines }: { poId: string; currency: string; lines: Line[] }) {
  const outstanding = (l: Line) => fromMilli(Math.max(0, toMilli(l.quantityOrdered) - toMilli(l.quantityReceived)));
  const [qty, setQty] = useState<Record<string, string>>(Object.fromEntries(lines.map((l) => [l.id, outstanding(l)])));
  const [cost, setCost] = useState<Record<string, string>>(
    Object.fromEntries(lines.map((l) => [l.id, (l.unitCostCents / 100).toFixed(2)])),
  );
  const { errors, message, pending, start, failed } = useSaveState();
  const router = useRouter();
  const base = (l: Line) => {
    try {
      return formatQuantity(mulMilli(toMilli(qty[l.id] || "0"), toMilli(l.purchaseUnitSize)), l.baseUnit);
    } catch {
      return "—";
    }
  };

  function submit() {
    start(async () => {
      const r = await receivePurchaseOrderAction({
        id: poId,
        lines: lines.map((l) => ({
          lineId: l.id,
          quantity: (qty[l.id] ?? "").trim() || "0",
          unitCostCents: parseMoneyToCents(cost[l.id] ?? "") ?? Number.NaN,
        })),
      });
      if (r.ok) {
        // The page switches view once the order is complete, so the outcome travels in the URL.
        const q = new URLSearchParams({ received: r.data.status });
        if (r.data.restored.length)
          q.set(
            "restored",
            r.data.restored
              .map((x) => x.name)
              .slice(0, 10)
              .join(", "),
          );
        router.replace(`/admin/inventory/purchase-orders/${poId}?${q}`, { scroll: false });
      } else {
        failed(r);
      }
    });
  }

  return (
    <EditorForm onSave={submit} className="space-y-3" data-testid="receive-form">
      <table className="w-full text-left text-sm">
        <thead className="text-gray-600">
          <tr>
            <th className="py-2">Ingredient</th>
            <th className="py-2 text-right">Ordered</th>
            <th className="py-2 text-right">Already received</th>
            <th className="py-2">Arrived now</th>
            <th className="py-2">Invoice unit cost</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const err = lineFieldErrors(errors, "lines", i, ["quantity", "unitCostCents"]);
            return (
              <tr key={l.id} className="border-t border-gray-100 align-top">
                <td className="py-2">{l.ingredient}</td>
                <td className="py-2 text-right tabular-nums">
                  {l.quantityOrdered} × {l.purchaseUnit}
                </td>
                <td className="py-2 text-right tabular-nums">{l.quantityReceived}</td>
                <td className="py-2 pl-3">
                  <input
                    aria-label={`${l.ingredient} received (${l.purchaseUnit})`}
                    inputMode="decimal"
                    value={qty[l.id] ?? ""}
                    onChange={(e) => setQty((q) => ({ ...q, [l.id]: e.target.value }))}
                    className={`${inputClass} w-28`}
                    data-testid="receive-qty"
                  />
                  <span className="block text-xs text-gray-500">adds {base(l)}</span>
                  <ErrorText errors={err} className="text-xs" />
                </td>
                <td className="py-2 pl-3">
                  <input
                    aria-label={`${l.ingredient} unit cost (${currency})`}
                    inputMode="decimal"
                    value={cost[l.id] ?? ""}
                    onChange={(e) => setCost((c) => ({ ...c, [l.id]: e.target.value }))}
                    className={`${inputClass} w-28`}
                  />
                  <span className="block text-xs text-gray-500">
                    ordered at {formatCents(l.unitCostCents, currency)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorText errors={errors.lines} />
      <EditorActions message={message}>
        <Button type="submit" disabled={pending} data-testid="receive-submit">
          {pending ? "Booking…" : "Receive into stock"}
        </Button>
      </EditorActions>
    </EditorForm>
  );
}
