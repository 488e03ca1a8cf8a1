"use client";

import { useActionState, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Field, FormMessage, describedBy, inputClass } from "@/components/admin/form-field";
import { keepValuesOnSubmit } from "@/components/admin/use-keep-values";
import { deleteCategoryAction, moveCategoryAction, saveCategoryAction } from "../actions";

type Category = { id: string; name: string; active: boolean; defaultStationId: string | null; itemCount: number };
type Station = { id: string; name: string };

function CategoryForm({
  category,
  stations,
  onDone,
}: {
  category: Category | null;
  stations: Station[];
  onDone?: () => void;
}) {
  const [state, formAction, pending] = useActionState(
    async (prev: ActionResult<{ id: string }> | null, fd: FormData) => {
      const r = await saveCategoryAction(prev, fd);
      if (r.ok) onDone?.();
      return r;
    },
    null,
  );
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const p = category?.id ?? "new";
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto_auto]"
      noValidate
    >
      {category && <input type="hidden" name="id" value={category.id} />}
      <Field label="Name" htmlFor={`${p}-name`} error={fe.name}>
        <input
          {...describedBy(`${p}-name`, fe.name)}
          name="name"
          defaultValue={category?.name}
          className={inputClass}
        />
      </Field>
      <Field label="Default station" htmlFor={`${p}-station`} error={fe.defaultStationId}>
        <select
          {...describedBy(`${p}-station`, fe.defaultStationId)}
          name="defaultStationId"
          defaultValue={category?.defaultStationId ?? ""}
          className={inputClass}
        >
          <option value="">None</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="active" defaultChecked={category?.active ?? true} className="h-5 w-5" /> Shown on
        pads
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : category ? "Save" : "Add category"}
      </Button>
      <div className="sm:col-span-4">
        <FormMessage result={state && !state.ok ? state : null} />
      </div>
    </form>
  );
}

/** Ordered list with up/down buttons (keyboard-friendly reordering), inline edit and delete. */
export function CategoryManager({ categories, stations }: { categories: Category[]; stations: Station[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (!r.ok) setError(r.error ?? "Failed");
    });
  return (
    <div className="space-y-4">
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <ol
        className="divide-y divide-gray-100 rounded-xl border border-gray-200 bg-white"
        aria-label="Categories in menu order"
      >
        {categories.map((c, i) => (
          <li key={c.id} className="p-3">
            {editing === c.id ? (
              <CategoryForm category={c} stations={stations} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-center gap-2">
                <span className="w-6 text-right text-sm tabular-nums text-gray-500">{i + 1}</span>
                <span className="font-semibold">{c.name}</span>
                {!c.active && <Badge>hidden</Badge>}
                <span className="text-sm text-gray-500">
                  {c.itemCount} item{c.itemCount === 1 ? "" : "s"}
                  {c.defaultStationId && ` · ${stations.find((s) => s.id === c.defaultStationId)?.name ?? ""}`}
                </span>
                <span className="ml-auto flex gap-1">
                  <Button
                    variant="ghost"
                    aria-label={`Move ${c.name} up`}
                    disabled={pending || i === 0}
                    onClick={() => run(() => moveCategoryAction({ id: c.id, direction: "up" }))}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    aria-label={`Move ${c.name} down`}
                    disabled={pending || i === categories.length - 1}
                    onClick={() => run(() => moveCategoryAction({ id: c.id, direction: "down" }))}
                  >
                    ↓
                  </Button>
                  <Button variant="secondary" onClick={() => setEditing(c.id)}>
                    Edit
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={pending || c.itemCount > 0}
                    title={c.itemCount > 0 ? "Move or archive its items first" : undefined}
                    onClick={() => run(() => deleteCategoryAction({ id: c.id }))}
                  >
                    Delete
                  </Button>
                </span>
              </div>
            )}
          </li>
        ))}
      </ol>
      <section aria-labelledby="new-category" className="rounded-xl border border-gray-200 bg-white p-4">
        <h2 id="new-category" className="mb-3 font-semibold">
          New category
        </h2>
        <CategoryForm key={categories.length} category={null} stations={stations} />
      </section>
    </div>
  );
}
