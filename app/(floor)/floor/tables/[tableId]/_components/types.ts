import type { z } from "zod";
import type { sendOrderSchema } from "@/lib/orders/schemas";
import type { Course } from "@/generated/prisma/enums";
import type { OrderDetail } from "@/lib/orders/get-order";
import type { OrderPadMenu, OrderPadItem } from "@/lib/menu/get-order-pad-menu";

import type { Jsonify } from "@/lib/jsonify";
export type { Jsonify };

export type OrderView = Jsonify<OrderDetail>;
export type OrderLineView = OrderView["items"][number];
export type MenuView = Jsonify<OrderPadMenu>;
export type MenuItemView = Jsonify<OrderPadItem>;
export type TableView = { id: string; label: string; seats: number; status: string; area: { name: string } };

/** A line composed on the tablet, not yet sent (kept in localStorage until it is). */
export type DraftLine = {
  key: string;
  menuItemId: string;
  name: string;
  unitPriceCents: number;
  taxRateBps: number;
  modifierIds: string[];
  modifierNames: string[];
  modifiersCents: number;
  quantity: number;
  seat: number | null;
  course: Course;
  notes: string;
  allergens: string[];
};

/** What the tablet posts to send: the send schema's output without the path id and the key header. */
export type SendBody = Omit<z.output<typeof sendOrderSchema>, "orderId" | "idempotencyKey">;

export type Draft = {
  lines: DraftLine[];
  holdCourses: Course[];
  /** A send whose answer never arrived: retried with the same key and body, draft locked meanwhile. */
  pendingSend: { key: string; body: SendBody } | null;
};
