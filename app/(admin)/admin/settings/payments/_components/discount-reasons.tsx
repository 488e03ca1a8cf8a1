"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { useSaveState } from "@/components/admin/use-save-state";
import { createDiscountReasonAction, updateDiscountReasonAction } from "../actions";

export type ReasonRow = { id: string; name: string; comp: boolean; sortOrder: number; archivedAt: string | null };

/** The reasons servers pick from when they discount or comp; archived ones stay for the history. */
export function DiscountReasons({ initial }: { initial: ReasonRow[] }) {
  const active = initial.filter((r) => !r.archivedAt);
  const archived = initial.filter((r) => r.archivedAt);
  return (
    <section
      aria-labelledby="reasons-title"
      className="space-y-3 rounded-xl border border-gray-200 bg-white p-4"
      data-testid="discount-reasons"
    >
      <h2 id="reasons-title" className="font-semibold">
        Discount and comp reasons
      </h2>
      <p className="text-sm text-gray-600">
        A <strong>discount</strong> lowers the price (birthday, loyalty); a <strong>comp</strong> gives food away
        (kitchen error, staff meal). The Z report counts them apart. Tablets list them in this order.
      </p>
      {active.length === 0 && <p className="text-gray-700">No reasons yet: add the first one below.</p>}
      <ol className="divide-y divide-gray-100">
        {active.map((r, i) => (
          <ReasonItem key={`${r.id}-${r.name}-${r.comp}`} reason={r} first={i === 0} last={i === active.length - 1} />
        ))}
      </ol>
      <AddReason />
      {archived.length > 0 && (
        <details className="rounded-lg bg-gray-50 p-3">
          <summary className="min-h-11 cursor-pointer content-center font-semibold">
            Archived ({archived.length})
          </summary>
          <ul className="divide-y divide-gray-100">
            {archived.map((r) => (
              <ReasonItem key={r.id} reason={r} first last />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function ReasonItem({ reason: r, first, last }: { reason: ReasonRow; first: boolean; last: boolean }) {
  const [name, setName] = useState(r.name);
  const [comp, setComp] = useState(r.comp);
  const s = useSaveState();
  const id = `reason-${r.id}`;
  const change = (patch: { name?: string; comp?: boolean; move?: "up" | "down"; archived?: boolean }, done: string) =>
    s.start(async () => {
      const res = await updateDiscountReasonAction({ id: r.id, ...patch });
      if (res.ok) s.saved(done);
      else s.failed(res);
    });
  return (
    <li className="py-3" data-testid="discount-reason">
      <EditorForm
        onSave={() => change({ name, comp }, "Saved")}
        className="grid items-end gap-3 sm:grid-cols-[1fr_6rem_6rem]"
        aria-label={`Reason ${r.name}`}
      >
        <Field label="Name" htmlFor={id} error={s.errors.name}>
          <input
            {...describedBy(id, s.errors.name)}
            value={name}
            onChange={(e) => setName(e.target.value)}
            disabled={!!r.archivedAt}
            className={inputClass}
          />
        </Field>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={comp}
            disabled={!!r.archivedAt}
            onChange={(e) => setComp(e.target.checked)}
          />
          Comp
        </label>
        <div className="flex min-h-11 items-center gap-1">
          {r.archivedAt ? (
            <Badge>Archived</Badge>
          ) : (
            <Badge tone={r.comp ? "amber" : "blue"}>{r.comp ? "Comp" : "Discount"}</Badge>
          )}
        </div>
        <div className="sm:col-span-3">
          <EditorActions message={s.message}>
            {r.archivedAt ? (
              <Button
                type="button"
                variant="secondary"
                disabled={s.pending}
                onClick={() => change({ archived: false }, "Restored")}
              >
                Restore
              </Button>
            ) : (
              <>
                <Button type="submit" disabled={s.pending || (name === r.name && comp === r.comp)}>
                  Save
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={s.pending || first}
                  aria-label={`Move ${r.name} up`}
                  onClick={() => change({ move: "up" }, "Moved")}
                >
                  ↑ Up
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={s.pending || last}
                  aria-label={`Move ${r.name} down`}
                  onClick={() => change({ move: "down" }, "Moved")}
                >
                  ↓ Down
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  disabled={s.pending}
                  onClick={() => change({ archived: true }, "Archived")}
                >
                  Archive
                </Button>
              </>
            )}
          </EditorActions>
        </div>
      </EditorForm>
    </li>
  );
}

function AddReason() {
  const [name, setName] = useState("");
  const [comp, setComp] = useState(false);
  const s = useSaveState();
  return (
    <EditorForm
      onSave={() =>
        s.start(async () => {
          const r = await createDiscountReasonAction({ name, comp });
          if (r.ok) {
            s.saved(`Added ${r.data.name}`);
            setName("");
            setComp(false);
          } else s.failed(r);
        })
      }
      className="grid items-end gap-3 rounded-lg bg-gray-50 p-3 sm:grid-cols-[1fr_6rem_auto]"
      aria-label="Add a reason"
    >
      <Field label="New reason" htmlFor="new-reason" error={s.errors.name}>
        <input
          {...describedBy("new-reason", s.errors.name)}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={inputClass}
        />
      </Field>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" className="h-5 w-5" checked={comp} onChange={(e) => setComp(e.target.checked)} />
        Comp
      </label>
      <EditorActions message={s.message}>
        <Button type="submit" disabled={s.pending} data-testid="add-reason">
          Add reason
        </Button>
      </EditorActions>
    </EditorForm>
  );
}
