"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { updateCustomerSettingsAction } from "../actions";

type Settings = { blockPolicy: "PREPAID_PICKUP_ONLY" | "REFUSE"; codFailuresBeforeBlockSuggestion: number };

/** What a block does, and after how many failed cash-on-delivery orders the console suggests one. */
export function BlockSettingsCard({ settings }: { settings: Settings }) {
  const [policy, setPolicy] = useState(settings.blockPolicy);
  const [threshold, setThreshold] = useState(String(settings.codFailuresBeforeBlockSuggestion));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  function save() {
    setMessage(null);
    start(async () => {
      const r = await updateCustomerSettingsAction({
        blockPolicy: policy,
        codFailuresBeforeBlockSuggestion: threshold,
      });
      setMessage(
        r.ok
          ? { ok: true, text: "Saved" }
          : { ok: false, text: (r.fieldErrors ? Object.values(r.fieldErrors).flat()[0] : null) ?? r.error },
      );
    });
  }

  return (
    <section
      aria-labelledby="block-settings-heading"
      className="max-w-xl space-y-3 rounded-xl border border-gray-200 bg-white p-5"
    >
      <h2 id="block-settings-heading" className="text-lg font-bold">
        Blocked customers
      </h2>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">A blocked customer may</legend>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="radio"
            name="blockPolicy"
            checked={policy === "PREPAID_PICKUP_ONLY"}
            onChange={() => setPolicy("PREPAID_PICKUP_ONLY")}
            className="h-5 w-5"
          />
          Order pickup, paid upfront only (no cash on delivery)
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="radio"
            name="blockPolicy"
            checked={policy === "REFUSE"}
            onChange={() => setPolicy("REFUSE")}
            className="h-5 w-5"
            data-testid="block-policy-refuse"
          />
          Not order online at all
        </label>
      </fieldset>
      <label className="block text-sm font-semibold">
        Suggest a block after this many failed cash-on-delivery orders
        <input
          type="number"
          min={1}
          max={50}
          inputMode="numeric"
          className="mt-1 block min-h-11 w-28 rounded-lg border border-gray-300 px-3"
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          data-testid="block-threshold"
        />
      </label>
      <div className="flex items-center gap-3">
        <Button onClick={save} disabled={pending} data-testid="block-settings-save">
          {pending ? "Saving…" : "Save"}
        </Button>
        {message && (
          <p
            role={message.ok ? "status" : "alert"}
            className={message.ok ? "text-sm text-green-800" : "text-sm text-red-700"}
          >
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
