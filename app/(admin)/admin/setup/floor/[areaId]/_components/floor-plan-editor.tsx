"use client";

import { DndContext, PointerSensor, useDraggable, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { GRID_COLS, GRID_ROWS, rotateBy, snapMove } from "@/lib/tables/floor-grid";
import { AddTableForm, TablePanel } from "./table-panel";
import { useAreaPlan } from "./use-area-plan";
import { SHAPE_LABEL, type AreaPlan, type PlanTable } from "./types";

/** Pixels per grid cell in the editor (the 32×24 room fits the console at 1440 px). */
const CELL = 28;

const INSTRUCTIONS =
  "Drag a table to move it. With a table focused: arrow keys move it one cell (Shift: four cells), R turns it 15° clockwise, Shift+R anticlockwise; Enter selects it to edit or archive.";

function describe(t: PlanTable) {
  return `Table ${t.label}, ${t.seats} seats, ${SHAPE_LABEL[t.shape].toLowerCase()}, column ${t.posX + 1} row ${t.posY + 1}${t.rotation ? `, turned ${t.rotation}°` : ""}`;
}

function DraggableTable({
  table,
  selected,
  onSelect,
  onKey,
}: {
  table: PlanTable;
  selected: boolean;
  onSelect: () => void;
  onKey: (e: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: table.id });
  return (
    <button
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      type="button"
      role="button"
      aria-pressed={selected}
      aria-label={describe(table)}
      data-testid="plan-table"
      data-label={table.label}
      data-pos={`${table.posX},${table.posY}`}
      data-rotation={table.rotation}
      onClick={onSelect}
      onKeyDown={(e) => {
        onKey(e);
        listeners?.onKeyDown?.(e);
      }}
      className={`absolute flex touch-none items-center justify-center outline-offset-2 focus-visible:outline-3 focus-visible:outline-blue-600 ${isDragging ? "z-20 cursor-grabbing opacity-80" : "z-10 cursor-grab"}`}
      style={{
        left: table.posX * CELL,
        top: table.posY * CELL,
        width: table.width * CELL,
        height: table.height * CELL,
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
      }}
    >
      <span
        aria-hidden
        className={`absolute inset-0.5 border-2 ${selected ? "border-blue-700 bg-blue-100" : "border-gray-600 bg-amber-50"} ${table.shape === "ROUND" ? "rounded-full" : "rounded-md"}`}
        style={{ transform: table.rotation ? `rotate(${table.rotation}deg)` : undefined }}
      />
      <span className="relative text-sm font-black text-gray-900">{table.label}</span>
    </button>
  );
}

/** Drag-and-drop plan of one area, with a keyboard path for every action. */
export function FloorPlanEditor({ initial, areas }: { initial: AreaPlan; areas: { id: string; name: string }[] }) {
  const { plan, isError, refetch, update, create, archive } = useAreaPlan(initial);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [placeAt, setPlaceAt] = useState<{ posX: number; posY: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Saves still on their way (each move is its own request), and whether any has finished. */
  const [saving, setSaving] = useState(0);
  const [saved, setSaved] = useState(false);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const active = plan.tables.filter((t) => !t.archivedAt);
  const archived = plan.tables.filter((t) => t.archivedAt);
  const selected = active.find((t) => t.id === selectedId) ?? null;

  // Changes sent but not yet in the plan: a second key press builds on the first, not on the
  // position still drawn (the optimistic update lands a tick later).
  const inFlight = useRef(new Map<string, { count: number; changes: Partial<PlanTable> }>());
  const latest = (t: PlanTable): PlanTable => ({ ...t, ...inFlight.current.get(t.id)?.changes });

  const change = (table: PlanTable, changes: Parameters<typeof update.mutate>[0]["changes"]) => {
    setError(null);
    setSaving((n) => n + 1);
    const pending = inFlight.current.get(table.id);
    inFlight.current.set(table.id, {
      count: (pending?.count ?? 0) + 1,
      changes: { ...pending?.changes, ...(changes as Partial<PlanTable>) },
    });
    // mutateAsync, not mutate's callbacks: those fire for the latest call only, and every move
    // (arrows, R, a drag) is its own request that must be counted when it settles.
    update
      .mutateAsync({ id: table.id, changes })
      .catch((e: Error) => {
        inFlight.current.delete(table.id);
        setError(`Table ${table.label} was not changed: ${e.message}`);
      })
      .finally(() => {
        setSaving((n) => n - 1);
        setSaved(true);
        const p = inFlight.current.get(table.id);
        if (p && --p.count <= 0) inFlight.current.delete(table.id);
      });
  };
  const moveBy = (table: PlanTable, dx: number, dy: number) => {
    const t = latest(table);
    const next = snapMove(t, dx, dy, 1);
    if (next.posX !== t.posX || next.posY !== t.posY) change(t, { posX: next.posX, posY: next.posY });
  };
  const turn = (table: PlanTable, steps: number) =>
    change(table, { rotation: rotateBy(latest(table).rotation, steps) });

  const onDragEnd = ({ active: a, delta }: DragEndEvent) => {
    const t = active.find((x) => x.id === a.id);
    if (!t) return;
    setSelectedId(t.id);
    const next = snapMove(t, delta.x, delta.y, CELL);
    if (next.posX !== t.posX || next.posY !== t.posY) change(t, { posX: next.posX, posY: next.posY });
  };

  const onKey = (t: PlanTable) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.shiftKey ? 4 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (moves[e.key]) {
      e.preventDefault();
      setSelectedId(t.id);
      moveBy(t, ...moves[e.key]);
    } else if (e.key === "r" || e.key === "R") {
      e.preventDefault();
      setSelectedId(t.id);
      turn(t, e.shiftKey ? -1 : 1);
    }
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p id="plan-instructions" className="text-sm text-gray-600">
          {INSTRUCTIONS} Click an empty spot to choose where the next table goes.
        </p>
        {/* Moves save one by one in the background: say when leaving the page loses nothing. */}
        <p role="status" data-testid="plan-save-state" className="text-sm font-medium text-gray-700">
          {saving > 0 ? "Saving…" : saved && !error ? "All changes saved" : ""}
        </p>
      </div>
      {(error || isError) && (
        <div role="alert" className="flex items-center gap-3 rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {error ?? "Couldn't load the latest plan."}
          {isError && (
            <Button variant="secondary" onClick={() => refetch()}>
              Retry
            </Button>
          )}
        </div>
      )}
      <div className="flex items-start gap-4">
        <div className="shrink-0 overflow-auto rounded-xl border border-gray-300 bg-white">
          <DndContext
            sensors={sensors}
            onDragEnd={onDragEnd}
            accessibility={{
              screenReaderInstructions: { draggable: INSTRUCTIONS },
              announcements: {
                onDragStart: () => "Moving the table.",
                onDragOver: () => "",
                onDragEnd: () => "Table dropped.",
                onDragCancel: () => "Move cancelled.",
              },
            }}
          >
            <div
              role="group"
              aria-label={`Plan of ${plan.name}: ${active.length} tables`}
              data-testid="plan-canvas"
              className="relative"
              style={{
                width: GRID_COLS * CELL,
                height: GRID_ROWS * CELL,
                backgroundImage:
                  "linear-gradient(to right, rgb(229 231 235) 1px, transparent 1px), linear-gradient(to bottom, rgb(229 231 235) 1px, transparent 1px)",
                backgroundSize: `${CELL}px ${CELL}px`,
              }}
              onClick={(e) => {
                if (e.target !== e.currentTarget) return;
                const box = e.currentTarget.getBoundingClientRect();
                setSelectedId(null);
                setPlaceAt({
                  posX: Math.min(GRID_COLS - 1, Math.floor((e.clientX - box.left) / CELL)),
                  posY: Math.min(GRID_ROWS - 1, Math.floor((e.clientY - box.top) / CELL)),
                });
              }}
            >
              {placeAt && (
                <span
                  aria-hidden
                  data-testid="place-marker"
                  className="pointer-events-none absolute border-2 border-dashed border-blue-500"
                  style={{ left: placeAt.posX * CELL, top: placeAt.posY * CELL, width: 2 * CELL, height: 2 * CELL }}
                />
              )}
              {active.map((t) => (
                <DraggableTable
                  key={t.id}
                  table={t}
                  selected={t.id === selectedId}
                  onSelect={() => setSelectedId(t.id)}
                  onKey={onKey(t)}
                />
              ))}
            </div>
          </DndContext>
        </div>
        <aside className="min-w-0 flex-1 space-y-4" aria-label="Table tools">
          {selected ? (
            <TablePanel
              key={`${selected.id}-${selected.label}-${selected.seats}-${selected.shape}-${selected.width}-${selected.height}`}
              table={selected}
              areas={areas}
              pending={update.isPending || archive.isPending}
              onClose={() => setSelectedId(null)}
              onMove={(dx, dy) => moveBy(selected, dx, dy)}
              onTurn={(steps) => turn(selected, steps)}
              onSave={(changes) =>
                update.mutateAsync({ id: selected.id, changes }).then(
                  () => null,
                  (e: unknown) => e,
                )
              }
              onArchive={() => {
                setError(null);
                archive.mutate(
                  { id: selected.id, archived: true },
                  {
                    onSuccess: () => setSelectedId(null),
                    onError: (e) => setError(e.message),
                  },
                );
              }}
            />
          ) : (
            <AddTableForm
              areaId={plan.id}
              placeAt={placeAt}
              pending={create.isPending}
              onCreate={(input) =>
                create.mutateAsync(input).then(
                  (r) => {
                    setSelectedId(r.id);
                    setPlaceAt(null);
                    return null;
                  },
                  (e: unknown) => e,
                )
              }
            />
          )}
          {archived.length > 0 && (
            <section aria-labelledby="archived-tables" className="rounded-xl border border-gray-200 bg-white p-3">
              <h2 id="archived-tables" className="mb-2 font-semibold">
                Archived tables
              </h2>
              <ul className="space-y-1">
                {archived.map((t) => (
                  <li key={t.id} className="flex items-center justify-between gap-2">
                    <span className="text-gray-700">Table {t.label}</span>
                    <Button
                      variant="secondary"
                      aria-label={`Restore table ${t.label}`}
                      disabled={archive.isPending}
                      onClick={() =>
                        archive.mutate({ id: t.id, archived: false }, { onError: (e) => setError(e.message) })
                      }
                    >
                      Restore
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
