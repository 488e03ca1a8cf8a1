"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { localTimeOf, spanOnDay } from "@/lib/schedule/week";
import { businessDateOf } from "@/lib/time/business-day";
import { isoDate, parseIsoDate } from "@/lib/time/zoned";
import { Button } from "@/components/ui/button";
import { ROLES } from "@/lib/auth/roles";
import { createShiftAction, deleteShiftAction, updateShiftAction } from "../actions";
import type { ScheduleWeek, ShiftView } from "./schedule-grid";

export type DialogState = { mode: "create"; userId: string; day: string } | { mode: "edit"; shift: ShiftView };

const field = "mt-1 block min-h-11 w-full rounded-lg border border-gray-300 bg-white px-3";

/**
 * The quick dialog (and the keyboard path): person, day, start, end, role, station, notes and the
 * checklists handed to this shift. Field errors come from the server.
 */
export function ShiftDialog({
  state,
  data,
  onClose,
  onSaved,
}: {
  state: DialogState;
  data: ScheduleWeek;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const rules = { timeZone: data.timeZone, cutoffHour: data.cutoffHour };
  const editing = state.mode === "edit" ? state.shift : null;
  const [userId, setUserId] = useState(editing?.userId ?? (state.mode === "create" ? state.userId : ""));
  const [day, setDay] = useState(
    editing ? isoDate(businessDateOf(new Date(editing.startsAt), rules)) : state.mode === "create" ? state.day : "",
  );
  const [startTime, setStartTime] = useState(
    editing ? localTimeOf(new Date(editing.startsAt), data.timeZone) : "09:00",
  );
  const [endTime, setEndTime] = useState(editing ? localTimeOf(new Date(editing.endsAt), data.timeZone) : "17:00");
  const person = data.staff.find((p) => p.userId === userId);
  const [role, setRole] = useState<string>(editing?.role ?? person?.role ?? "SERVER");
  const [stationId, setStationId] = useState(editing?.stationId ?? "");
  const [notes, setNotes] = useState(editing?.notes ?? "");
  const [checklistIds, setChecklistIds] = useState<string[]>(editing?.checklistIds ?? []);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const save = () =>
    start(async () => {
      if (!/^\d\d:\d\d$/.test(startTime) || !/^\d\d:\d\d$/.test(endTime)) {
        setErrors({ startsAt: ["Enter a start and an end time"] });
        return;
      }
      const span = spanOnDay(parseIsoDate(day), startTime, endTime, rules);
      const input = {
        userId,
        role: role as (typeof ROLES)[number],
        stationId: stationId || null,
        startsAt: span.startsAt.toISOString(),
        endsAt: span.endsAt.toISOString(),
        notes,
        checklistIds,
      };
      const r = editing ? await updateShiftAction({ ...input, id: editing.id }) : await createShiftAction(input);
      if (r.ok) onSaved(editing ? "Shift saved" : "Shift added as a draft");
      else {
        setErrors(r.fieldErrors ?? {});
        setError(r.error);
      }
    });

  const remove = () =>
    start(async () => {
      if (!editing) return;
      const r = await deleteShiftAction({ id: editing.id });
      if (r.ok) onSaved("Shift deleted");
      else setError(r.error);
    });

  const errorOf = (...keys: string[]) => keys.flatMap((k) => errors[k] ?? []).filter((v, i, a) => a.indexOf(v) === i);
  const timeErrors = errorOf("startsAt", "endsAt");

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shift-dialog-title"
        className="max-h-[calc(100vh-2rem)] w-full max-w-lg overflow-y-auto rounded-2xl bg-white p-6 shadow-xl"
        onClick={(e) => e.stopPropagation()}
        data-testid="shift-dialog"
      >
        <h2 id="shift-dialog-title" className="text-xl font-bold">
          {editing ? "Edit shift" : "New shift"}
        </h2>
        <form
          className="mt-4 grid grid-cols-2 gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label className="col-span-2 font-medium">
            Person
            <select
              ref={first}
              className={field}
              value={userId}
              onChange={(e) => {
                setUserId(e.target.value);
                const p = data.staff.find((x) => x.userId === e.target.value);
                if (p && !editing) setRole(p.role);
              }}
              aria-invalid={!!errors.userId}
            >
              {data.staff.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.name} ({p.role.toLowerCase()})
                </option>
              ))}
            </select>
            {errors.userId && <span className="text-sm text-red-700">{errors.userId.join(" ")}</span>}
          </label>
          <label className="col-span-2 font-medium">
            Day
            <select className={field} value={day} onChange={(e) => setDay(e.target.value)}>
              {data.days.map((d) => (
                <option key={d} value={d}>
                  {new Date(`${d}T12:00:00Z`).toLocaleDateString("en-US", {
                    weekday: "long",
                    month: "short",
                    day: "numeric",
                    timeZone: "UTC",
                  })}
                </option>
              ))}
            </select>
          </label>
          <label className="font-medium">
            Start
            <input
              type="time"
              className={field}
              value={startTime}
              onChange={(e) => setStartTime(e.target.value)}
              aria-invalid={timeErrors.length > 0}
              required
            />
          </label>
          <label className="font-medium">
            End
            <input
              type="time"
              className={field}
              value={endTime}
              onChange={(e) => setEndTime(e.target.value)}
              aria-invalid={timeErrors.length > 0}
              required
            />
          </label>
          {timeErrors.length > 0 && (
            <p className="col-span-2 -mt-2 text-sm font-medium text-red-700" data-testid="time-error">
              {timeErrors.join(" ")}
            </p>
          )}
          <p className="col-span-2 -mt-2 text-sm text-gray-600">An end before the start runs past midnight.</p>
          <label className="font-medium">
            Role
            <select className={field} value={role} onChange={(e) => setRole(e.target.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <label className="font-medium">
            Station
            <select
              className={field}
              value={stationId}
              onChange={(e) => setStationId(e.target.value)}
              aria-invalid={!!errors.stationId}
            >
              <option value="">None</option>
              {data.stations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {errors.stationId && <span className="text-sm text-red-700">{errors.stationId.join(" ")}</span>}
          </label>
          <label className="col-span-2 font-medium">
            Notes
            <input className={field} value={notes} maxLength={200} onChange={(e) => setNotes(e.target.value)} />
          </label>
          {data.checklists.length > 0 && (
            <fieldset className="col-span-2" data-testid="shift-checklists">
              <legend className="font-medium">Checklists for this shift</legend>
              <div className="mt-1 flex max-h-40 flex-col overflow-y-auto rounded-lg border border-gray-300 px-2">
                {data.checklists.map((c) => (
                  <label key={c.id} className="flex min-h-11 items-center gap-3">
                    <input
                      type="checkbox"
                      className="size-5"
                      checked={checklistIds.includes(c.id)}
                      onChange={(e) =>
                        setChecklistIds((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id)))
                      }
                    />
                    <span>
                      {c.name} <span className="text-sm text-gray-600">({c.kind.toLowerCase()})</span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.checklistIds && <span className="text-sm text-red-700">{errors.checklistIds.join(" ")}</span>}
              <p className="text-sm text-gray-600">
                The person sees these lists on the day of the shift once it is published.
              </p>
            </fieldset>
          )}
          {error && (
            <p role="alert" className="col-span-2 rounded-lg bg-red-50 px-3 py-2 font-medium text-red-800">
              {error}
            </p>
          )}
          <div className="col-span-2 flex flex-wrap justify-between gap-2">
            {editing ? (
              <Button type="button" variant="danger" disabled={pending} onClick={remove}>
                Delete
              </Button>
            ) : (
              <span />
            )}
            <div className="flex gap-2">
              <Button type="button" variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : editing ? "Save" : "Add shift"}
              </Button>
            </div>
          </div>
        </form>
      </div>
    </div>
  );
}
