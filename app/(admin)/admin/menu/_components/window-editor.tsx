"use client";

import { useState } from "react";
import type { MenuAdmin } from "@/lib/menu/get-menu-admin";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorText, Field, inputClass } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { deleteAvailabilityWindowAction, saveAvailabilityWindowAction } from "../actions";

type Win = MenuAdmin["windows"][number];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const toTime = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const toMinute = (t: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};

/** A window: name, days (toggle buttons), start/end times. */
export function WindowEditor({ window: w }: { window: Win | null }) {
  const [name, setName] = useState(w?.name ?? "");
  const [days, setDays] = useState<number[]>(w?.daysOfWeek ?? [1, 2, 3, 4, 5]);
  const [start, setStart] = useState(toTime(w?.startMinute ?? 690));
  const [end, setEnd] = useState(toTime(w?.endMinute ?? 900));
  const { errors, message, pending, start: startT, saved, failed, runDelete } = useSaveState();
  const p = w?.id ?? "new-window";

  function save() {
    startT(async () => {
      const endMinute = toMinute(end);
      const r = await saveAvailabilityWindowAction({
        id: w?.id,
        name,
        daysOfWeek: days,
        startMinute: toMinute(start),
        endMinute: endMinute === 0 ? 1440 : endMinute,
      });
      if (r.ok) {
        saved("Saved.");
        if (!w) setName("");
      } else {
        failed(r);
      }
    });
  }

  return (
    <Card title={w ? undefined : "New window"}>
      <EditorForm onSave={save} className="space-y-3" aria-label={w ? `Window ${w.name}` : "New availability window"}>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Name" htmlFor={`${p}-name`} error={errors.name}>
            <input
              id={`${p}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Weekday lunch"
              className={inputClass}
            />
          </Field>
          <Field label="From" htmlFor={`${p}-start`} error={errors.startMinute}>
            <input
              id={`${p}-start`}
              type="time"
              value={start}
              onChange={(e) => setStart(e.target.value)}
              className={inputClass}
            />
          </Field>
          <Field label="Until" htmlFor={`${p}-end`} error={errors.endMinute}>
            <input
              id={`${p}-end`}
              type="time"
              value={end}
              onChange={(e) => setEnd(e.target.value)}
              className={inputClass}
            />
          </Field>
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Days</legend>
          <div className="flex flex-wrap gap-1">
            {DAYS.map((d, i) => (
              <button
                key={d}
                type="button"
                aria-pressed={days.includes(i)}
                onClick={() => setDays((x) => (x.includes(i) ? x.filter((y) => y !== i) : [...x, i].sort()))}
                className={`min-h-11 min-w-12 rounded-lg px-2 text-sm font-semibold ${days.includes(i) ? "bg-gray-900 text-white" : "border border-gray-300 bg-white"}`}
              >
                {d}
              </button>
            ))}
          </div>
          <ErrorText errors={errors.daysOfWeek} />
        </fieldset>
        <EditorActions message={message}>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : w ? "Save window" : "Add window"}
          </Button>
          {w && (
            <Button
              type="button"
              variant="ghost"
              disabled={pending}
              onClick={() => runDelete(() => deleteAvailabilityWindowAction({ id: w.id }))}
            >
              Delete
            </Button>
          )}
          {w && (
            <span className="text-sm text-gray-500">
              {w.itemCount} item{w.itemCount === 1 ? "" : "s"}
            </span>
          )}
        </EditorActions>
      </EditorForm>
    </Card>
  );
}
