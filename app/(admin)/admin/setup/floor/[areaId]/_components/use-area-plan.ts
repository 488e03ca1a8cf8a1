"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/realtime/fetch-json";
import type { ActionResult } from "@/lib/http/action";
import type { FieldErrors } from "@/lib/errors";
import { clampToGrid } from "@/lib/tables/floor-grid";
import type { TableChangesInput } from "./types";
import { archiveTableAction, createTableAction, updateTableAction } from "../../../actions";
import type { AreaPlan, CreateInput, PlanTable } from "./types";

/** A refused action, with the server's field errors for the form that sent it. */
export class ActionFailed extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

async function unwrap<T>(p: Promise<ActionResult<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new ActionFailed(r.error, r.fieldErrors);
  return r.data;
}

/**
 * The area's plan in TanStack Query. Changes to a table show at once (optimistic) and roll back
 * to the last good plan if the server refuses them; the plan is refetched once the last pending
 * change settles, so the editor always ends on the server's truth.
 */
export function useAreaPlan(initial: AreaPlan) {
  const qc = useQueryClient();
  const key = ["area-plan", initial.id];
  const plan = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<AreaPlan>(`/api/v1/areas/${initial.id}`),
    initialData: initial,
  });
  const settle = () => {
    if (qc.isMutating({ mutationKey: key }) <= 1) void qc.invalidateQueries({ queryKey: key });
  };

  const update = useMutation({
    mutationKey: key,
    mutationFn: (vars: { id: string; changes: TableChangesInput }) => unwrap(updateTableAction(vars)),
    onMutate: async ({ id, changes }) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<AreaPlan>(key);
      qc.setQueryData<AreaPlan>(
        key,
        (p) =>
          p && {
            ...p,
            tables: p.tables.map((t): PlanTable => {
              if (t.id !== id) return t;
              const merged = { ...t, ...changes } as PlanTable;
              return { ...merged, ...clampToGrid(merged) };
            }),
          },
      );
      return { before };
    },
    onError: (_e, _vars, context) => {
      if (context?.before) qc.setQueryData(key, context.before);
    },
    onSettled: settle,
  });

  const create = useMutation({
    mutationKey: key,
    mutationFn: (input: CreateInput) => unwrap(createTableAction(input)),
    onSettled: settle,
  });

  const archive = useMutation({
    mutationKey: key,
    mutationFn: (vars: { id: string; archived: boolean }) => unwrap(archiveTableAction(vars)),
    // Shown at once on success; the refetch that follows confirms it.
    onSuccess: (_r, { id, archived }) =>
      qc.setQueryData<AreaPlan>(
        key,
        (p) =>
          p && {
            ...p,
            tables: p.tables.map((t) =>
              t.id === id ? { ...t, archivedAt: archived ? new Date().toISOString() : null } : t,
            ),
          },
      ),
    onSettled: settle,
  });

  return { plan: plan.data, isError: plan.isError, refetch: plan.refetch, update, create, archive };
}
