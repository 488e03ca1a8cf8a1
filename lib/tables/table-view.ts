import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** What the setup console and /api/v1/tables show of a table. */
export const TABLE_SELECT = {
  id: true,
  areaId: true,
  label: true,
  seats: true,
  shape: true,
  posX: true,
  posY: true,
  width: true,
  height: true,
  rotation: true,
  archivedAt: true,
  _count: { select: { orders: { where: { status: { notIn: ["CLOSED", "VOIDED"] } } } } },
} satisfies Prisma.DiningTableSelect;

type TableRow = {
  _count: { orders: number };
  archivedAt: Date | null;
} & Record<string, unknown>;

export function tableView<T extends TableRow>({ _count, ...t }: T) {
  return { ...t, hasOpenOrder: _count.orders > 0 };
}
