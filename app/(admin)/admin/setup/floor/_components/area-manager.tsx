"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { archiveAreaAction, moveAreaAction, saveAreaAction } from "../../actions";

export type AreaRow = { id: string; name: string; archivedAt: string | null; activeTables: number };

function AreaForm({ area, onDone }: { area: AreaRow | null; onDone?: () => void }) {
  const [name, setName] = useState(area?.name ?? "");
  const s = useSaveState();
  const id = `${area?.id ?? "new"}-area-name`;
  return (
    <form
      noValidate
      aria-label={area ? `Rename ${area.name}` : "New area"}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        s.start(async () => {
          const r = await saveAreaAction({ id: area?.id, name });
          if (!r.ok) return s.failed(r);
          s.saved(area ? "Renamed" : "Area added");
          if (!area) setName("");
          onDone?.();
        });
      }}
    >
      <Field label={area ? "New name" : "Area name"} htmlFor={id} error={s.errors.name} className="min-w-64 flex-1">
        <input
          {...describedBy(id, s.errors.name)}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={s.pending}>
        {s.pending ? "Saving…" : area ? "Save" : "Add area"}
      </Button>
      {s.message && !s.message.ok && !s.errors.name && (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {s.message.text}
        </p>
      )}
    </form>
  );
}

/** Areas in floor order: open the plan, rename, move up/down (keyboard-friendly), archive, restore. */
export function AreaManager({ areas }: { areas: AreaRow[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (!r.ok) setError(r.error ?? "Failed");
    });
  const active = areas.filter((a) => !a.archivedAt);
  const archived = areas.filter((a) => a.archivedAt);
  return (
    <div className="space-y-4">
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      {active.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-gray-300 p-6 text-center text-gray-600">
          No areas yet: add the dining room below, then draw its tables.
        </p>
      ) : (
        <ol
          className="divide-y divide-gray-100 rounded-xl border border-gray-200 bg-white"
          aria-label="Areas in floor order"
        >
          {active.map((a, i) => (
            <li key={a.id} className="p-3" data-testid="area-row">
              {editing === a.id ? (
                <AreaForm area={a} onDone={() => setEditing(null)} />
              ) : (
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/admin/setup/floor/${a.id}`}
                    className="min-h-11 content-center font-semibold underline-offset-2 hover:underline"
                  >
                    {a.name}
                  </Link>
                  <span className="text-sm text-gray-600">
                    {a.activeTables} table{a.activeTables === 1 ? "" : "s"}
                  </span>
                  <span className="ml-auto flex flex-wrap gap-1">
                    <Link
                      href={`/admin/setup/floor/${a.id}`}
                      className="inline-flex min-h-11 items-center rounded-lg bg-gray-900 px-4 font-semibold text-white hover:bg-gray-800"
                    >
                      Edit plan
                    </Link>
                    <Button
                      variant="ghost"
                      aria-label={`Move ${a.name} up`}
                      disabled={pending || i === 0}
                      onClick={() => run(() => moveAreaAction({ id: a.id, direction: "up" }))}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={`Move ${a.name} down`}
                      disabled={pending || i === active.length - 1}
                      onClick={() => run(() => moveAreaAction({ id: a.id, direction: "down" }))}
                    >
                      ↓
                    </Button>
                    <Button variant="secondary" onClick={() => setEditing(a.id)} aria-label={`Rename ${a.name}`}>
                      Rename
                    </Button>
                    <Button
                      variant="ghost"
                      disabled={pending}
                      aria-label={`Archive ${a.name}`}
                      title={a.activeTables > 0 ? "Archive or move its tables first" : undefined}
                      onClick={() => run(() => archiveAreaAction({ id: a.id, archived: true }))}
                    >
                      Archive
                    </Button>
                  </span>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="new-area" className="rounded-xl border border-gray-200 bg-white p-4">
        <h2 id="new-area" className="mb-3 font-semibold">
          New area
        </h2>
        <AreaForm key={areas.length} area={null} />
      </section>
      {archived.length > 0 && (
        <section aria-labelledby="archived-areas" className="space-y-2">
          <h2 id="archived-areas" className="font-semibold">
            Archived areas
          </h2>
          <ul className="divide-y divide-gray-100 rounded-xl border border-gray-200 bg-white">
            {archived.map((a) => (
              <li key={a.id} className="flex items-center gap-2 p-3">
                <span className="text-gray-600">{a.name}</span>
                <Badge>archived</Badge>
                <Button
                  variant="secondary"
                  className="ml-auto"
                  disabled={pending}
                  aria-label={`Restore ${a.name}`}
                  onClick={() => run(() => archiveAreaAction({ id: a.id, archived: false }))}
                >
                  Restore
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
