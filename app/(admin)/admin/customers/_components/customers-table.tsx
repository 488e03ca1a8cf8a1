"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CustomerRowView } from "@/lib/customers/list-customers";
import { liftCustomerBlockAction } from "../actions";
import { BlockDialog } from "./block-dialog";

const day = (d: Date | string) => new Date(d).toLocaleDateString(undefined, { dateStyle: "medium" });

/** The customers found, with their block state and the block / lift buttons. */
export function CustomersTable({ customers }: { customers: CustomerRowView[] }) {
  const [blocking, setBlocking] = useState<{ id: string; firstName: string } | null>(null);
  const [phoneDialog, setPhoneDialog] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function lift(id: string) {
    setError(null);
    start(async () => {
      const r = await liftCustomerBlockAction({ id });
      if (!r.ok) setError(r.error);
    });
  }

  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-bold">Customers</h2>
        <Button variant="secondary" onClick={() => setPhoneDialog(true)} data-testid="block-phone-open">
          Block a phone number…
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      {customers.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-gray-600" data-testid="customers-empty">
          No customers yet. They appear here once they verify their phone on the ordering site.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="customers-table">
            <thead className="border-b border-gray-200 bg-gray-50 text-xs uppercase text-gray-600">
              <tr>
                <th className="px-4 py-2">Customer</th>
                <th className="px-4 py-2">Phone</th>
                <th className="px-4 py-2 text-right">Online orders</th>
                <th className="px-4 py-2 text-right">COD failures</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {customers.map((c) => (
                <tr key={c.id} data-testid="customer-row" data-customer-id={c.id}>
                  <td className="px-4 py-2">
                    <Link href={`/admin/customers/${c.id}`} className="font-semibold hover:underline">
                      {c.erasedAt ? "Erased customer" : c.firstName || "(no name)"}
                    </Link>
                  </td>
                  <td className="px-4 py-2 tabular-nums">{c.phone || "—"}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{c.onlineOrders}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{c.codFailures}</td>
                  <td className="px-4 py-2">
                    {c.activeBlock ? (
                      <span data-testid="customer-blocked" title={c.activeBlock.reason}>
                        <Badge tone="red">
                          Blocked{c.activeBlock.until ? ` until ${day(c.activeBlock.until)}` : ""}
                        </Badge>
                      </span>
                    ) : c.blockSuggested ? (
                      <span data-testid="block-suggested">
                        <Badge tone="amber">Suggested to block</Badge>
                      </span>
                    ) : (
                      <Badge tone="green">OK</Badge>
                    )}
                  </td>
                  <td className="px-4 py-2 text-right">
                    {c.erasedAt ? null : c.activeBlock ? (
                      <Button
                        variant="secondary"
                        disabled={pending}
                        onClick={() => lift(c.id)}
                        data-testid="customer-lift"
                      >
                        Lift block
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        onClick={() => setBlocking({ id: c.id, firstName: c.firstName })}
                        data-testid="customer-block"
                      >
                        Block…
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {blocking && <BlockDialog customer={blocking} onClose={() => setBlocking(null)} />}
      {phoneDialog && <BlockDialog customer={null} onClose={() => setPhoneDialog(false)} />}
    </section>
  );
}
