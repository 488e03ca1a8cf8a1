"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { listChecklists } from "@/lib/tasks/list-checklists";
import { Button } from "@/components/ui/button";
import { ROLES } from "@/lib/auth/roles";
import { archiveChecklistAction, saveChecklistAction } from "../actions";

type Lists = Awaited<ReturnType<typeof listChecklists>>;
type Checklist = Lists["checklists"][number];
type Draft = {
  id?: string;
  name: string;
  kind: "OPENING" | "CLOSING" | "PREP" | "OTHER";
  stationId: string;
  role: string;
  dueTime: string;
  tasks: { key: string; id?: string; label: string }[];
};

const KINDS = [
  ["OPENING", "Opening"],
  ["CLOSING", "Closing"],
  ["PREP", "Prep"],
  ["OTHER", "Other"],
] as const;
const field = "mt-1 block min-h-11 w-full rounded-lg border border-gray-300 bg-white px-3";
let keySeq = 0;
const newKey = () => `k${++keySeq}`;

function draftOf(c?: Checklist): Draft {
  if (!c)
    return { name: "", kind: "OPENING", stationId: "", role: "", dueTime: "", tasks: [{ key: newKey(), label: "" }] };
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    stationId: c.stationId ?? "",
    role: c.role ?? "",
    dueTime: c.dueTime ?? "",
    tasks: c.tasks.map((t) => ({ key: t.id, id: t.id, label: t.label })),
  };
}

/** Write and edit checklists: name, kind, station and/or role, due time, ordered tasks; archive instead of delete. */
export function ChecklistEditor({ checklists, stations }: { checklists: Checklist[]; stations: Lists["stations"] }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const open = (c?: Checklist) => {
    setDraft(draftOf(c));
    setErrors({});
    setError(null);
  };
  const save = () =>
    start(async () => {
      if (!draft) return;
      const r = await saveChecklistAction({
        id: draft.id,
        name: draft.name,
        kind: draft.kind,
        stationId: draft.stationId || null,
        role: (draft.role || null) as (typeof ROLES)[number] | null,
        dueTime: draft.dueTime || null,
        tasks: draft.tasks.map((t) => ({ id: t.id, label: t.label })),
      });
      if (r.ok) {
        setNotice(`Saved “${draft.name}”`);
        setDraft(null);
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setError(r.error);
      }
    });
  const archive = (c: Checklist) =>
    start(async () => {
      if (!window.confirm(`Archive “${c.name}”? It leaves every screen; past ticks are kept.`)) return;
      const r = await archiveChecklistAction({ id: c.id });
      if (r.ok) {
        setNotice(`Archived “${c.name}”`);
        router.refresh();
      } else setError(r.error);
    });

  const update = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const moveTask = (i: number, by: number) =>
    setDraft((d) => {
      if (!d) return d;
      const tasks = [...d.tasks];
      const j = i + by;
      if (j < 0 || j >= tasks.length) return d;
      [tasks[i], tasks[j]] = [tasks[j], tasks[i]];
      return { ...d, tasks };
    });
  const err = (k: string) => errors[k]?.join(" ");

  return (
    <section aria-labelledby="checklists-title" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="checklists-title" className="text-xl font-bold">
          Checklists
        </h2>
        <Button onClick={() => open()} disabled={!!draft}>
          New checklist
        </Button>
      </div>
      {notice && (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-2 font-medium text-green-800">
          {notice}
        </p>
      )}

      {draft && (
        <form
          className="space-y-4 rounded-xl border border-gray-300 bg-white p-5 shadow-sm"
          aria-label={draft.id ? "Edit checklist" : "New checklist"}
          data-testid="checklist-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div className="grid gap-4 md:grid-cols-5">
            <label className="font-medium md:col-span-2">
              Name
              <input
                className={field}
                value={draft.name}
                maxLength={80}
                onChange={(e) => update({ name: e.target.value })}
                aria-invalid={!!errors.name}
                autoFocus
              />
              {err("name") && <span className="text-sm text-red-700">{err("name")}</span>}
            </label>
            <label className="font-medium">
              Kind
              <select
                className={field}
                value={draft.kind}
                onChange={(e) => update({ kind: e.target.value as Draft["kind"] })}
              >
                {KINDS.map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <label className="font-medium">
              Station
              <select
                className={field}
                value={draft.stationId}
                onChange={(e) => update({ stationId: e.target.value })}
                aria-invalid={!!errors.stationId}
              >
                <option value="">Any</option>
                {stations.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              {err("stationId") && <span className="text-sm text-red-700">{err("stationId")}</span>}
            </label>
            <label className="font-medium">
              Role
              <select className={field} value={draft.role} onChange={(e) => update({ role: e.target.value })}>
                <option value="">Anyone</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r.toLowerCase()}
                  </option>
                ))}
              </select>
            </label>
            <label className="font-medium">
              Due by
              <input
                type="time"
                className={field}
                value={draft.dueTime}
                onChange={(e) => update({ dueTime: e.target.value })}
                aria-invalid={!!errors.dueTime}
              />
              {err("dueTime") && <span className="text-sm text-red-700">{err("dueTime")}</span>}
            </label>
          </div>
          <fieldset className="space-y-2">
            <legend className="font-medium">Tasks, in order</legend>
            {err("tasks") && <p className="text-sm text-red-700">{err("tasks")}</p>}
            {draft.tasks.map((t, i) => (
              <div key={t.key} className="flex items-start gap-2">
                <span className="mt-3 w-6 text-right text-gray-600 tabular-nums">{i + 1}.</span>
                <div className="flex-1">
                  <input
                    className={`${field} mt-0`}
                    value={t.label}
                    maxLength={120}
                    aria-label={`Task ${i + 1}`}
                    aria-invalid={!!errors[`tasks.${i}.label`]}
                    onChange={(e) =>
                      update({
                        tasks: draft.tasks.map((x) => (x.key === t.key ? { ...x, label: e.target.value } : x)),
                      })
                    }
                  />
                  {err(`tasks.${i}.label`) && <span className="text-sm text-red-700">{err(`tasks.${i}.label`)}</span>}
                </div>
                <Button
                  type="button"
                  variant="ghost"
                  aria-label={`Move task ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => moveTask(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  aria-label={`Move task ${i + 1} down`}
                  disabled={i === draft.tasks.length - 1}
                  onClick={() => moveTask(i, 1)}
                >
                  ↓
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  aria-label={`Remove task ${i + 1}`}
                  onClick={() => update({ tasks: draft.tasks.filter((x) => x.key !== t.key) })}
                >
                  ✕
                </Button>
              </div>
            ))}
            <Button
              type="button"
              variant="secondary"
              onClick={() => update({ tasks: [...draft.tasks, { key: newKey(), label: "" }] })}
            >
              Add task
            </Button>
          </fieldset>
          {error && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 font-medium text-red-800">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save checklist"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}

      {checklists.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-gray-300 p-6 text-center text-gray-600">
          No checklists yet.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Name
                </th>
                <th scope="col" className="px-4 py-2">
                  Kind
                </th>
                <th scope="col" className="px-4 py-2">
                  For
                </th>
                <th scope="col" className="px-4 py-2">
                  Due
                </th>
                <th scope="col" className="px-4 py-2">
                  Tasks
                </th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {checklists.map((c) => (
                <tr key={c.id} className="border-t border-gray-200" data-testid="checklist-row">
                  <td className="px-4 py-2 font-semibold">{c.name}</td>
                  <td className="px-4 py-2">{c.kind.toLowerCase()}</td>
                  <td className="px-4 py-2">
                    {[c.stationName, c.role ? `${c.role.toLowerCase()}s` : null].filter(Boolean).join(" · ") ||
                      "anyone"}
                  </td>
                  <td className="px-4 py-2 tabular-nums">{c.dueTime ?? "—"}</td>
                  <td className="px-4 py-2">{c.tasks.length}</td>
                  <td className="px-4 py-2 text-right">
                    <div className="flex justify-end gap-2">
                      <Button variant="secondary" onClick={() => open(c)} disabled={pending}>
                        Edit
                      </Button>
                      <Button variant="ghost" onClick={() => archive(c)} disabled={pending}>
                        Archive
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
