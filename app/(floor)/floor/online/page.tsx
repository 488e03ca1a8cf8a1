import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listOnlineOrders, type OnlineOrderList } from "@/lib/online/list-online-orders";
import { OnlineOrdersList } from "./_components/online-orders-list";

export const metadata: Metadata = { title: "Online orders" };

/** Today's pickup and delivery orders for the counter and expo: status, promised time, first name. */
export default async function OnlineOrdersPage() {
  const ctx = await requireUser("online.orders");
  const list = await listOnlineOrders(ctx);
  return (
    <OnlineOrdersList
      initial={JSON.parse(JSON.stringify(list)) as OnlineOrderList}
      canCancel={can(ctx, "orders.voidSent")}
      canTakePayment={can(ctx, "payments.take")}
    />
  );
}
