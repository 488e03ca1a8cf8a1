"use client";

import Link from "next/link";
import { useState } from "react";
import { fetchJson } from "@/components/realtime/fetch-json";
import { formatQuantity, type BaseUnitCode } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Movement = {
  id: string;
  at: string;
  type: string;
  delta: string;
  balanceAfter: string;
  reason: string | null;
  actor: string | null;
  source: string | null;
  purchaseOrderId: string | null;
  stockCountId: string | null;
};

const TYPE_LABEL: Record<string, string> = {
  SALE: "Sale",
  SALE_REVERSAL: "Sale reversed",
  WASTE: "Waste",
  COUNT_CORRECTION: "Count correction",
  RECEIPT: "Receipt",
  TRANSFER_IN: "Transfer in",
  TRANSFER_OUT: "Transfer out",
  ADJUSTMENT: "Adjustment",
};

/** The movements that explain the level; older pages load on demand (cursor pagination). */
export function LedgerTable({
  ingredientId,
  baseUnit,
  initial,
  nextCursor,
}: {
  ingredientId: string;
  baseUnit: BaseUnitCode;
  initial: Movement[];
  nextCursor: string | null;
}) {
  const [rows, setRows] = useState(initial);
  const [cursor, setCursor] = useState(nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const q = (v: string) => formatQuantity(toMilli(v), baseUnit);

  async function more() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchJson<{ movements: Movement[]; nextCursor: string | null }>(
        `/api/v1/inventory/ingredients/${ingredientId}/ledger?after=${encodeURIComponent(cursor)}&limit=100`,
      );
      setRows((r) => [...r, ...page.movements]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }

  if (rows.length === 0)
    return (
      <p className="text-sm text-gray-500">
        No movements yet. Receipts, sales, waste, counts and adjustments appear here.
      </p>
    );
  return (
    <div className="space-y-2">
      <ScrollRegion label="Stock movements" className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="ledger">
          <thead className="text-gray-600">
            <tr>
              <th className="py-2 pr-3">When</th>
              <th className="py-2 pr-3">Type</th>
              <th className="py-2 pr-3 text-right">Change</th>
              <th className="py-2 pr-3 text-right">Balance</th>
              <th className="py-2 pr-3">Source / reason</th>
              <th className="py-2">By</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} className="border-t border-gray-100" data-testid="ledger-row" data-type={m.type}>
                <td className="py-1.5 pr-3 whitespace-nowrap text-gray-600">
                  {new Date(m.at).toLocaleString("en-US", { dateStyle: "short", timeStyle: "short" })}
                </td>
                <td className="py-1.5 pr-3">{TYPE_LABEL[m.type] ?? m.type}</td>
                <td
                  className={`py-1.5 pr-3 text-right tabular-nums font-semibold ${m.delta.startsWith("-") ? "text-red-700" : "text-green-700"}`}
                >
                  {m.delta.startsWith("-") ? "" : "+"}
                  {q(m.delta)}
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{q(m.balanceAfter)}</td>
                <td className="py-1.5 pr-3 text-gray-700">
                  {m.purchaseOrderId ? (
                    <Link className="underline" href={`/admin/inventory/purchase-orders/${m.purchaseOrderId}`}>
                      {m.source}
                    </Link>
                  ) : m.stockCountId ? (
                    <Link className="underline" href={`/admin/inventory/counts/${m.stockCountId}`}>
                      {m.source}
                    </Link>
                  ) : (
                    m.source
                  )}
                  {m.reason && m.source !== m.reason && (
                    <span className="text-gray-500">
                      {m.source ? " · " : ""}
                      {m.reason}
                    </span>
                  )}
                </td>
                <td className="py-1.5 text-gray-600">{m.actor ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {cursor && (
        <Button variant="secondary" onClick={more} disabled={loading}>
          {loading ? "Loading…" : "Older movements"}
        </Button>
      )}
    </div>
  );
}
