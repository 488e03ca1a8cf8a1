"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { useSaveState } from "@/components/admin/use-save-state";
import { updateDeliverySettingsAction } from "../actions";

type Settings = {
  onlineOrdering: boolean;
  latitude: number | null;
  longitude: number | null;
  onlinePrepMinutes: number;
  onlineSlotCapacity: number;
};

const numberOrNull = (v: string) => (v.trim() === "" ? null : Number(v));

/** Online ordering on/off, the kitchen's position (origin of radius bands and routes), prep time, slot capacity. */
export function DeliverySettingsForm({ initial }: { initial: Settings }) {
  const [v, setV] = useState({
    onlineOrdering: initial.onlineOrdering,
    latitude: initial.latitude?.toString() ?? "",
    longitude: initial.longitude?.toString() ?? "",
    onlinePrepMinutes: String(initial.onlinePrepMinutes),
    onlineSlotCapacity: String(initial.onlineSlotCapacity),
  });
  const s = useSaveState();
  const fe = s.errors;
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const save = () =>
    s.start(async () => {
      const r = await updateDeliverySettingsAction({
        onlineOrdering: v.onlineOrdering,
        latitude: numberOrNull(v.latitude),
        longitude: numberOrNull(v.longitude),
        onlinePrepMinutes: Number(v.onlinePrepMinutes),
        onlineSlotCapacity: Number(v.onlineSlotCapacity),
      });
      if (!r.ok) return s.failed(r);
      s.saved("Saved");
    });

  return (
    <section
      aria-labelledby="online-settings-title"
      className="space-y-3 rounded-xl border border-gray-200 bg-white p-4"
      data-testid="delivery-settings"
    >
      <h2 id="online-settings-title" className="font-semibold">
        Online ordering
      </h2>
      <EditorForm onSave={save} className="space-y-3" aria-label="Online ordering settings">
        <label className="flex min-h-11 items-center gap-3 font-medium">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={v.onlineOrdering}
            onChange={(e) => set({ onlineOrdering: e.target.checked })}
            data-testid="settings-online-ordering"
          />
          Take online orders (pickup and delivery)
        </label>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Kitchen latitude" htmlFor="settings-latitude" error={fe.latitude} hint="e.g. 40.7411">
            <input
              {...describedBy("settings-latitude", fe.latitude)}
              inputMode="decimal"
              value={v.latitude}
              onChange={(e) => set({ latitude: e.target.value })}
              className={inputClass}
              data-testid="settings-latitude"
            />
          </Field>
          <Field label="Kitchen longitude" htmlFor="settings-longitude" error={fe.longitude} hint="e.g. -73.9897">
            <input
              {...describedBy("settings-longitude", fe.longitude)}
              inputMode="decimal"
              value={v.longitude}
              onChange={(e) => set({ longitude: e.target.value })}
              className={inputClass}
              data-testid="settings-longitude"
            />
          </Field>
          <Field
            label="Prep time (minutes)"
            htmlFor="settings-prep"
            error={fe.onlinePrepMinutes}
            hint="Before travel time"
          >
            <input
              {...describedBy("settings-prep", fe.onlinePrepMinutes)}
              inputMode="numeric"
              value={v.onlinePrepMinutes}
              onChange={(e) => set({ onlinePrepMinutes: e.target.value })}
              className={inputClass}
              data-testid="settings-prep-minutes"
            />
          </Field>
          <Field
            label="Orders per 15-minute slot"
            htmlFor="settings-capacity"
            error={fe.onlineSlotCapacity}
            hint="ASAP and scheduled alike"
          >
            <input
              {...describedBy("settings-capacity", fe.onlineSlotCapacity)}
              inputMode="numeric"
              value={v.onlineSlotCapacity}
              onChange={(e) => set({ onlineSlotCapacity: e.target.value })}
              className={inputClass}
              data-testid="settings-slot-capacity"
            />
          </Field>
        </div>
        <EditorActions message={s.message}>
          <Button type="submit" disabled={s.pending} data-testid="save-delivery-settings">
            Save settings
          </Button>
        </EditorActions>
      </EditorForm>
    </section>
  );
}
