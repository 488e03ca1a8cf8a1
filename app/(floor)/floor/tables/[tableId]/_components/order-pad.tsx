"use client";

import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { Course, Role } from "@/generated/prisma/enums";

import { fetchJson } from "@/components/realtime/fetch-json";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { COURSES, COURSE_LABEL, courseFor } from "@/lib/menu/courses";
import { canMoveOrder, itemReachedKitchen } from "@/lib/orders/order-state";
import { computeTotals } from "@/lib/orders/totals";

import {
  fireCourseAction,
  flagTableAction,
  markServedAction,
  setGuestCountAction,
  voidItemAction,
} from "../../../actions";
import { useFloorRealtime } from "../../../_components/use-floor-realtime";

import { ItemSheet } from "./item-sheet";
import { MenuPanel } from "./menu-panel";
import { TicketPanel } from "./ticket-panel";
import { VoidDialog } from "./void-dialog";
import { addLine, useDraft } from "./use-draft";
import type { DraftLine, MenuItemView, MenuView, OrderLineView, OrderView, TableView } from "./types";
import { can, voidRefusal } from "@/lib/auth/permissions";
import type { ApproverView } from "@/components/manager-approval";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { useNotice, usePadActions } from "./use-pad-actions";
import { useSendOrder } from "./use-send-order";
import { PadHeader, ReadyBanner } from "./pad-header";
import { CheckPanel } from "./check-panel";
import { CloseTableDialog } from "./close-table-dialog";
import { TransferDialog } from "./transfer-dialog";
import type { GuestSessionView } from "./guest-ordering";

type Props = {
  table: TableView;
  initialOrder: OrderView;
  initialMenu: MenuView;
  config: PusherClientConfig;
  locationId: string;
  role: Role;
  /** Managers who can approve by PIN what this role may not do alone (voids, comps, refunds, reopen, close). */
  approvers: ApproverView[];
  /** Open the check panel at once (the cashier's list links here with ?check=…). */
  initialCheck?: string | null;
  /** The table's guest ordering session (PIN, who joined), when one is open. */
  initialGuestSession?: GuestSessionView | null;
};

type SheetState = { item: MenuItemView; line: DraftLine | null; course: Course } | null;

export function OrderPad({
  table,
  initialOrder,
  initialMenu,
  config,
  locationId,
  role,
  approvers,
  initialCheck,
  initialGuestSession,
}: Props) {
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
  // The location's settings choose which courses the pad offers (all of them before they were set).
  const offered: readonly Course[] = menu.location.coursesUsed?.length ? menu.location.coursesUsed : COURSES;
  const [sheet, setSheet] = useState<SheetState>(null);
  const [voiding, setVoiding] = useState<{ line: OrderLineView; error: string | null; shake?: number } | null>(null);
  const [money, setMoney] = useState<"checks" | "close" | "transfer" | null>(initialCheck ? "checks" : null);
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
    const lineCourse = course === "AUTO" ? courseFor(categoryName, offered) : course;
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
      <PadHeader
        table={table}
        order={order}
        realtime={realtime}
        busy={busy}
        canClose={canClose}
        hasUnsent={draft.lines.length > 0}
        initialGuestSession={initialGuestSession}
        historyHref={can(role, "audit.view") ? `/admin/orders/${order.id}` : undefined}
        onGuestCount={async (guestCount) => {
          const res = await setGuestCountAction({ orderId, guestCount });
          if (res.ok) {
            flash("ok", `${guestCount} ${guestCount === 1 ? "guest" : "guests"} at table ${table.label}`);
            refresh();
          }
          return res;
        }}
        onToggleAttention={() =>
          run(
            () => flagTableAction({ tableId: table.id, attention: table.status !== "NEEDS_ATTENTION" }),
            "Table updated",
          ).then(() => router.refresh())
        }
        onClose={() => setMoney("close")}
      />
      {showReady && (
        <ReadyBanner
          readyCount={readyCount}
          busy={busy}
          onServed={() => run(() => markServedAction({ orderId }), "Marked served")}
          onHide={() => setReadyDismissedAt(readyCount)}
        />
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
              options={(["AUTO", ...offered] as const).map((c) => ({
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
          onChecks={() => setMoney("checks")}
        />
      </div>

      {sheet && (
        <ItemSheet
          item={sheet.item}
          line={sheet.line}
          defaults={{ seat, course: sheet.course }}
          courses={offered}
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
      {money === "checks" && (
        <CheckPanel
          orderId={orderId}
          tableLabel={table.label}
          role={role}
          approvers={approvers}
          initialCheckId={initialCheck && initialCheck !== "open" ? initialCheck : null}
          onClose={() => setMoney(null)}
          onTransfer={() => setMoney("transfer")}
          onCloseTable={() => setMoney("close")}
        />
      )}
      {money === "close" && (
        <CloseTableDialog
          orderId={orderId}
          tableLabel={table.label}
          role={role}
          approvers={approvers}
          hasUnsent={draft.lines.length > 0}
          kitchenBusy={order.items.some((i) => i.status === "SENT" || i.status === "READY")}
          onOpenChecks={() => setMoney("checks")}
          onClose={() => setMoney(null)}
          onClosed={() => {
            setMoney(null);
            flash("ok", `Table ${table.label} closed`);
            refresh();
            router.push("/floor");
          }}
        />
      )}
      {money === "transfer" && (
        <TransferDialog
          orderId={orderId}
          tableId={table.id}
          currentServerId={order.server?.id ?? null}
          onClose={() => setMoney("checks")}
          onDone={({ toTableId, message }) => {
            setMoney(null);
            flash("ok", message || "Transferred");
            refresh();
            if (toTableId) router.push(`/floor/tables/${toTableId}`);
            else router.refresh();
          }}
        />
      )}
      {voiding && (
        <VoidDialog
          name={`${voiding.line.quantity}× ${voiding.line.name}`}
          pending={busy}
          error={voiding.error}
          shake={voiding.shake}
          approvers={voidRefusal(role, itemReachedKitchen(voiding.line.status)) ? approvers : null}
          onClose={() => setVoiding(null)}
          onConfirm={(reason, approval) =>
            withBusy(async () => {
              try {
                const res = await voidItemAction({ orderId, orderItemId: voiding.line.id, reason, approval });
                if (res.ok) {
                  setVoiding(null);
                  flash("ok", `${voiding.line.name} voided`);
                  refresh();
                } else
                  setVoiding({
                    line: voiding.line,
                    error: approvalError(res.fieldErrors) ?? res.fieldErrors?.reason?.[0] ?? res.error,
                    // A wrong PIN shakes the pad and clears it for another try.
                    shake: res.fieldErrors?.["approval.pin"] ? (voiding.shake ?? 0) + 1 : voiding.shake,
                  });
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

/** The approval's own message (wrong PIN, not a manager, wrong password), when the refusal was about it. */
function approvalError(fieldErrors: Record<string, string[]> | undefined): string | null {
  const key = Object.keys(fieldErrors ?? {}).find((k) => k === "approval" || k.startsWith("approval."));
  return key ? fieldErrors![key][0] : null;
}
