"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { createReorderDraftsAction } from "../actions";

/** Turn the suggestions into draft purchase orders, one per chosen supplier (review, then send). */
export function ReorderDrafts({ suppliers }: { suppliers: { id: string; name: string; lines: number }[] }) {
  const [chosen, setChosen] = useState<string[]>(suppliers.map((s) => s.id));
  const [created, setCreated] = useState<{ id: string; number: number; supplier: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!suppliers.length) return null;
  return (
    <section aria-labelledby="drafts" className="rounded-xl border border-gray-200 bg-white p-4">
      <h2 id="drafts" className="mb-2 font-semibold">
        Create draft purchase orders
      </h2>
      <div className="flex flex-wrap gap-3">
        {suppliers.map((s) => (
          <label key={s.id} className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={chosen.includes(s.id)}
              onChange={() => setChosen((c) => (c.includes(s.id) ? c.filter((x) => x !== s.id) : [...c, s.id]))}
            />
            {s.name} ({s.lines} line{s.lines === 1 ? "" : "s"})
          </label>
        ))}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button
          disabled={pending || !chosen.length}
          onClick={() =>
            start(async () => {
              setError(null);
              const r = await createReorderDraftsAction({ supplierIds: chosen });
              if (r.ok) setCreated(r.data);
              else setError(r.error);
            })
          }
        >
          {pending ? "Creating…" : "Create drafts"}
        </Button>
        {error && (
          <span role="alert" className="text-sm font-medium text-red-700">
            {error}
          </span>
        )}
      </div>
      {created && (
        <p role="status" className="mt-2 text-sm text-green-800">
          Created{" "}
          {created.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ", "}
              <Link className="font-semibold underline" href={`/admin/inventory/purchase-orders/${c.id}`}>
                PO #{c.number} ({c.supplier})
              </Link>
            </span>
          ))}
          . Review and send them.
        </p>
      )}
    </section>
  );
}
