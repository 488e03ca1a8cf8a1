"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { Course, Role } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { fetchJson } from "@/components/realtime/fetch-json";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { COURSES, COURSE_LABEL, defaultCourseFor } from "@/lib/orders/courses";
import { canMoveOrder } from "@/lib/orders/order-state";
import { computeTotals } from "@/lib/orders/totals";

import {
  fireCourseAction,
  flagTableAction,
  markServedAction,
  setGuestCountAction,
  updateOrderStatusAction,
  voidItemAction,
} from "../../../actions";
import { useFloorRealtime } from "../../../_components/use-floor-realtime";
import { GuestCount } from "./guest-count";
import { ItemSheet } from "./item-sheet";
import { MenuPanel } from "./menu-panel";
import { TicketPanel } from "./ticket-panel";
import { VoidDialog } from "./void-dialog";
import { addLine, useDraft } from "./use-draft";
import type { DraftLine, MenuItemView, MenuView, OrderLineView, OrderView, TableView } from "./types";
import { can } from "@/lib/auth/permissions";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { useNotice, usePadActions } from "./use-pad-actions";
import { useSendOrder } from "./use-send-order";

type Props = {
  table: TableView;
  initialOrder: OrderView;
  initialMenu: MenuView;
  config: PusherClientConfig;
  locationId: string;
  role: Role;
};

type SheetState = { item: MenuItemView; line: DraftLine | null; course: Course } | null;

const STATUS_BADGE: Record<string, string> = {
  OPEN: "bg-blue-100 text-blue-900",
  SENT: "bg-amber-100 text-amber-900",
  IN_PROGRESS: "bg-amber-200 text-amber-900",
  READY: "bg-green-700 text-white",
  SERVED: "bg-gray-200 text-gray-800",
};

export function OrderPad({ table, initialOrder, initialMenu, config, locationId, role }: Props) {
  const router = useRouter();
  const qc = useQueryClient();
  const orderId = initialOrder.id;
  const { data: order } = useQuery({
    queryKey: ["order", orderId],
    queryFn: () => fetchJson<{ order: OrderView }>(`/api/v1/orders/${orderId}`).then((r) => r.order),
    initialData: initialOrder,
    refetchInterval: 30_000,
  });
  const { data: menu } = useQuery({
    queryKey: ["order-pad-menu"],
    queryFn: () => fetchJson<MenuView>("/api/v1/menu/order-pad"),
    initialData: initialMenu,
    refetchInterval: 5 * 60_000, // availability windows open and close during service
  });
  const realtime = useFloorRealtime(config, locationId);
  const { draft, setDraft } = useDraft(orderId);

  const [seat, setSeat] = useState<number | null>(null);
  const [course, setCourse] = useState<Course | "AUTO">("AUTO");
  const [sheet, setSheet] = useState<SheetState>(null);
  const [voiding, setVoiding] = useState<{ line: OrderLineView; error: string | null } | null>(null);
  /** The ready count the server hid the banner at; it comes back when more food is ready. */
  const [readyDismissedAt, setReadyDismissedAt] = useState<number | null>(null);

  const refresh = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ["order", orderId] });
    void qc.invalidateQueries({ queryKey: ["floor"] });
  }, [qc, orderId]);
  const { notice, flash } = useNotice();
  const { run, withBusy, busy } = usePadActions(flash, refresh);
  const { send, sending, sendError, clearSendError } = useSendOrder({
    orderId,
    draft,
    setDraft,
    onSent: (message) => {
      flash("ok", message);
      refresh();
    },
    onMenuStale: () => void qc.invalidateQueries({ queryKey: ["order-pad-menu"] }),
  });

  const totals = useMemo(
    () =>
      computeTotals(
        [
          ...order.items.map((i) => ({ ...i, voided: i.status === "VOIDED" })),
          ...draft.lines.map((l) => ({
            unitPriceCents: l.unitPriceCents,
            modifiersCents: l.modifiersCents,
            quantity: l.quantity,
            taxRateBps: l.taxRateBps,
          })),
        ],
        menu.location.taxRateBps,
      ),
    [order.items, draft.lines, menu.location.taxRateBps],
  );

  const editable = !draft.pendingSend && !sending;
  const canClose = can(role, "orders.close") && canMoveOrder(order.status, order.items, "close");

  function pick(item: MenuItemView, categoryName: string) {
    const lineCourse = course === "AUTO" ? defaultCourseFor(categoryName) : course;
    if (item.modifierGroups.length > 0) {
      setSheet({ item, line: null, course: lineCourse });
      return;
    }
    setDraft((d) => ({
      ...d,
      lines: addLine(d.lines, {
        key: crypto.randomUUID(),
        menuItemId: item.id,
        name: item.name,
        unitPriceCents: item.priceCents,
        taxRateBps: item.taxRateBps,
        modifierIds: [],
        modifierNames: [],
        modifiersCents: 0,
        quantity: 1,
        seat,
        course: lineCourse,
        notes: "",
        allergens: item.allergens,
      }),
    }));
    clearSendError();
  }

  function editLine(line: DraftLine) {
    const item = menu.categories.flatMap((c) => c.items).find((i) => i.id === line.menuItemId);
    if (!item) {
      flash("error", `${line.name} is no longer on the menu; remove it.`);
      return;
    }
    setSheet({ item, line, course: line.course });
  }

  const seats = Math.max(order.guestCount, 1);
  const readyCount = order.items.filter((i) => i.status === "READY").reduce((n, i) => n + i.quantity, 0);
  const showReady = readyCount > 0 && readyDismissedAt !== readyCount;

  return (
    <div className="flex h-[calc(100dvh-5.5rem)] min-h-[36rem] flex-col gap-2" data-testid="order-pad">
      {/* One line at 1024 px: the title side shrinks (truncates), the buttons never wrap. */}
      <div className="flex items-center justify-between gap-2 whitespace-nowrap" data-testid="pad-header">
        <div className="flex min-w-0 items-center gap-2">
          <Link
            href="/floor"
            className="inline-flex min-h-11 shrink-0 items-center rounded-lg bg-white px-3 font-semibold shadow-sm"
          >
            ← Floor
          </Link>
          <h1 className="shrink-0 text-2xl font-black">Table {table.label}</h1>
          <span className="shrink-0 text-base font-semibold text-gray-600">#{order.number}</span>
          <GuestCount
            count={order.guestCount}
            onSave={async (guestCount) => {
              const res = await setGuestCountAction({ orderId, guestCount });
              if (res.ok) {
                flash("ok", `${guestCount} ${guestCount === 1 ? "guest" : "guests"} at table ${table.label}`);
                refresh();
              }
              return res;
            }}
          />
          {order.server && (
            <span className="min-w-0 truncate text-base font-semibold text-gray-600">· {order.server.name}</span>
          )}
          <span
            data-testid="order-status"
            data-status={order.status}
            className={`shrink-0 rounded-full px-2.5 py-0.5 text-sm font-bold ${STATUS_BADGE[order.status] ?? "bg-gray-100"}`}
          >
            {order.status.replace("_", " ").toLowerCase()}
          </span>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <ConnectionPill compact state={realtime.state} lastEventAt={realtime.lastEventAt} error={realtime.error} />
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() =>
              run(
                () => flagTableAction({ tableId: table.id, attention: table.status !== "NEEDS_ATTENTION" }),
                "Table updated",
              ).then(() => router.refresh())
            }
          >
            {table.status === "NEEDS_ATTENTION" ? "Clear attention" : "Needs attention"}
          </Button>
          {canClose && (
            <Button
              variant="secondary"
              disabled={busy || draft.lines.length > 0}
              title={draft.lines.length ? "Send or remove the unsent lines first" : undefined}
              onClick={async () => {
                if (!window.confirm(`Close table ${table.label}? Held or unsent lines are dropped.`)) return;
                if (
                  await run(() => updateOrderStatusAction({ orderId, status: "CLOSED" }), `Table ${table.label} closed`)
                )
                  router.push("/floor");
              }}
            >
              Close table
            </Button>
          )}
        </div>
      </div>

      {/* In the layout flow (never over the menu or the ticket): the panels below shrink and scroll. */}
      {showReady && (
        <div
          role="alert"
          data-testid="food-ready"
          className="flex shrink-0 items-center justify-between gap-3 rounded-xl bg-green-700 py-1 pl-4 pr-1 font-bold text-white"
        >
          <span className="truncate text-lg">Food ready at the pass — {readyCount} item(s)</span>
          <span className="flex shrink-0 items-center gap-1">
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => run(() => markServedAction({ orderId }), "Marked served")}
            >
              Mark served
            </Button>
            <button
              type="button"
              aria-label="Hide until more food is ready"
              onClick={() => setReadyDismissedAt(readyCount)}
              className="min-h-11 min-w-11 rounded-lg text-2xl leading-none hover:bg-green-800"
            >
              ×
            </button>
          </span>
        </div>
      )}

      <div className="flex min-h-0 flex-1 gap-3">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl bg-white p-2 shadow-sm">
            <SegmentedControl
              label="Seat for new items"
              caption="Seat"
              value={seat}
              onChange={setSeat}
              options={[
                { value: null, label: "All" },
                ...Array.from({ length: seats }, (_, i) => ({ value: i + 1, label: i + 1 })),
              ]}
            />
            <SegmentedControl
              label="Course for new items"
              caption="Course"
              className="flex items-center gap-1"
              buttonClassName="text-sm"
              value={course}
              onChange={setCourse}
              options={(["AUTO", ...COURSES] as const).map((c) => ({
                value: c,
                label: c === "AUTO" ? "Auto" : COURSE_LABEL[c],
              }))}
            />
          </div>
          <MenuPanel menu={menu} onPick={pick} disabled={!editable} />
        </div>

        <TicketPanel
          order={order}
          draft={draft}
          totals={totals}
          currency={menu.location.currency}
          role={role}
          sending={sending}
          sendError={sendError}
          notice={notice}
          busy={busy}
          onEditLine={editLine}
          onRemoveLine={(key) => setDraft((d) => ({ ...d, lines: d.lines.filter((l) => l.key !== key) }))}
          onToggleHold={(c) =>
            setDraft((d) => ({
              ...d,
              holdCourses: d.holdCourses.includes(c) ? d.holdCourses.filter((x) => x !== c) : [...d.holdCourses, c],
            }))
          }
          onSend={send}
          onDiscardPending={() => {
            if (
              window.confirm(
                "Unlock the order for editing? If the kitchen already got it, sending again would duplicate it.",
              )
            )
              setDraft((d) => ({ ...d, pendingSend: null }));
          }}
          onFire={(c) =>
            void run(
              () => fireCourseAction({ orderId, course: c, idempotencyKey: crypto.randomUUID() }),
              `${COURSE_LABEL[c]} fired`,
            )
          }
          onVoid={(line) => setVoiding({ line, error: null })}
        />
      </div>

      {sheet && (
        <ItemSheet
          item={sheet.item}
          line={sheet.line}
          defaults={{ seat, course: sheet.course }}
          seats={seats}
          currency={menu.location.currency}
          onClose={() => setSheet(null)}
          onSave={(line) => {
            setDraft((d) => ({
              ...d,
              lines: sheet.line ? d.lines.map((l) => (l.key === line.key ? line : l)) : addLine(d.lines, line),
            }));
            clearSendError();
            setSheet(null);
          }}
        />
      )}
      {voiding && (
        <VoidDialog
          name={`${voiding.line.quantity}× ${voiding.line.name}`}
          pending={busy}
          error={voiding.error}
          onClose={() => setVoiding(null)}
          onConfirm={(reason) =>
            withBusy(async () => {
              try {
                const res = await voidItemAction({ orderId, orderItemId: voiding.line.id, reason });
                if (res.ok) {
                  setVoiding(null);
                  flash("ok", `${voiding.line.name} voided`);
                  refresh();
                } else setVoiding({ line: voiding.line, error: res.fieldErrors?.reason?.[0] ?? res.error });
              } catch {
                setVoiding({ line: voiding.line, error: "Couldn't reach the server. Try again." });
              }
            })
          }
        />
      )}
    </div>
  );
}
