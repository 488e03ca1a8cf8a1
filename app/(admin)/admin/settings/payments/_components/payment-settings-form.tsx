"use client";

import { useState } from "react";
import type { TenderType } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { dollarsToCents } from "@/lib/cash/drawer-math";
import { LIMITED_ROLES, TENDER_NAMES, TENDER_TYPES, type DiscountLimits } from "@/lib/locations/payment-settings";
import { updatePaymentSettingsAction } from "../actions";

export type PaymentSettingsView = {
  discountLimits: DiscountLimits;
  tenders: TenderType[];
  tipSuggestionsBps: number[];
  bussingStep: boolean;
};

const roleName = (r: string) => `${r.charAt(0)}${r.slice(1).toLowerCase()}s`;

/** "18" / "18.5" → 1800 / 1850; anything else → NaN, which the server reports under the field. */
function percentToBps(v: string): number {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(v);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}

export function PaymentSettingsForm({ initial }: { initial: PaymentSettingsView }) {
  const [limits, setLimits] = useState<Record<string, string>>(
    Object.fromEntries(
      LIMITED_ROLES.map((r) => [
        r,
        initial.discountLimits[r] === undefined ? "" : (initial.discountLimits[r]! / 100).toFixed(2),
      ]),
    ),
  );
  const [tenders, setTenders] = useState<TenderType[]>(initial.tenders);
  const [tips, setTips] = useState<string[]>(
    [0, 1, 2, 3].map((i) =>
      initial.tipSuggestionsBps[i] === undefined ? "" : String(initial.tipSuggestionsBps[i] / 100),
    ),
  );
  const [bussing, setBussing] = useState(initial.bussingStep);
  const s = useSaveState();
  const fe = s.errors;

  const save = () =>
    s.start(async () => {
      const discountLimits = Object.fromEntries(
        LIMITED_ROLES.filter((r) => limits[r].trim() !== "").map((r) => [r, dollarsToCents(limits[r])]),
      );
      const r = await updatePaymentSettingsAction({
        discountLimits,
        tenders: TENDER_TYPES.filter((t) => tenders.includes(t)),
        tipSuggestionsBps: tips.filter((t) => t.trim() !== "").map(percentToBps),
        bussingStep: bussing,
      });
      if (r.ok) s.saved("Payment settings saved");
      else s.failed(r);
    });

  return (
    <EditorForm onSave={save} className="space-y-4" aria-label="Payment settings">
      <fieldset className="grid gap-4 rounded-xl border border-gray-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">Discount limits</legend>
        <p className="text-sm text-gray-600 sm:col-span-2">
          The most a role may take off one check (discounts and comps together) without a manager&apos;s approval on the
          tablet. Leave empty to need approval for any discount. Managers may give any amount.
        </p>
        {LIMITED_ROLES.map((role) => (
          <Field
            key={role}
            label={`${roleName(role)} ($ per check)`}
            htmlFor={`limit-${role}`}
            error={fe[`discountLimits.${role}`]}
          >
            <input
              {...describedBy(`limit-${role}`, fe[`discountLimits.${role}`])}
              inputMode="decimal"
              value={limits[role]}
              placeholder="Approval for any"
              onChange={(e) => setLimits((l) => ({ ...l, [role]: e.target.value }))}
              className={inputClass}
            />
          </Field>
        ))}
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-gray-200 bg-white p-4">
        <legend className="px-1 font-semibold">Tenders and tips</legend>
        <div role="group" aria-labelledby="tenders-label" aria-describedby="tenders-error">
          <p id="tenders-label" className="mb-1 text-sm font-medium text-gray-800">
            Tenders the tablets offer
          </p>
          <div className="flex flex-wrap gap-2">
            {TENDER_TYPES.map((t) => (
              <label key={t} className="flex min-h-11 items-center gap-2 rounded-lg border border-gray-300 px-3">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={tenders.includes(t)}
                  onChange={(e) => setTenders((ts) => (e.target.checked ? [...ts, t] : ts.filter((x) => x !== t)))}
                />
                {TENDER_NAMES[t]}
              </label>
            ))}
          </div>
          {fe.tenders && (
            <p id="tenders-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
              {fe.tenders.join(" ")}
            </p>
          )}
        </div>
        <div role="group" aria-labelledby="tips-label">
          <p id="tips-label" className="mb-1 text-sm font-medium text-gray-800">
            Tip suggestions (% of the check, up to four)
          </p>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {tips.map((t, i) => (
              <Field
                key={i}
                label={`Suggestion ${i + 1} (%)`}
                htmlFor={`tip-${i}`}
                error={fe[`tipSuggestionsBps.${i}`]}
              >
                <input
                  {...describedBy(`tip-${i}`, fe[`tipSuggestionsBps.${i}`])}
                  inputMode="decimal"
                  value={t}
                  onChange={(e) => setTips((ts) => ts.map((x, j) => (j === i ? e.target.value : x)))}
                  className={inputClass}
                />
              </Field>
            ))}
          </div>
          {fe.tipSuggestionsBps && (
            <p role="alert" className="mt-1 text-sm font-medium text-red-700">
              {fe.tipSuggestionsBps.join(" ")}
            </p>
          )}
        </div>
      </fieldset>

      <fieldset className="rounded-xl border border-gray-200 bg-white p-4">
        <legend className="px-1 font-semibold">Tables</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={bussing}
            onChange={(e) => setBussing(e.target.checked)}
            data-testid="bussing-step"
          />
          A paid table needs bussing before it shows free
        </label>
      </fieldset>

      <EditorActions message={s.message}>
        <Button type="submit" disabled={s.pending} data-testid="save-payment-settings">
          {s.pending ? "Saving…" : "Save payment settings"}
        </Button>
      </EditorActions>
    </EditorForm>
  );
}
