"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { useSaveState } from "@/components/admin/use-save-state";
import { WEEKDAY_SHORT } from "@/lib/reservations/period-overlap";
import { archiveServicePeriodAction, createServicePeriodAction, updateServicePeriodAction } from "../actions";

export type PeriodRow = {
  id: string;
  name: string;
  daysOfWeek: number[];
  startMinute: number;
  endMinute: number;
  slotMinutes: number;
  maxCoversPerSlot: number;
  maxPartiesPerSlot: number;
};

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
/** Monday first, as a week reads on a schedule. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];
const EMPTY: PeriodRow = {
  id: "",
  name: "",
  daysOfWeek: [],
  startMinute: 17 * 60,
  endMinute: 22 * 60,
  slotMinutes: 15,
  maxCoversPerSlot: 20,
  maxPartiesPerSlot: 5,
};

/** The periods bookings follow: create, edit, archive (bookings already made stay). */
export function ServicePeriods({ periods }: { periods: PeriodRow[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <section
      aria-labelledby="periods-title"
      className="space-y-3 rounded-xl border border-gray-200 bg-white p-4"
      data-testid="service-periods"
    >
      <h2 id="periods-title" className="font-semibold">
        Service periods
      </h2>
      <p className="text-sm text-gray-600">
        Guests and the host stand book from the first slot to the last one before the end time. Periods may not overlap
        on the same day, so every slot has one pace.
      </p>
      {periods.length === 0 && (
        <p className="rounded-lg bg-amber-50 p-3 text-amber-900">
          No service periods: nobody can book. Add the hours you take reservations.
        </p>
      )}
      <ul className="divide-y divide-gray-100">
        {periods.map((p) => (
          <li key={`${p.id}-${p.startMinute}-${p.endMinute}-${p.daysOfWeek.join()}`} className="py-3">
            <PeriodEditor period={p} />
          </li>
        ))}
      </ul>
      {adding ? (
        <div className="rounded-lg bg-gray-50 p-3">
          <PeriodEditor period={EMPTY} onDone={() => setAdding(false)} />
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setAdding(true)} data-testid="add-period">
          Add a service period
        </Button>
      )}
    </section>
  );
}

function PeriodEditor({ period: p, onDone }: { period: PeriodRow; onDone?: () => void }) {
  const isNew = !p.id;
  const [v, setV] = useState({
    name: p.name,
    daysOfWeek: p.daysOfWeek,
    startTime: clock(p.startMinute),
    endTime: clock(p.endMinute),
    slotMinutes: String(p.slotMinutes),
    maxCoversPerSlot: String(p.maxCoversPerSlot),
    maxPartiesPerSlot: String(p.maxPartiesPerSlot),
  });
  const s = useSaveState();
  const fe = s.errors;
  const id = (f: string) => `period-${p.id || "new"}-${f}`;
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));

  const save = () =>
    s.start(async () => {
      const input = {
        ...v,
        slotMinutes: Number(v.slotMinutes),
        maxCoversPerSlot: Number(v.maxCoversPerSlot),
        maxPartiesPerSlot: Number(v.maxPartiesPerSlot),
      };
      const r = isNew
        ? await createServicePeriodAction(input)
        : await updateServicePeriodAction({ ...input, id: p.id });
      if (!r.ok) return s.failed(r);
      s.saved(isNew ? `Added ${r.data.name}` : "Saved");
      onDone?.();
    });

  return (
    <EditorForm
      onSave={save}
      className="grid items-end gap-3 md:grid-cols-[12rem_1fr]"
      aria-label={isNew ? "New service period" : `Service period ${p.name}`}
      data-testid={isNew ? "new-period" : "period"}
    >
      <Field label="Name" htmlFor={id("name")} error={fe.name}>
        <input
          {...describedBy(id("name"), fe.name)}
          value={v.name}
          placeholder="Dinner"
          onChange={(e) => set({ name: e.target.value })}
          className={inputClass}
        />
      </Field>
      <div
        role="group"
        aria-labelledby={id("days-label")}
        aria-describedby={fe.daysOfWeek ? id("days-error") : undefined}
      >
        <p id={id("days-label")} className="mb-1 text-sm font-medium text-gray-800">
          Days
        </p>
        <div className="flex flex-wrap gap-1">
          {WEEK.map((d) => (
            <label key={d} className="flex min-h-11 items-center gap-1.5 rounded-lg border border-gray-300 px-2.5">
              <input
                type="checkbox"
                className="h-5 w-5"
                checked={v.daysOfWeek.includes(d)}
                onChange={(e) =>
                  set({ daysOfWeek: e.target.checked ? [...v.daysOfWeek, d] : v.daysOfWeek.filter((x) => x !== d) })
                }
              />
              {WEEKDAY_SHORT[d]}
            </label>
          ))}
        </div>
        {fe.daysOfWeek && (
          <p id={id("days-error")} role="alert" className="mt-1 text-sm font-medium text-red-700">
            {fe.daysOfWeek.join(" ")}
          </p>
        )}
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5 md:col-span-2">
        <Field label="First booking" htmlFor={id("start")} error={fe.startTime}>
          <input
            {...describedBy(id("start"), fe.startTime)}
            type="time"
            value={v.startTime}
            onChange={(e) => set({ startTime: e.target.value })}
            className={inputClass}
          />
        </Field>
        <Field label="Bookings stop" htmlFor={id("end")} error={fe.endTime}>
          <input
            {...describedBy(id("end"), fe.endTime)}
            type="time"
            value={v.endTime === "24:00" ? "23:59" : v.endTime}
            onChange={(e) => set({ endTime: e.target.value })}
            className={inputClass}
          />
        </Field>
        <Field label="Slot (minutes)" htmlFor={id("slot")} error={fe.slotMinutes}>
          <select
            {...describedBy(id("slot"), fe.slotMinutes)}
            value={v.slotMinutes}
            onChange={(e) => set({ slotMinutes: e.target.value })}
            className={inputClass}
          >
            {[15, 30, 60].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Guests per slot" htmlFor={id("covers")} error={fe.maxCoversPerSlot}>
          <input
            {...describedBy(id("covers"), fe.maxCoversPerSlot)}
            inputMode="numeric"
            value={v.maxCoversPerSlot}
            onChange={(e) => set({ maxCoversPerSlot: e.target.value })}
            className={inputClass}
          />
        </Field>
        <Field label="New parties per slot" htmlFor={id("parties")} error={fe.maxPartiesPerSlot}>
          <input
            {...describedBy(id("parties"), fe.maxPartiesPerSlot)}
            inputMode="numeric"
            value={v.maxPartiesPerSlot}
            onChange={(e) => set({ maxPartiesPerSlot: e.target.value })}
            className={inputClass}
          />
        </Field>
      </div>
      <div className="md:col-span-2">
        <EditorActions message={s.message}>
          <Button type="submit" disabled={s.pending} data-testid={isNew ? "save-new-period" : "save-period"}>
            {isNew ? "Add period" : "Save"}
          </Button>
          {isNew ? (
            <Button type="button" variant="ghost" onClick={onDone}>
              Cancel
            </Button>
          ) : (
            <Button
              type="button"
              variant="ghost"
              disabled={s.pending}
              onClick={() =>
                s.start(async () => {
                  const r = await archiveServicePeriodAction({ id: p.id });
                  if (!r.ok) s.failed(r);
                })
              }
            >
              Archive
            </Button>
          )}
        </EditorActions>
      </div>
    </EditorForm>
  );
}
