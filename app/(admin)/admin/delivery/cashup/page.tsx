import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { requireUser } from "@/lib/auth/session";
import { listDriverCashups } from "@/lib/driver/driver-cashup";
import { getLocation } from "@/lib/locations/get-location";
import { formatCents } from "@/lib/money";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { CountForm } from "./_components/count-form";

export const metadata: Metadata = { title: "Driver cash-up" };

export default async function DriverCashupPage() {
  const ctx = await requireUser("delivery.cashup");
  const [rows, location] = await Promise.all([listDriverCashups(ctx), getLocation(ctx)]);
  const when = (d: Date | null) => (d ? formatZonedDateTime(d, location.timezone) : "—");
  const money = (c: number | null) => (c === null ? "—" : formatCents(c));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Driver cash-up</h1>
        <p className="text-gray-600">
          What each driver took at the door on their shifts in the last 7 days. Count the cash they hand in and
          reconcile (the variance is counted − collected); check the card total against their terminal&apos;s batch.
        </p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No driver shifts yet">Shifts appear here once a driver goes on duty.</EmptyState>
      ) : (
        <ScrollRegion label="Driver shifts">
          <table className="w-full min-w-[760px] text-left text-sm">
            <thead className="border-b border-gray-200 text-gray-600">
              <tr>
                <th scope="col" className="p-2">
                  Driver
                </th>
                <th scope="col" className="p-2">
                  Shift
                </th>
                <th scope="col" className="p-2 text-right">
                  COD orders
                </th>
                <th scope="col" className="p-2 text-right">
                  Collected
                </th>
                <th scope="col" className="p-2 text-right">
                  Card (tips)
                </th>
                <th scope="col" className="p-2 text-right">
                  Counted
                </th>
                <th scope="col" className="p-2 text-right">
                  Variance
                </th>
                <th scope="col" className="p-2">
                  Reconciled
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) =>
                r.shift ? (
                  <tr
                    key={r.shift.id}
                    data-testid={`cashup-${r.shift.id}`}
                    className="border-b border-gray-100 align-top"
                  >
                    <td className="p-2 font-semibold">{r.driver.name}</td>
                    <td className="p-2">
                      {when(r.shift.startedAt)} – {r.shift.endedAt ? when(r.shift.endedAt) : "on duty"}
                    </td>
                    <td className="p-2 text-right">{r.codOrders}</td>
                    <td className="p-2 text-right font-semibold" data-testid="cashup-collected">
                      {money(r.collectedCents)}
                    </td>
                    <td className="p-2 text-right" data-testid="cashup-card">
                      {money(r.cardCents)}
                      {r.cardTipCents > 0 && <span className="text-gray-600"> ({money(r.cardTipCents)})</span>}
                    </td>
                    <td className="p-2 text-right">{money(r.countedCents)}</td>
                    <td
                      className={`p-2 text-right font-semibold ${r.varianceCents && r.varianceCents < 0 ? "text-red-700" : ""}`}
                    >
                      {money(r.varianceCents)}
                    </td>
                    <td className="p-2">
                      {r.reconciledAt ? (
                        <span>
                          {when(r.reconciledAt)} by {r.reconciledBy ?? "—"}
                        </span>
                      ) : (
                        <CountForm
                          driverId={r.driver.id}
                          shiftId={r.shift.id}
                          disabledReason={
                            r.outForDelivery > 0 ? `${r.outForDelivery} still out for delivery` : undefined
                          }
                        />
                      )}
                    </td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
