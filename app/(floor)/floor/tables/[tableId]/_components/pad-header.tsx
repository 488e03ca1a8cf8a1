"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import type { ActionResult } from "@/lib/http/action";
import { GuestCount } from "./guest-count";
import { GuestOrderingControl, type GuestSessionView } from "./guest-ordering";
import type { OrderView, TableView } from "./types";

const STATUS_BADGE: Record<string, string> = {
  OPEN: "bg-blue-100 text-blue-900",
  SENT: "bg-amber-100 text-amber-900",
  IN_PROGRESS: "bg-amber-200 text-amber-900",
  READY: "bg-green-700 text-white",
  SERVED: "bg-gray-200 text-gray-800",
};

type Realtime = {
  state: Parameters<typeof ConnectionPill>[0]["state"];
  lastEventAt: number | null;
  error: string | null;
};

/** The pad's one-line header at 1024 px: the title side shrinks (truncates), the buttons never wrap. */
export function PadHeader(p: {
  table: TableView;
  order: OrderView;
  realtime: Realtime;
  busy: boolean;
  canClose: boolean;
  hasUnsent: boolean;
  /** The table's guest ordering session as the page read it (ADR 0034). */
  initialGuestSession?: GuestSessionView | null;
  /** Managers: the order's full history (admin console). */
  historyHref?: string;
  onGuestCount: (guestCount: number) => Promise<ActionResult<unknown>>;
  onToggleAttention: () => void;
  onClose: () => void;
}) {
  const { table, order, realtime } = p;
  return (
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
        <GuestCount count={order.guestCount} onSave={p.onGuestCount} />
        {order.server && (
          // Wide screens only: at tablet width the header's controls need the room, and a name squeezed
          // to nothing read "·.".
          <span
            className="hidden min-w-0 truncate text-base font-semibold text-gray-600 xl:inline"
            title={order.server.name}
          >
            · {order.server.name}
          </span>
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
        {p.historyHref && (
          <Link
            href={p.historyHref}
            className="inline-flex min-h-11 items-center rounded-lg px-2 font-semibold text-gray-700 underline"
            data-testid="order-history-link"
          >
            History
          </Link>
        )}
        <ConnectionPill compact state={realtime.state} lastEventAt={realtime.lastEventAt} error={realtime.error} />
        <GuestOrderingControl tableId={table.id} tableLabel={table.label} initialSession={p.initialGuestSession} />
        <Button variant="secondary" disabled={p.busy} onClick={p.onToggleAttention}>
          {table.status === "NEEDS_ATTENTION" ? "Clear attention" : "Needs attention"}
        </Button>
        {p.canClose && (
          <Button
            variant="secondary"
            disabled={p.busy || p.hasUnsent}
            title={p.hasUnsent ? "Send or remove the unsent lines first" : undefined}
            onClick={p.onClose}
          >
            Close table
          </Button>
        )}
      </div>
    </div>
  );
}

/** Food waiting at the pass: in the layout flow (never over the menu or the ticket), dismissible. */
export function ReadyBanner(p: { readyCount: number; busy: boolean; onServed: () => void; onHide: () => void }) {
  return (
    <div
      role="alert"
      data-testid="food-ready"
      className="flex shrink-0 items-center justify-between gap-3 rounded-xl bg-green-700 py-1 pl-4 pr-1 font-bold text-white"
    >
      <span className="truncate text-lg">Food ready at the pass — {p.readyCount} item(s)</span>
      <span className="flex shrink-0 items-center gap-1">
        <Button variant="secondary" disabled={p.busy} onClick={p.onServed}>
          Mark served
        </Button>
        <button
          type="button"
          aria-label="Hide until more food is ready"
          onClick={p.onHide}
          className="min-h-11 min-w-11 rounded-lg text-2xl leading-none hover:bg-green-800"
        >
          ×
        </button>
      </span>
    </div>
  );
}
