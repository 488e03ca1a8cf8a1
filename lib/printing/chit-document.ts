// A kitchen chit: what a station without a screen prints for one fired ticket. Same content
// rules as the kitchen display (lib/kitchen/station-routing.ts): table, order number, server,
// courses, items with seats, options and notes, allergy banners — never a price. Pure.
import { COURSE_LABEL } from "../menu/courses";
import type { Course } from "@/generated/prisma/enums";
import { courseSections, type Ticket } from "../kitchen/station-routing";
import type { PrintDocument, PrintLine } from "./document";

export type ChitContext = {
  stationName: string;
  /** The ticket's fire time, already formatted in the location's time zone ("19:42"). */
  firedAtLabel: string;
  reprint?: boolean;
  /** A void chit: the lines were struck after the kitchen got them. */
  voided?: boolean;
};

export function chitDocument(ticket: Ticket, c: ChitContext): PrintDocument {
  const lines: PrintLine[] = [];
  if (c.voided) lines.push({ kind: "text", text: "*** VOID ***", align: "center", bold: true, size: "double" });
  if (c.reprint) lines.push({ kind: "text", text: "** REPRINT **", align: "center", bold: true });
  lines.push({ kind: "text", text: c.stationName.toUpperCase(), align: "center", bold: true });
  lines.push({
    kind: "text",
    text: ticket.tableLabel ? `Table ${ticket.tableLabel}` : "No table",
    align: "center",
    size: "double",
    bold: true,
  });
  lines.push({ kind: "columns", left: `Order #${ticket.orderNumber}`, right: c.firedAtLabel, bold: true });
  if (ticket.serverName) lines.push({ kind: "text", text: `Server: ${ticket.serverName}` });
  if (ticket.guestOrder) lines.push({ kind: "text", text: "GUEST ORDER (QR)", align: "center", bold: true });
  lines.push({ kind: "separator", style: "double" });
  for (const note of ticket.allergyNotes) {
    lines.push({ kind: "text", text: `!! ALLERGY: ${note}`, bold: true, size: "tall" });
  }
  if (ticket.allergens.length) {
    lines.push({ kind: "text", text: `Allergens: ${ticket.allergens.join(", ")}`, bold: true });
  }
  if (ticket.allergyNotes.length || ticket.allergens.length) lines.push({ kind: "separator" });

  for (const section of courseSections(ticket.items)) {
    lines.push({ kind: "text", text: `-- ${COURSE_LABEL[section.course as Course] ?? section.course} --`, bold: true });
    for (const item of section.items) {
      const voided = item.status === "VOIDED";
      const name = `${item.quantity} x ${item.name}`;
      lines.push({ kind: "text", text: voided ? `VOID ${name}` : name, bold: true, size: "tall" });
      if (item.forItem) lines.push({ kind: "text", text: `   for ${item.forItem}` });
      if (item.seat != null) lines.push({ kind: "text", text: `   Seat ${item.seat}` });
      if (item.guestLabel) lines.push({ kind: "text", text: `   Guest: ${item.guestLabel}` });
      for (const m of item.modifiers) {
        const where = m.stationName ? ` (at ${m.stationName})` : "";
        lines.push({ kind: "text", text: `   ${m.removal ? "- " : "+ "}${m.name}${where}` });
      }
      if (item.notes) lines.push({ kind: "text", text: `   Note: ${item.notes}`, bold: true });
      if (voided && item.voidReason) lines.push({ kind: "text", text: `   Voided: ${item.voidReason}` });
    }
  }
  lines.push({ kind: "separator" });
  lines.push({ kind: "feed", lines: 1 });
  lines.push({ kind: "cut" });
  return { lines };
}
