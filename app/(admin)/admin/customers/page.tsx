import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listCustomers } from "@/lib/customers/list-customers";
import { AppError } from "@/lib/errors";
import { BlockSettingsCard } from "./_components/block-settings-card";
import { CustomersTable } from "./_components/customers-table";

export const metadata: Metadata = { title: "Customers" };

/** Online customers: search by phone or first name, block and lift, the block settings (ADR 0045). */
export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; suggested?: string }>;
}) {
  const ctx = await requireUser("customers.manage");
  const sp = await searchParams;
  const q = (sp.q ?? "").trim();
  const suggested = sp.suggested === "true";
  let error: string | null = null;
  let data: Awaited<ReturnType<typeof listCustomers>> | null = null;
  try {
    data = await listCustomers(ctx, { q, suggested });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
    error = e.fieldErrors?.q?.[0] ?? e.message;
    data = await listCustomers(ctx, {});
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Customers</h1>
      <form method="get" className="flex max-w-2xl flex-wrap items-end gap-3" role="search">
        <label className="flex-1 text-sm font-semibold">
          First name or phone number
          <input
            name="q"
            defaultValue={q}
            className="mt-1 block min-h-11 w-full rounded-lg border border-gray-300 px-3"
            aria-invalid={error ? true : undefined}
            data-testid="customers-search"
          />
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm font-semibold">
          <input type="checkbox" name="suggested" value="true" defaultChecked={suggested} className="h-5 w-5" />
          Suggested to block only
        </label>
        <button type="submit" className="min-h-11 rounded-lg bg-gray-900 px-4 font-semibold text-white">
          Search
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <CustomersTable customers={data.customers} />
      <BlockSettingsCard settings={data.settings} />
    </div>
  );
}
