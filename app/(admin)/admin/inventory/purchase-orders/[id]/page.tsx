import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getLocation } from "@/lib/locations/get-location";
import { getPurchaseOrder } from "@/lib/inventory/get-purchase-order";
import { listIngredients } from "@/lib/inventory/list-ingredients";
import { formatQuantity } from "@/lib/inventory/units";
import { mulMilli, toMilli } from "@/lib/inventory/quantity";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/ui/card";
import { PoEditor } from "../../_components/po-editor";
import { PoStatusBadge } from "../../_components/po-status-badge";
import { PoActions } from "../../_components/po-actions";
import { ReceiveForm } from "../../_components/receive-form";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Purchase order" };

export default async function PurchaseOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ received?: string; restored?: string }>;
}) {
  const ctx = await requireUser("inventory.manage");
  const [{ id }, flash] = await Promise.all([params, searchParams]);
  const po = await orNotFound(getPurchaseOrder(ctx, id));
  const [location, ingredients] = await Promise.all([
    getLocation(ctx),
    po.can.edit ? listIngredients(ctx) : Promise.resolve([]),
  ]);
  const when = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString("en-US", { timeZone: location.timezone, dateStyle: "medium", timeStyle: "short" })
      : null;
  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/admin/inventory/purchase-orders" className="text-sm font-semibold text-gray-600 hover:underline">
        ← Purchase orders
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          PO #{po.number} · {po.supplier.name}
        </h1>
        <span data-testid="po-status" data-status={po.status}>
          <PoStatusBadge status={po.status} />
        </span>
        <span className="ml-auto text-lg font-semibold tabular-nums">
          {formatCents(po.totalCents, location.currency)}
        </span>
      </div>
      <ol className="flex flex-wrap gap-4 text-sm text-gray-600" aria-label="History">
        <li>
          Created {when(po.createdAt)}
          {po.createdBy && ` by ${po.createdBy}`}
        </li>
        {po.sentAt && <li>Sent {when(po.sentAt)}</li>}
        {po.receivedAt && <li>Received {when(po.receivedAt)}</li>}
        {po.cancelledAt && <li>Cancelled {when(po.cancelledAt)}</li>}
        {po.expectedAt && <li>Expected {po.expectedAt}</li>}
      </ol>
      {flash.received && (
        <p
          role="status"
          data-testid="po-flash"
          className="rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800"
        >
          Received into stock.{" "}
          {flash.received === "RECEIVED" ? "The order is complete." : "The rest is still outstanding."}
          {flash.restored && ` Back on the menu: ${flash.restored}.`}
        </p>
      )}
      <PoActions id={po.id} can={po.can} supplierEmail={po.supplier.email} />
      {po.can.edit ? (
        <PoEditor
          po={{ id: po.id, supplierId: po.supplier.id, expectedAt: po.expectedAt, notes: po.notes, lines: po.lines }}
          suppliers={[po.supplier]}
          ingredients={ingredients.map((i) => ({
            id: i.id,
            name: i.name,
            purchaseUnit: i.purchaseUnit,
            costCents: i.costCentsPerPurchaseUnit,
            supplierId: i.supplier?.id ?? null,
            suggested: i.suggestion?.purchaseUnits ?? null,
          }))}
        />
      ) : po.can.receive ? (
        <Card title="Receive delivery">
          <ReceiveForm poId={po.id} currency={location.currency} lines={po.lines} />
        </Card>
      ) : (
        <Card title="Lines">
          {po.notes && <p className="mb-2 text-sm text-gray-600">{po.notes}</p>}
          <table className="w-full text-left text-sm" data-testid="po-lines">
            <thead className="text-gray-600">
              <tr>
                <th className="py-2">Ingredient</th>
                <th className="py-2 text-right">Ordered</th>
                <th className="py-2 text-right">Received</th>
                <th className="py-2 text-right">Unit cost</th>
                <th className="py-2 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {po.lines.map((l) => (
                <tr key={l.id} className="border-t border-gray-100">
                  <td className="py-2">{l.ingredient}</td>
                  <td className="py-2 text-right tabular-nums">
                    {l.quantityOrdered} × {l.purchaseUnit}
                  </td>
                  <td className="py-2 text-right tabular-nums">
                    {l.quantityReceived}{" "}
                    <span className="text-xs text-gray-500">
                      ({formatQuantity(mulMilli(toMilli(l.quantityReceived), toMilli(l.purchaseUnitSize)), l.baseUnit)})
                    </span>
                  </td>
                  <td className="py-2 text-right tabular-nums">{formatCents(l.unitCostCents, location.currency)}</td>
                  <td className="py-2 text-right tabular-nums">{formatCents(l.lineTotalCents, location.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
