"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { archiveStationAction, saveStationAction, setCategoryStationAction } from "../../actions";

export type StationRow = {
  id: string;
  slug: string;
  name: string;
  isExpo: boolean;
  showOnExpo: boolean;
  warnMinutes: number | null;
  lateMinutes: number | null;
  sortOrder: number;
  archivedAt: string | null;
  routedItems: number;
  routedCategories: number;
};
export type CategoryRow = { id: string; name: string; defaultStationId: string | null };

const optionalInt = (v: string) => (v.trim() === "" ? null : Number(v));

function StationForm({ station, onDone }: { station: StationRow | null; onDone?: () => void }) {
  const [v, setV] = useState({
    name: station?.name ?? "",
    slug: station?.slug ?? "",
    isExpo: station?.isExpo ?? false,
    showOnExpo: station?.showOnExpo ?? true,
    warn: station?.warnMinutes?.toString() ?? "",
    late: station?.lateMinutes?.toString() ?? "",
    sortOrder: String(station?.sortOrder ?? 0),
  });
  const s = useSaveState();
  const fe = s.errors;
  const p = station?.id ?? "new";
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    s.start(async () => {
      const r = await saveStationAction({
        id: station?.id,
        fields: {
          name: v.name,
          slug: v.slug,
          isExpo: v.isExpo,
          showOnExpo: v.showOnExpo,
          warnMinutes: optionalInt(v.warn),
          lateMinutes: optionalInt(v.late),
          sortOrder: optionalInt(v.sortOrder) ?? 0,
        },
      });
      if (!r.ok) return s.failed(r);
      s.saved(station ? "Saved" : "Station added");
      if (!station) setV((x) => ({ ...x, name: "", slug: "", warn: "", late: "" }));
      onDone?.();
    });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid items-start gap-3 sm:grid-cols-4"
      aria-label={station ? `Edit ${station.name}` : "New station"}
    >
      <Field label="Name" htmlFor={`${p}-name`} error={fe["fields.name"]}>
        <input
          {...describedBy(`${p}-name`, fe["fields.name"])}
          value={v.name}
          onChange={set("name")}
          className={inputClass}
        />
      </Field>
      <Field label="Short name (URL)" htmlFor={`${p}-slug`} error={fe["fields.slug"] ?? fe.slug} hint="e.g. grill">
        <input
          {...describedBy(`${p}-slug`, fe["fields.slug"] ?? fe.slug)}
          value={v.slug}
          onChange={set("slug")}
          className={inputClass}
        />
      </Field>
      <Field label="Amber after (min)" htmlFor={`${p}-warn`} error={fe["fields.warnMinutes"]} hint="Empty: location's">
        <input
          {...describedBy(`${p}-warn`, fe["fields.warnMinutes"])}
          inputMode="numeric"
          value={v.warn}
          onChange={set("warn")}
          className={inputClass}
        />
      </Field>
      <Field label="Late after (min)" htmlFor={`${p}-late`} error={fe["fields.lateMinutes"]}>
        <input
          {...describedBy(`${p}-late`, fe["fields.lateMinutes"])}
          inputMode="numeric"
          value={v.late}
          onChange={set("late")}
          className={inputClass}
        />
      </Field>
      <Field label="Order on the picker" htmlFor={`${p}-sort`} error={fe["fields.sortOrder"]}>
        <input
          {...describedBy(`${p}-sort`, fe["fields.sortOrder"])}
          inputMode="numeric"
          value={v.sortOrder}
          onChange={set("sortOrder")}
          className={inputClass}
        />
      </Field>
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium sm:mt-6">
        <input
          type="checkbox"
          className="h-5 w-5"
          checked={v.isExpo}
          onChange={(e) => setV((x) => ({ ...x, isExpo: e.target.checked }))}
        />
        Expo (pass) screen
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium sm:mt-6">
        <input
          type="checkbox"
          className="h-5 w-5"
          checked={v.showOnExpo}
          onChange={(e) => setV((x) => ({ ...x, showOnExpo: e.target.checked }))}
        />
        Expo waits for its items
      </label>
      <Button type="submit" disabled={s.pending} className="sm:mt-6">
        {s.pending ? "Saving…" : station ? "Save" : "Add station"}
      </Button>
      {s.message && (
        <p
          role={s.message.ok ? "status" : "alert"}
          className={`text-sm font-medium sm:col-span-4 ${s.message.ok ? "text-green-800" : "text-red-700"}`}
        >
          {s.message.text}
        </p>
      )}
    </form>
  );
}

/** Stations (edit, archive, restore) and the categories' default stations, on one page. */
export function StationManager({ stations, categories }: { stations: StationRow[]; categories: CategoryRow[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    start(async () => {
      setError(null);
      setNotice(null);
      const r = await fn();
      if (r.ok) setNotice(done);
      else setError(r.error ?? "Failed");
    });
  const routable = stations.filter((s) => !s.archivedAt && !s.isExpo);
  return (
    <div className="space-y-6">
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800">
          {notice}
        </p>
      )}
      <section aria-labelledby="stations-h" className="space-y-3">
        <h2 id="stations-h" className="text-lg font-semibold">
          Stations
        </h2>
        {stations.length === 0 ? (
          <p className="rounded-xl border-2 border-dashed border-gray-300 p-6 text-center text-gray-600">
            No stations yet: add the kitchen&apos;s first one below.
          </p>
        ) : (
          <ul className="divide-y divide-gray-100 rounded-xl border border-gray-200 bg-white" aria-label="Stations">
            {stations.map((s) => (
              <li key={s.id} className="p-3" data-testid="station-row" data-slug={s.slug}>
                {editing === s.id ? (
                  <StationForm station={s} onDone={() => setEditing(null)} />
                ) : (
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={`font-semibold ${s.archivedAt ? "text-gray-500 line-through" : ""}`}>
                      {s.name}
                    </span>
                    <span className="text-sm text-gray-500">/{s.slug}</span>
                    {s.isExpo && <Badge>expo</Badge>}
                    {!s.isExpo && !s.showOnExpo && <Badge>not on expo</Badge>}
                    {s.archivedAt && <Badge>archived</Badge>}
                    <span className="text-sm text-gray-600">
                      {s.warnMinutes !== null ? `${s.warnMinutes}/${s.lateMinutes} min` : "location timers"} ·{" "}
                      {s.routedItems} dish
                      {s.routedItems === 1 ? "" : "es"}, {s.routedCategories} categor
                      {s.routedCategories === 1 ? "y" : "ies"}
                    </span>
                    <span className="ml-auto flex gap-1">
                      {!s.archivedAt && (
                        <Button variant="secondary" onClick={() => setEditing(s.id)} aria-label={`Edit ${s.name}`}>
                          Edit
                        </Button>
                      )}
                      <Button
                        variant="ghost"
                        disabled={pending}
                        aria-label={`${s.archivedAt ? "Restore" : "Archive"} ${s.name}`}
                        onClick={() =>
                          run(
                            () => archiveStationAction({ id: s.id, archived: !s.archivedAt }),
                            `${s.name} ${s.archivedAt ? "restored" : "archived"}`,
                          )
                        }
                      >
                        {s.archivedAt ? "Restore" : "Archive"}
                      </Button>
                    </span>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="rounded-xl border border-gray-200 bg-white p-4">
          <h3 className="mb-3 font-semibold">New station</h3>
          <StationForm key={stations.length} station={null} />
        </div>
      </section>

      <section aria-labelledby="routing-h" className="space-y-3">
        <h2 id="routing-h" className="text-lg font-semibold">
          Routing defaults
        </h2>
        <p className="text-sm text-gray-600">
          Dishes that name no station of their own go to their category&apos;s station.
        </p>
        {categories.length === 0 ? (
          <p className="text-sm text-gray-600">No menu categories yet.</p>
        ) : (
          <table className="w-full rounded-xl border border-gray-200 bg-white text-sm">
            <thead>
              <tr className="border-b border-gray-200 text-left">
                <th scope="col" className="p-3">
                  Category
                </th>
                <th scope="col" className="p-3">
                  Default station
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.id} className="border-b border-gray-100 last:border-0">
                  <th scope="row" className="p-3 text-left font-medium">
                    <label htmlFor={`route-${c.id}`}>{c.name}</label>
                  </th>
                  <td className="p-2">
                    <select
                      id={`route-${c.id}`}
                      className={inputClass}
                      disabled={pending}
                      defaultValue={c.defaultStationId ?? ""}
                      onChange={(e) =>
                        run(
                          () => setCategoryStationAction({ categoryId: c.id, stationId: e.target.value || null }),
                          `${c.name} now routes to ${routable.find((s) => s.id === e.target.value)?.name ?? "no station"}`,
                        )
                      }
                    >
                      <option value="">No station</option>
                      {routable.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
