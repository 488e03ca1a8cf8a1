"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { useSaveState } from "@/components/admin/use-save-state";
import { AreaMap, type MapPoint } from "@/components/delivery/area-map";
import { parsePointsText } from "@/lib/delivery/area-schemas";
import { areaFor, polygonOf, type LatLng } from "@/lib/delivery/geo";
import { formatCents } from "@/lib/money";
import { archiveDeliveryAreaAction, createDeliveryAreaAction, updateDeliveryAreaAction } from "../actions";

export type AreaRow = {
  id: string;
  name: string;
  kind: "POLYGON" | "RADIUS";
  polygon: unknown;
  minMeters: number;
  maxMeters: number | null;
  feeCents: number;
  minimumCents: number;
  travelMinutes: number;
  sortOrder: number;
  archivedAt: string | null;
};

const EMPTY: AreaRow = {
  id: "",
  name: "",
  kind: "POLYGON",
  polygon: null,
  minMeters: 0,
  maxMeters: null,
  feeCents: 0,
  minimumCents: 0,
  travelMinutes: 15,
  sortOrder: 0,
  archivedAt: null,
};

const centsText = (c: number) => (c / 100).toFixed(2);
const toCents = (v: string) => Math.round(Number(v.replace(",", ".")) * 100);

/** The areas table, the editor, the preview and the "test an address" box. */
export function DeliveryAreas({
  kitchen,
  areas,
  currency,
}: {
  kitchen: LatLng | null;
  areas: AreaRow[];
  currency: string;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [test, setTest] = useState<LatLng | null>(null);
  const money = (c: number) => formatCents(c, currency);
  const hit = test ? areaFor(areas, test, kitchen) : null;
  const points: MapPoint[] = test ? [{ id: "test", label: "Test address", tone: "test", ...test }] : [];
  const editingRow = editing === "new" ? { ...EMPTY, sortOrder: areas.length } : areas.find((a) => a.id === editing);

  return (
    <section
      aria-labelledby="areas-title"
      className="space-y-4 rounded-xl border border-gray-200 bg-white p-4"
      data-testid="delivery-areas"
    >
      <h2 id="areas-title" className="font-semibold">
        Delivery areas
      </h2>
      <div className="grid gap-6 xl:grid-cols-[1fr_480px]">
        <div className="space-y-4">
          {areas.length === 0 ? (
            <p className="rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="areas-empty">
              No delivery areas: customers can only order for pickup. Add the streets you deliver to.
            </p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="areas-table">
              <thead className="border-b border-gray-200 text-gray-600">
                <tr>
                  <th scope="col" className="py-2 pr-2">
                    Order
                  </th>
                  <th scope="col" className="py-2 pr-2">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-2">
                    Kind
                  </th>
                  <th scope="col" className="py-2 pr-2 text-right">
                    Fee
                  </th>
                  <th scope="col" className="py-2 pr-2 text-right">
                    Minimum
                  </th>
                  <th scope="col" className="py-2 pr-2 text-right">
                    Travel
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {areas.map((a) => (
                  <tr key={a.id} data-testid={`area-row-${a.name}`} className={hit?.id === a.id ? "bg-green-50" : ""}>
                    <td className="py-2 pr-2 tabular-nums">{a.sortOrder}</td>
                    <td className="py-2 pr-2 font-medium">{a.name}</td>
                    <td className="py-2 pr-2">
                      {a.kind === "POLYGON"
                        ? `Polygon, ${polygonOf(a.polygon)?.length ?? 0} points`
                        : `Radius ${(a.minMeters / 1000).toFixed(1)}–${((a.maxMeters ?? 0) / 1000).toFixed(1)} km`}
                    </td>
                    <td className="py-2 pr-2 text-right tabular-nums">{money(a.feeCents)}</td>
                    <td className="py-2 pr-2 text-right tabular-nums">{money(a.minimumCents)}</td>
                    <td className="py-2 pr-2 text-right tabular-nums">{a.travelMinutes} min</td>
                    <td className="py-2 text-right">
                      <Button
                        type="button"
                        variant="ghost"
                        onClick={() => setEditing(a.id)}
                        aria-label={`Edit ${a.name}`}
                        data-testid={`edit-area-${a.name}`}
                      >
                        Edit
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {editingRow ? (
            <div className="rounded-lg bg-gray-50 p-3">
              <AreaEditor key={editingRow.id || "new"} area={editingRow} onDone={() => setEditing(null)} />
            </div>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setEditing("new")} data-testid="add-area">
              Add an area
            </Button>
          )}
        </div>
        <div className="space-y-4">
          <AreaMap kitchen={kitchen} areas={areas} points={points} highlightId={hit?.id ?? null} />
          <TestAddress
            onTest={setTest}
            result={
              test
                ? hit
                  ? `${hit.name}: fee ${money(hit.feeCents)}, minimum ${money(hit.minimumCents)}, about ${hit.travelMinutes} min on the road`
                  : "Outside every delivery area: delivery would be refused."
                : null
            }
            inside={!!hit}
          />
        </div>
      </div>
    </section>
  );
}

function TestAddress({
  onTest,
  result,
  inside,
}: {
  onTest: (p: LatLng | null) => void;
  result: string | null;
  inside: boolean;
}) {
  const [v, setV] = useState({ lat: "", lng: "" });
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      aria-label="Test an address"
      className="space-y-2 rounded-lg border border-gray-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const lat = Number(v.lat);
        const lng = Number(v.lng);
        if (
          !v.lat.trim() ||
          !v.lng.trim() ||
          !Number.isFinite(lat) ||
          !Number.isFinite(lng) ||
          Math.abs(lat) > 90 ||
          Math.abs(lng) > 180
        ) {
          setError("Enter a latitude (−90 to 90) and a longitude (−180 to 180)");
          onTest(null);
          return;
        }
        setError(null);
        onTest({ lat, lng });
      }}
    >
      <h3 className="font-semibold">Test an address</h3>
      <div className="grid grid-cols-2 gap-2">
        <Field label="Latitude" htmlFor="test-lat" error={error ?? undefined}>
          <input
            {...describedBy("test-lat", error ?? undefined)}
            inputMode="decimal"
            value={v.lat}
            onChange={(e) => setV({ ...v, lat: e.target.value })}
            className={inputClass}
            data-testid="test-lat"
          />
        </Field>
        <Field label="Longitude" htmlFor="test-lng">
          <input
            id="test-lng"
            name="test-lng"
            inputMode="decimal"
            value={v.lng}
            onChange={(e) => setV({ ...v, lng: e.target.value })}
            className={inputClass}
            data-testid="test-lng"
          />
        </Field>
      </div>
      <Button type="submit" variant="secondary" data-testid="test-address">
        Which area?
      </Button>
      {result && (
        <p
          role="status"
          className={`text-sm font-medium ${inside ? "text-green-800" : "text-red-700"}`}
          data-testid="test-address-result"
        >
          {result}
        </p>
      )}
    </form>
  );
}

function AreaEditor({ area: a, onDone }: { area: AreaRow; onDone: () => void }) {
  const isNew = !a.id;
  const [v, setV] = useState({
    name: a.name,
    kind: a.kind,
    points: (polygonOf(a.polygon) ?? []).map(([lat, lng]) => `${lat}, ${lng}`).join("\n"),
    minMeters: String(a.minMeters),
    maxMeters: a.maxMeters?.toString() ?? "",
    fee: centsText(a.feeCents),
    minimum: centsText(a.minimumCents),
    travelMinutes: String(a.travelMinutes),
    sortOrder: String(a.sortOrder),
  });
  const s = useSaveState();
  const fe = s.errors;
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const parsed = useMemo(() => parsePointsText(v.points), [v.points]);
  const pointsError = "error" in parsed ? parsed.error : undefined;
  const polygonErrors = [
    ...(pointsError ? [pointsError] : []),
    ...Object.entries(fe)
      .filter(([k]) => k === "polygon" || k.startsWith("polygon."))
      .flatMap(([, m]) => m),
  ];
  const id = (f: string) => `area-${a.id || "new"}-${f}`;

  const save = () =>
    s.start(async () => {
      if (v.kind === "POLYGON" && pointsError)
        return s.failed({ error: "Some fields are invalid", fieldErrors: { polygon: [pointsError] } });
      const input = {
        name: v.name,
        kind: v.kind,
        polygon: v.kind === "POLYGON" && "points" in parsed ? parsed.points : null,
        minMeters: v.kind === "RADIUS" ? Number(v.minMeters || 0) : 0,
        maxMeters: v.kind === "RADIUS" && v.maxMeters.trim() ? Number(v.maxMeters) : null,
        feeCents: toCents(v.fee),
        minimumCents: toCents(v.minimum),
        travelMinutes: Number(v.travelMinutes),
        sortOrder: Number(v.sortOrder),
      };
      const r = isNew ? await createDeliveryAreaAction(input) : await updateDeliveryAreaAction({ ...input, id: a.id });
      if (!r.ok) return s.failed(r);
      s.saved(isNew ? `Added ${r.data.name}` : "Saved");
      onDone();
    });

  return (
    <EditorForm
      onSave={save}
      className="space-y-3"
      aria-label={isNew ? "New delivery area" : `Delivery area ${a.name}`}
      data-testid={isNew ? "new-area" : "area-editor"}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_8rem]">
        <Field label="Name" htmlFor={id("name")} error={fe.name}>
          <input
            {...describedBy(id("name"), fe.name)}
            value={v.name}
            placeholder="Old town"
            onChange={(e) => set({ name: e.target.value })}
            className={inputClass}
            data-testid="area-name"
          />
        </Field>
        <Field label="Kind" htmlFor={id("kind")} error={fe.kind}>
          <select
            {...describedBy(id("kind"), fe.kind)}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value === "RADIUS" ? "RADIUS" : "POLYGON" })}
            className={inputClass}
            data-testid="area-kind"
          >
            <option value="POLYGON">Polygon</option>
            <option value="RADIUS">Radius band</option>
          </select>
        </Field>
        <Field label="Order" htmlFor={id("sort")} error={fe.sortOrder} hint="Lowest wins">
          <input
            {...describedBy(id("sort"), fe.sortOrder)}
            inputMode="numeric"
            value={v.sortOrder}
            onChange={(e) => set({ sortOrder: e.target.value })}
            className={inputClass}
            data-testid="area-sort-order"
          />
        </Field>
      </div>
      {v.kind === "POLYGON" ? (
        <Field
          label="Outline points"
          htmlFor={id("points")}
          error={polygonErrors.length ? polygonErrors : undefined}
          hint={`One "latitude, longitude" per line, at least 3, in order around the area (${"points" in parsed ? parsed.points.length : 0} so far)`}
        >
          <textarea
            {...describedBy(id("points"), polygonErrors.length ? polygonErrors : undefined)}
            rows={6}
            value={v.points}
            placeholder={"40.7395, -73.9795\n40.7395, -73.9745\n40.7445, -73.9745"}
            onChange={(e) => set({ points: e.target.value })}
            className={`${inputClass} py-2 font-mono text-sm`}
            data-testid="area-points"
          />
        </Field>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="From (metres)" htmlFor={id("min")} error={fe.minMeters} hint="0 = from the kitchen">
            <input
              {...describedBy(id("min"), fe.minMeters)}
              inputMode="numeric"
              value={v.minMeters}
              onChange={(e) => set({ minMeters: e.target.value })}
              className={inputClass}
              data-testid="area-min-meters"
            />
          </Field>
          <Field label="Up to (metres)" htmlFor={id("max")} error={fe.maxMeters}>
            <input
              {...describedBy(id("max"), fe.maxMeters)}
              inputMode="numeric"
              value={v.maxMeters}
              onChange={(e) => set({ maxMeters: e.target.value })}
              className={inputClass}
              data-testid="area-max-meters"
            />
          </Field>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Delivery fee" htmlFor={id("fee")} error={fe.feeCents}>
          <input
            {...describedBy(id("fee"), fe.feeCents)}
            inputMode="decimal"
            value={v.fee}
            onChange={(e) => set({ fee: e.target.value })}
            className={inputClass}
            data-testid="area-fee"
          />
        </Field>
        <Field label="Minimum order" htmlFor={id("minimum")} error={fe.minimumCents}>
          <input
            {...describedBy(id("minimum"), fe.minimumCents)}
            inputMode="decimal"
            value={v.minimum}
            onChange={(e) => set({ minimum: e.target.value })}
            className={inputClass}
            data-testid="area-minimum"
          />
        </Field>
        <Field label="Travel time (minutes)" htmlFor={id("travel")} error={fe.travelMinutes}>
          <input
            {...describedBy(id("travel"), fe.travelMinutes)}
            inputMode="numeric"
            value={v.travelMinutes}
            onChange={(e) => set({ travelMinutes: e.target.value })}
            className={inputClass}
            data-testid="area-travel-minutes"
          />
        </Field>
      </div>
      <EditorActions message={s.message}>
        <Button type="submit" disabled={s.pending} data-testid="save-area">
          {isNew ? "Add area" : "Save"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {!isNew && (
          <Button
            type="button"
            variant="ghost"
            disabled={s.pending}
            data-testid="archive-area"
            onClick={() =>
              s.start(async () => {
                const r = await archiveDeliveryAreaAction({ id: a.id });
                if (!r.ok) return s.failed(r);
                onDone();
              })
            }
          >
            Archive
          </Button>
        )}
      </EditorActions>
    </EditorForm>
  );
}
