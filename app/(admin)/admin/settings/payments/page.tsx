import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getPaymentSettings } from "@/lib/locations/get-payment-settings";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { Card } from "@/components/ui/card";
import { PaymentSettingsForm } from "./_components/payment-settings-form";
import { DiscountReasons, type ReasonRow } from "./_components/discount-reasons";

export const metadata: Metadata = { title: "Payment settings" };

export default async function PaymentSettingsPage() {
  const ctx = await requireUser("payments.setup");
  const s = await getPaymentSettings(ctx);
  const reasons = JSON.parse(JSON.stringify(s.reasons)) as ReasonRow[];
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Setup</h1>
      <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="payments" />
      <p className="text-sm text-gray-600">
        How checks are settled: who may discount how much without a manager, which tenders the tablets offer, the tips
        suggested on receipts and what happens to a table once it is paid.
      </p>
      <PaymentSettingsForm
        initial={{
          discountLimits: s.discountLimits,
          tenders: s.tenders,
          tipSuggestionsBps: s.tipSuggestionsBps,
          bussingStep: s.bussingStep,
        }}
      />
      <DiscountReasons initial={reasons} />
      <Card title="Service charges">
        {s.serviceChargeRules.length === 0 ? (
          <p className="text-gray-700">No automatic service charge.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5" data-testid="service-charge-summary">
            {s.serviceChargeRules.map((r) => (
              <li key={r.name}>
                <span className="font-semibold">{r.name}</span>: {r.rateBps / 100} %{" "}
                {r.minGuests === null ? "on every check" : `for parties of ${r.minGuests} or more`}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">
          <Link href="/admin/settings" className="inline-flex min-h-11 items-center font-semibold underline">
            Edit service-charge rules in Settings
          </Link>
        </p>
      </Card>
    </div>
  );
}
