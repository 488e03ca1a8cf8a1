import type { Metadata } from "next";
import type { Ctx } from "@/lib/auth/context";
import { requireUser } from "@/lib/auth/session";

import { idSchema } from "@/lib/validation";
import { getTable } from "@/lib/tables/get-table";
import { getOrder } from "@/lib/orders/get-order";
import { getOrderPadMenu } from "@/lib/menu/get-order-pad-menu";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { OpenTable } from "./_components/open-table";
import { OrderPad } from "./_components/order-pad";
import type { MenuView, OrderView } from "./_components/types";
import type { GuestSessionView } from "./_components/guest-ordering";
import { getTableGuestSession } from "@/lib/guest/get-table-guest-session";
import { notFound, redirect } from "next/navigation";
import { orNotFound } from "@/lib/http/or-not-found";
import { can } from "@/lib/auth/permissions";
import { listApprovers } from "@/lib/staff/list-approvers";

const APPROVED_ACTS = ["orders.voidSent", "checks.discountAny", "payments.refund", "checks.reopen"] as const;

export const metadata: Metadata = { title: "Order pad" };

/** JSON round trip: the client gets exactly what it later refetches from /api/v1. */
const plain = <T,>(v: unknown) => JSON.parse(JSON.stringify(v)) as T;

/**
 * Rendered whole, nothing streamed: access and the table are settled first, so a refusal answers
 * 403 and an unknown table 404 (a loading.tsx would commit 200 first), and no Suspense boundary
 * streams in late (React 19.2's batched reveal can race hydration and leave a second, hidden copy
 * of the pad in the DOM for ~300 ms: docs/adr/0015).
 */
export default async function TablePage({
  params,
  searchParams,
}: {
  params: Promise<{ tableId: string }>;
  searchParams: Promise<{ check?: string | string[] }>;
}) {
  const ctx = await requireUser("floor.use");
  const { tableId } = await params;
  const { check } = await searchParams;
  if (!idSchema.safeParse(tableId).success) notFound();
  const table = await orNotFound(getTable(ctx, { tableId }));
  // A table pushed against another is that party's table: its order pad is the primary's.
  if (table.mergedIntoId) redirect(`/floor/tables/${table.mergedIntoId}`);
  if (!table.openOrderId) return <OpenTable table={table} />;
  return (
    <OrderPadLoader
      ctx={ctx}
      table={table}
      orderId={table.openOrderId}
      initialCheck={typeof check === "string" && (check === "open" || idSchema.safeParse(check).success) ? check : null}
    />
  );
}

async function OrderPadLoader({
  ctx,
  table,
  orderId,
  initialCheck,
}: {
  ctx: Ctx;
  table: Awaited<ReturnType<typeof getTable>>;
  orderId: string;
  initialCheck: string | null;
}) {
  const [order, menu, approvers, guestSession] = await Promise.all([
    getOrder(ctx, { orderId }),
    getOrderPadMenu(ctx),
    // Only someone who may not void sent lines, discount above a limit, refund or reopen alone
    // needs the managers who can approve it.
    APPROVED_ACTS.every((p) => can(ctx, p)) ? [] : listApprovers(ctx),
    getTableGuestSession(ctx, table.id),
  ]);
  return (
    <OrderPad
      key={order.id}
      table={table}
      initialOrder={plain<OrderView>(order)}
      initialMenu={plain<MenuView>(menu)}
      config={pusherClientConfig()}
      locationId={ctx.locationId}
      role={ctx.role}
      approvers={approvers}
      initialCheck={initialCheck}
      initialGuestSession={plain<GuestSessionView | null>(guestSession)}
    />
  );
}
