import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { renderTableCardsPdf } from "./render-table-cards";
import { tableGuestUrl } from "./table-url";

export const tableCardsQuerySchema = z.object({
  areaId: idSchema.optional(),
  paper: z.enum(["a4", "letter"]).optional(),
});
export type TableCardsQuery = z.infer<typeof tableCardsQuerySchema>;

const byLabel = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/**
 * The location's active tables as cards (area by area, labels in natural order: 2 before 10),
 * each with the URL its QR code points at; with `svg`, the QR code as an SVG data URL for an
 * <img> (generated here: the page runs no script for it). Another location's area → 404.
 */
export async function listTableCards(ctx: Ctx, raw: TableCardsQuery & { svg?: boolean } = {}) {
  assertCan(ctx, "setup.manage");
  const { areaId } = parseInput(tableCardsQuerySchema, raw);
  const [location, areas] = await Promise.all([
    db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { name: true } }),
    db.floorArea.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      select: { id: true, name: true, sortOrder: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
  ]);
  if (areaId && !areas.some((a) => a.id === areaId)) throw notFound("Area");
  const tables = await db.diningTable.findMany({
    where: { locationId: ctx.locationId, archivedAt: null, area: { archivedAt: null }, ...(areaId ? { areaId } : {}) },
    select: { id: true, label: true, areaId: true, qrToken: true },
  });
  const areaOrder = new Map(areas.map((a, i) => [a.id, i]));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  tables.sort((a, b) => areaOrder.get(a.areaId)! - areaOrder.get(b.areaId)! || byLabel.compare(a.label, b.label));
  const cards = await Promise.all(
    tables.map(async (t) => {
      const url = tableGuestUrl(t.qrToken);
      return {
        id: t.id,
        label: t.label,
        areaId: t.areaId,
        areaName: areaName.get(t.areaId) ?? "",
        url,
        qrSvg: raw.svg ? await qrSvgDataUrl(url) : null,
      };
    }),
  );
  return { restaurant: location.name, areas: areas.map(({ id, name }) => ({ id, name })), cards };
}

/** The QR code (error correction M) as an SVG data URL. */
export async function qrSvgDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** GET /api/v1/tables/qr-cards: the same cards as a printable PDF, six to a page. */
export async function tableCardsPdf(ctx: Ctx, raw: TableCardsQuery = {}): Promise<Uint8Array> {
  const query = parseInput(tableCardsQuerySchema, raw);
  const { restaurant, cards } = await listTableCards(ctx, { areaId: query.areaId });
  return renderTableCardsPdf(cards, { restaurant, paper: query.paper });
}
