import type { Metadata } from "next";
import { orNotFound } from "@/lib/http/or-not-found";
import { getPublicMenu, type PublicMenu } from "@/lib/online/get-public-menu";
import { OrderSite } from "./_components/order-site";

export const metadata: Metadata = { title: "Order online" };

// The public ordering site of one location (/order/<slug>): no staff sign-in; the customer
// verifies their phone at checkout. 404 when the location does not take online orders.
export default async function OrderSitePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const menu = await orNotFound(getPublicMenu(slug));
  return <OrderSite slug={slug} initialMenu={JSON.parse(JSON.stringify(menu)) as PublicMenu} />;
}
