import type { Metadata } from "next";
import Link from "next/link";
import { PersonalDataPanel } from "@/components/admin/personal-data-panel";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { getCustomer } from "@/lib/customers/list-customers";
import { orNotFound } from "@/lib/http/or-not-found";
import { formatCents } from "@/lib/money";
import { eraseCustomerAction } from "../actions";

export const metadata: Metadata = { title: "Customer" };

const when = (d: Date) => d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser("customers.manage");
  const c = await orNotFound(getCustomer(ctx, { id: (await params).id }), ["NOT_FOUND", "VALIDATION"]);
  const name = c.erasedAt ? "Erased customer" : c.firstName || "(no name)";
  return (
    <div className="space-y-4">
      <Link
        href="/admin/customers"
        className="inline-flex min-h-11 items-center text-sm font-semibold text-gray-600 hover:underline"
      >
        ← Customers
      </Link>
      <h1 className="text-2xl font-bold" data-testid="customer-name">
        {name}
      </h1>
      <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-2 rounded-xl border border-gray-200 bg-white p-5 text-sm">
        <dt className="font-semibold">Phone</dt>
        <dd>{c.phone || "—"}</dd>
        <dt className="font-semibold">Online orders</dt>
        <dd>{c.onlineOrders}</dd>
        <dt className="font-semibold">COD failures</dt>
        <dd>
          {c.codFailures} {c.blockSuggested && <Badge tone="amber">Suggested to block</Badge>}
        </dd>
        <dt className="font-semibold">Saved addresses</dt>
        <dd>{c.addresses}</dd>
        <dt className="font-semibold">Customer since</dt>
        <dd>{when(c.createdAt)}</dd>
      </dl>
      <section className="max-w-xl space-y-2 rounded-xl border border-gray-200 bg-white p-5">
        <h2 className="text-lg font-bold">Blocks</h2>
        {c.blocks.length === 0 ? (
          <p className="text-sm text-gray-600">Never blocked.</p>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm" data-testid="customer-blocks">
            {c.blocks.map((b) => (
              <li key={b.id} className="py-2">
                <span className="font-semibold">{b.reason}</span> · from {when(b.createdAt)}
                {b.until ? ` until ${when(b.until)}` : ""}
                {b.liftedAt ? ` · lifted ${when(b.liftedAt)}` : ""}
                {c.activeBlock?.id === b.id && (
                  <span className="ml-2">
                    <Badge tone="red">Active</Badge>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="max-w-xl space-y-2 rounded-xl border border-gray-200 bg-white p-5">
        <h2 className="text-lg font-bold">Recent online orders</h2>
        {c.recentOrders.length === 0 ? (
          <p className="text-sm text-gray-600">No online orders yet.</p>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {c.recentOrders.map((o) => (
              <li key={o.orderId} className="flex justify-between py-2">
                <span>
                  #{o.number} · {when(o.createdAt)} · {o.status.toLowerCase().replaceAll("_", " ")}
                </span>
                <span className="tabular-nums">{formatCents(o.totalCents)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PersonalDataPanel
        id={c.id}
        who={name}
        exportHref={`/api/v1/customers/${c.id}/export`}
        erase={eraseCustomerAction}
        erasedAt={c.erasedAt}
      />
    </div>
  );
}
