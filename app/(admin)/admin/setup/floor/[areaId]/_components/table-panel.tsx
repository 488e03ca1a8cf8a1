"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import type { FieldErrors } from "@/lib/errors";
import { ActionFailed } from "./use-area-plan";
import { SHAPE_LABEL, type CreateInput, type PlanTable, type TableChangesInput, type TableShape } from "./types";

const SHAPES = Object.keys(SHAPE_LABEL) as TableShape[];
const toInt = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

type Outcome = Promise<unknown>;

function errorsOf(e: unknown): { message: string; fields: FieldErrors } | null {
  if (!e) return null;
  if (e instanceof ActionFailed) return { message: e.message, fields: e.fieldErrors };
  return { message: e instanceof Error ? e.message : "Something went wrong", fields: {} };
}

/** Label, seats, shape and size: the fields the add and edit forms share. */
function TableFields({
  prefix,
  v,
  set,
  fe,
}: {
  prefix: string;
  v: { label: string; seats: string; shape: TableShape; width: string; height: string };
  set: (k: "label" | "seats" | "shape" | "width" | "height", value: string) => void;
  fe: FieldErrors;
}) {
  const id = (k: string) => `${prefix}-${k}`;
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label="Label" htmlFor={id("label")} error={fe.label ?? fe["changes.label"]}>
        <input
          {...describedBy(id("label"), fe.label ?? fe["changes.label"])}
          value={v.label}
          onChange={(e) => set("label", e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field label="Seats" htmlFor={id("seats")} error={fe.seats ?? fe["changes.seats"]}>
        <input
          {...describedBy(id("seats"), fe.seats ?? fe["changes.seats"])}
          inputMode="numeric"
          value={v.seats}
          onChange={(e) => set("seats", e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field label="Shape" htmlFor={id("shape")} error={fe.shape ?? fe["changes.shape"]} className="col-span-2">
        <select
          {...describedBy(id("shape"), fe.shape ?? fe["changes.shape"])}
          value={v.shape}
          onChange={(e) => set("shape", e.target.value)}
          className={inputClass}
        >
          {SHAPES.map((s) => (
            <option key={s} value={s}>
              {SHAPE_LABEL[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Width (cells)" htmlFor={id("width")} error={fe.width ?? fe["changes.width"]}>
        <input
          {...describedBy(id("width"), fe.width ?? fe["changes.width"])}
          inputMode="numeric"
          value={v.width}
          onChange={(e) => set("width", e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field label="Depth (cells)" htmlFor={id("height")} error={fe.height ?? fe["changes.height"]}>
        <input
          {...describedBy(id("height"), fe.height ?? fe["changes.height"])}
          inputMode="numeric"
          value={v.height}
          onChange={(e) => set("height", e.target.value)}
          className={inputClass}
        />
      </Field>
    </div>
  );
}

function Message({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" className="text-sm font-medium text-red-700">
      {text}
    </p>
  ) : null;
}

export function AddTableForm({
  areaId,
  placeAt,
  pending,
  onCreate,
}: {
  areaId: string;
  placeAt: { posX: number; posY: number } | null;
  pending: boolean;
  onCreate: (input: CreateInput) => Outcome;
}) {
  const [v, setV] = useState({ label: "", seats: "4", shape: "SQUARE" as TableShape, width: "2", height: "2" });
  const [failed, setFailed] = useState<ReturnType<typeof errorsOf>>(null);
  return (
    <form
      noValidate
      aria-labelledby="add-table-h"
      className="space-y-3 rounded-xl border border-gray-200 bg-white p-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const error = await onCreate({
          areaId,
          label: v.label,
          seats: toInt(v.seats),
          shape: v.shape,
          width: toInt(v.width),
          height: toInt(v.height),
          ...(placeAt ?? {}),
        });
        setFailed(errorsOf(error));
        if (!error) setV((x) => ({ ...x, label: "" }));
      }}
    >
      <h2 id="add-table-h" className="font-semibold">
        Add a table
      </h2>
      <TableFields
        prefix="new"
        v={v}
        set={(k, value) => setV((x) => ({ ...x, [k]: value }))}
        fe={failed?.fields ?? {}}
      />
      <p className="text-sm text-gray-600" aria-live="polite">
        {placeAt
          ? `Goes at column ${placeAt.posX + 1}, row ${placeAt.posY + 1}.`
          : "Goes in the first free spot (or click the plan to choose)."}
      </p>
      <Message text={failed && !Object.keys(failed.fields).length ? failed.message : null} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Adding…" : "Add table"}
      </Button>
    </form>
  );
}

export function TablePanel({
  table,
  areas,
  pending,
  onClose,
  onMove,
  onTurn,
  onSave,
  onArchive,
}: {
  table: PlanTable;
  areas: { id: string; name: string }[];
  pending: boolean;
  onClose: () => void;
  onMove: (dx: number, dy: number) => void;
  onTurn: (steps: number) => void;
  onSave: (changes: TableChangesInput) => Outcome;
  onArchive: () => void;
}) {
  const [v, setV] = useState({
    label: table.label,
    seats: String(table.seats),
    shape: table.shape,
    width: String(table.width),
    height: String(table.height),
  });
  const [areaId, setAreaId] = useState(table.areaId);
  const [failed, setFailed] = useState<ReturnType<typeof errorsOf>>(null);
  return (
    <section aria-labelledby="selected-h" className="space-y-3 rounded-xl border border-blue-300 bg-white p-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="selected-h" className="font-semibold">
          Table {table.label}
        </h2>
        <Button variant="ghost" onClick={onClose}>
          Done
        </Button>
      </div>
      <div className="grid grid-cols-3 gap-1" role="group" aria-label="Move and turn">
        <Button variant="secondary" aria-label="Turn anticlockwise 15°" disabled={pending} onClick={() => onTurn(-1)}>
          ⟲
        </Button>
        <Button variant="secondary" aria-label="Move up" onClick={() => onMove(0, -1)}>
          ↑
        </Button>
        <Button variant="secondary" aria-label="Turn clockwise 15°" disabled={pending} onClick={() => onTurn(1)}>
          ⟳
        </Button>
        <Button variant="secondary" aria-label="Move left" onClick={() => onMove(-1, 0)}>
          ←
        </Button>
        <span className="flex items-center justify-center text-xs text-gray-600">{table.rotation}°</span>
        <Button variant="secondary" aria-label="Move right" onClick={() => onMove(1, 0)}>
          →
        </Button>
        <span />
        <Button variant="secondary" aria-label="Move down" onClick={() => onMove(0, 1)}>
          ↓
        </Button>
      </div>
      <form
        noValidate
        aria-label={`Edit table ${table.label}`}
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const error = await onSave({
            label: v.label,
            seats: toInt(v.seats),
            shape: v.shape,
            width: toInt(v.width),
            height: toInt(v.height),
            ...(areaId !== table.areaId ? { areaId } : {}),
          });
          setFailed(errorsOf(error));
        }}
      >
        <TableFields
          prefix="edit"
          v={v}
          set={(k, value) => setV((x) => ({ ...x, [k]: value }))}
          fe={failed?.fields ?? {}}
        />
        <Field label="Area" htmlFor="edit-area" error={failed?.fields["changes.areaId"] ?? failed?.fields.areaId}>
          <select
            {...describedBy("edit-area", failed?.fields["changes.areaId"] ?? failed?.fields.areaId)}
            value={areaId}
            onChange={(e) => setAreaId(e.target.value)}
            className={inputClass}
          >
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Message text={failed && !Object.keys(failed.fields).length ? failed.message : null} />
        <Button type="submit" disabled={pending} className="w-full">
          Save table
        </Button>
      </form>
      <div className="border-t border-gray-200 pt-3">
        <Button
          variant="danger"
          className="w-full"
          disabled={pending || table.hasOpenOrder}
          aria-describedby={table.hasOpenOrder ? "archive-hint" : undefined}
          onClick={onArchive}
        >
          Archive table
        </Button>
        {table.hasOpenOrder && (
          <p id="archive-hint" className="mt-1 text-xs text-gray-600">
            It has an open order: close it first.
          </p>
        )}
      </div>
    </section>
  );
}
