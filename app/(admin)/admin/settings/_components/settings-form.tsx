"use client";

import { useState } from "react";
import type { Course } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { COURSES, COURSE_LABEL } from "@/lib/menu/courses";
import type { ServiceChargeRule } from "@/lib/locations/service-charge-rules";
import { updateSettingsAction } from "../../setup/actions";

export type SettingsView = {
  name: string;
  address: string | null;
  taxId: string | null;
  timezone: string;
  currency: string;
  taxRateBps: number;
  deliveryFeeTaxRateBps: number | null;
  kdsWarnMinutes: number;
  kdsLateMinutes: number;
  coursesUsed: Course[];
  businessDayCutoffHour: number;
  serviceChargeRules: ServiceChargeRule[];
  guestOrderApproval: boolean;
};

type RuleRow = { name: string; minGuests: string; rate: string; taxable: boolean };

/** "8.25" → 825; "" or garbage → NaN, which the server reports under the field. */
function percentToBps(v: string): number {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(v);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}
const bpsToPercent = (bps: number) => (bps / 100).toString();
const toInt = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

/** The choices come from the server, so server and browser render the same lists. */
export function SettingsForm({
  initial,
  timeZones,
  currencies,
}: {
  initial: SettingsView;
  timeZones: string[];
  currencies: string[];
}) {
  const [v, setV] = useState({
    name: initial.name,
    address: initial.address ?? "",
    taxId: initial.taxId ?? "",
    timezone: initial.timezone,
    currency: initial.currency,
    taxRate: bpsToPercent(initial.taxRateBps),
    feeTaxRate: initial.deliveryFeeTaxRateBps === null ? "" : bpsToPercent(initial.deliveryFeeTaxRateBps),
    warn: String(initial.kdsWarnMinutes),
    late: String(initial.kdsLateMinutes),
    cutoff: String(initial.businessDayCutoffHour),
  });
  const [courses, setCourses] = useState<Course[]>(initial.coursesUsed);
  const [guestApproval, setGuestApproval] = useState(initial.guestOrderApproval);
  const [rules, setRules] = useState<RuleRow[]>(
    initial.serviceChargeRules.map((r) => ({
      name: r.name,
      minGuests: r.minGuests === null ? "" : String(r.minGuests),
      rate: bpsToPercent(r.rateBps),
      taxable: r.taxable,
    })),
  );
  const s = useSaveState();
  const fe = s.errors;
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((p) => ({ ...p, [k]: e.target.value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    s.start(async () => {
      const r = await updateSettingsAction({
        name: v.name,
        address: v.address,
        taxId: v.taxId,
        timezone: v.timezone,
        currency: v.currency,
        taxRateBps: percentToBps(v.taxRate),
        // Empty: follow the default rate.
        deliveryFeeTaxRateBps: v.feeTaxRate.trim() === "" ? null : percentToBps(v.feeTaxRate),
        kdsWarnMinutes: toInt(v.warn),
        kdsLateMinutes: toInt(v.late),
        coursesUsed: COURSES.filter((c) => courses.includes(c)),
        businessDayCutoffHour: toInt(v.cutoff),
        guestOrderApproval: guestApproval,
        serviceChargeRules: rules.map((r) => ({
          name: r.name,
          minGuests: r.minGuests.trim() === "" ? null : toInt(r.minGuests),
          rateBps: percentToBps(r.rate),
          taxable: r.taxable,
        })),
      });
      if (r.ok) s.saved("Settings saved");
      else s.failed(r);
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label="Location settings">
      <fieldset className="grid gap-4 rounded-xl border border-gray-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">The restaurant</legend>
        <Field label="Name" htmlFor="name" error={fe.name}>
          <input {...describedBy("name", fe.name)} value={v.name} onChange={set("name")} className={inputClass} />
        </Field>
        <Field label="Tax id" htmlFor="taxId" error={fe.taxId} hint="Printed on receipts (VAT or EIN).">
          <input {...describedBy("taxId", fe.taxId)} value={v.taxId} onChange={set("taxId")} className={inputClass} />
        </Field>
        <Field label="Address" htmlFor="address" error={fe.address} className="sm:col-span-2">
          <input
            {...describedBy("address", fe.address)}
            value={v.address}
            onChange={set("address")}
            className={inputClass}
          />
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border border-gray-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 font-semibold">Money and time</legend>
        <Field label="Time zone" htmlFor="timezone" error={fe.timezone} hint="IANA name, e.g. Europe/London">
          <input
            {...describedBy("timezone", fe.timezone)}
            list="time-zones"
            value={v.timezone}
            onChange={set("timezone")}
            className={inputClass}
          />
          <datalist id="time-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <Field label="Currency" htmlFor="currency" error={fe.currency} hint="ISO 4217 code, e.g. EUR">
          <input
            {...describedBy("currency", fe.currency)}
            list="currencies"
            value={v.currency}
            onChange={set("currency")}
            maxLength={3}
            className={`${inputClass} uppercase`}
          />
          <datalist id="currencies">
            {currencies.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>
        <Field label="Default tax rate (%)" htmlFor="taxRate" error={fe.taxRateBps}>
          <input
            {...describedBy("taxRate", fe.taxRateBps)}
            inputMode="decimal"
            value={v.taxRate}
            onChange={set("taxRate")}
            className={inputClass}
          />
        </Field>
        <Field
          label="Delivery fee tax rate (%)"
          htmlFor="feeTaxRate"
          error={fe.deliveryFeeTaxRateBps}
          hint="Empty: the default rate; 0: untaxed. Applies to orders placed from now on."
        >
          <input
            {...describedBy("feeTaxRate", fe.deliveryFeeTaxRateBps)}
            inputMode="decimal"
            value={v.feeTaxRate}
            onChange={set("feeTaxRate")}
            className={inputClass}
          />
        </Field>
        <Field
          label="Business day ends at"
          htmlFor="cutoff"
          error={fe.businessDayCutoffHour}
          hint="Sales before this hour count for the day before."
        >
          <select
            {...describedBy("cutoff", fe.businessDayCutoffHour)}
            value={v.cutoff}
            onChange={set("cutoff")}
            className={inputClass}
          >
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, "0")}:00
              </option>
            ))}
          </select>
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border border-gray-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">Kitchen</legend>
        <Field label="Ticket turns amber after (min)" htmlFor="warn" error={fe.kdsWarnMinutes}>
          <input
            {...describedBy("warn", fe.kdsWarnMinutes)}
            inputMode="numeric"
            value={v.warn}
            onChange={set("warn")}
            className={inputClass}
          />
        </Field>
        <Field label="Ticket is late after (min)" htmlFor="late" error={fe.kdsLateMinutes}>
          <input
            {...describedBy("late", fe.kdsLateMinutes)}
            inputMode="numeric"
            value={v.late}
            onChange={set("late")}
            className={inputClass}
          />
        </Field>
        <div className="sm:col-span-2" role="group" aria-labelledby="courses-label" aria-describedby="courses-error">
          <p id="courses-label" className="mb-1 text-sm font-medium text-gray-800">
            Courses the order pad offers
          </p>
          <div className="flex flex-wrap gap-2">
            {COURSES.map((c) => (
              <label key={c} className="flex min-h-11 items-center gap-2 rounded-lg border border-gray-300 px-3">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  name="coursesUsed"
                  value={c}
                  checked={courses.includes(c)}
                  onChange={(e) => setCourses((cs) => (e.target.checked ? [...cs, c] : cs.filter((x) => x !== c)))}
                />
                {COURSE_LABEL[c]}
              </label>
            ))}
          </div>
          {fe.coursesUsed && (
            <p id="courses-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
              {fe.coursesUsed.join(" ")}
            </p>
          )}
        </div>
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-gray-200 bg-white p-4">
        <legend className="px-1 font-semibold">Service charge</legend>
        {rules.length === 0 && <p className="text-sm text-gray-600">No service charge is added to checks.</p>}
        {rules.map((r, i) => {
          const err = (k: string) => fe[`serviceChargeRules.${i}.${k}`];
          const update = (k: keyof RuleRow) => (e: { target: { value: string } }) =>
            setRules((rs) => rs.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)));
          return (
            <div
              key={i}
              className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_1fr_auto_auto]"
              data-testid="charge-rule"
            >
              <Field label="Rule name" htmlFor={`rule-${i}-name`} error={err("name")}>
                <input
                  {...describedBy(`rule-${i}-name`, err("name"))}
                  value={r.name}
                  onChange={update("name")}
                  className={inputClass}
                />
              </Field>
              <Field
                label="From guests"
                htmlFor={`rule-${i}-guests`}
                error={err("minGuests")}
                hint="Empty: every check"
              >
                <input
                  {...describedBy(`rule-${i}-guests`, err("minGuests"))}
                  inputMode="numeric"
                  value={r.minGuests}
                  onChange={update("minGuests")}
                  className={inputClass}
                />
              </Field>
              <Field label="Rate (%)" htmlFor={`rule-${i}-rate`} error={err("rateBps")}>
                <input
                  {...describedBy(`rule-${i}-rate`, err("rateBps"))}
                  inputMode="decimal"
                  value={r.rate}
                  onChange={update("rate")}
                  className={inputClass}
                />
              </Field>
              <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={r.taxable}
                  onChange={(e) =>
                    setRules((rs) => rs.map((x, j) => (j === i ? { ...x, taxable: e.target.checked } : x)))
                  }
                />
                Taxed
              </label>
              <Button
                type="button"
                variant="ghost"
                aria-label={`Remove rule ${r.name || i + 1}`}
                onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </div>
          );
        })}
        {fe.serviceChargeRules && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {fe.serviceChargeRules.join(" ")}
          </p>
        )}
        <Button
          type="button"
          variant="secondary"
          onClick={() => setRules((rs) => [...rs, { name: "", minGuests: "", rate: "", taxable: false }])}
        >
          Add a rule
        </Button>
      </fieldset>

      <fieldset className="space-y-2 rounded-xl border border-gray-200 bg-white p-4">
        <legend className="px-1 font-semibold">Guest ordering by QR</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            className="h-5 w-5"
            name="guestOrderApproval"
            checked={guestApproval}
            onChange={(e) => setGuestApproval(e.target.checked)}
            aria-describedby="guestOrderApproval-hint"
          />
          Guest orders wait for the server&apos;s approval
        </label>
        <p id="guestOrderApproval-hint" className="text-sm text-gray-600">
          Off: orders from the table&apos;s phones go straight to the kitchen. On: they wait on the floor tablets until
          a server taps &ldquo;Send to kitchen&rdquo;.
        </p>
        {fe.guestOrderApproval && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {fe.guestOrderApproval.join(" ")}
          </p>
        )}
      </fieldset>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={s.pending}>
          {s.pending ? "Saving…" : "Save settings"}
        </Button>
        {s.message && (
          <p
            role={s.message.ok ? "status" : "alert"}
            className={`text-sm font-medium ${s.message.ok ? "text-green-800" : "text-red-700"}`}
          >
            {s.message.text}
          </p>
        )}
      </div>
    </form>
  );
}
