"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { useSaveState } from "@/components/admin/use-save-state";
import { updateReservationSettingsAction } from "../actions";

type Settings = {
  reservationDurations: Record<string, number>;
  onlineBooking: boolean;
  onlineMaxPartySize: number;
  phone: string;
};

/** Lines of "party size → minutes"; an empty line is dropped. */
type DurationLine = { size: string; minutes: string };

export function ReservationSettingsForm({ initial, publicUrl }: { initial: Settings; publicUrl: string }) {
  const [lines, setLines] = useState<DurationLine[]>(
    Object.entries(initial.reservationDurations)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([size, minutes]) => ({ size, minutes: String(minutes) })),
  );
  const [online, setOnline] = useState(initial.onlineBooking);
  const [maxParty, setMaxParty] = useState(String(initial.onlineMaxPartySize));
  const [phone, setPhone] = useState(initial.phone);
  const s = useSaveState();
  const fe = s.errors;
  const durationErrors = Object.entries(fe)
    .filter(([k]) => k.startsWith("reservationDurations"))
    .flatMap(([, v]) => v);

  const save = () =>
    s.start(async () => {
      const reservationDurations = Object.fromEntries(
        lines.filter((l) => l.size.trim() || l.minutes.trim()).map((l) => [l.size.trim(), Number(l.minutes)]),
      );
      const r = await updateReservationSettingsAction({
        reservationDurations,
        onlineBooking: online,
        onlineMaxPartySize: Number(maxParty),
        phone,
      });
      if (r.ok) s.saved("Reservation settings saved");
      else s.failed(r);
    });

  return (
    <EditorForm onSave={save} className="space-y-4" aria-label="Reservation settings">
      <fieldset className="space-y-3 rounded-xl border border-gray-200 bg-white p-4">
        <legend className="px-1 font-semibold">How long a party keeps its table</legend>
        <p className="text-sm text-gray-600">
          The smallest listed party size that holds the party decides; beyond the largest, the largest applies.
        </p>
        <div className="grid max-w-xl gap-2">
          <div className="grid grid-cols-[1fr_1fr_6rem] gap-2 text-sm font-medium text-gray-800" aria-hidden="true">
            <span>Party up to (guests)</span>
            <span>Minutes at the table</span>
          </div>
          {lines.map((l, i) => (
            <div key={i} className="grid grid-cols-[1fr_1fr_6rem] items-center gap-2">
              <input
                aria-label={`Party up to, line ${i + 1}`}
                inputMode="numeric"
                value={l.size}
                onChange={(e) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, size: e.target.value } : x)))}
                className={inputClass}
              />
              <input
                aria-label={`Minutes, line ${i + 1}`}
                inputMode="numeric"
                value={l.minutes}
                onChange={(e) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, minutes: e.target.value } : x)))}
                className={inputClass}
              />
              <Button
                type="button"
                variant="ghost"
                aria-label={`Remove line ${i + 1}`}
                onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </div>
          ))}
        </div>
        {durationErrors.length > 0 && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {durationErrors.join(" ")}
          </p>
        )}
        <Button type="button" variant="secondary" onClick={() => setLines((ls) => [...ls, { size: "", minutes: "" }])}>
          Add a line
        </Button>
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-gray-200 bg-white p-4">
        <legend className="px-1 font-semibold">Online booking</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={online}
            onChange={(e) => setOnline(e.target.checked)}
            data-testid="online-booking"
          />
          Guests can book on the public page
        </label>
        <p className="text-sm">
          Public link:{" "}
          <a
            href={publicUrl}
            className="font-semibold underline"
            data-testid="public-link"
            target="_blank"
            rel="noreferrer"
          >
            {publicUrl}
          </a>
        </p>
        <div className="grid max-w-xl gap-3 sm:grid-cols-2">
          <Field
            label="Largest party online"
            htmlFor="online-max"
            error={fe.onlineMaxPartySize}
            hint="Larger parties are asked to call"
          >
            <input
              {...describedBy("online-max", fe.onlineMaxPartySize)}
              inputMode="numeric"
              value={maxParty}
              onChange={(e) => setMaxParty(e.target.value)}
              className={inputClass}
            />
          </Field>
          <Field label="Phone guests call" htmlFor="location-phone" error={fe.phone} hint="Shown on the booking page">
            <input
              {...describedBy("location-phone", fe.phone)}
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              className={inputClass}
            />
          </Field>
        </div>
      </fieldset>

      <EditorActions message={s.message}>
        <Button type="submit" disabled={s.pending} data-testid="save-reservation-settings">
          {s.pending ? "Saving…" : "Save reservation settings"}
        </Button>
      </EditorActions>
    </EditorForm>
  );
}
