import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { toCsv } from "../csv/stringify";
import { db } from "../db";
import { AppError } from "../errors";
import { idSchema, parseInput, text } from "../validation";
import { reportLocation } from "../reports/report-context";
import { reportPeriodFields, resolvePeriod, type ReportPeriod } from "../reports/report-period";
import { businessDayRange, type DayRules } from "../time/business-day";
import { parseIsoDate } from "../time/zoned";

export const listAuditLogSchema = z
  .object({
    /** A shared preset, or from/to business dates in the location's zone (either may be left open). */
    preset: reportPeriodFields.preset,
    from: reportPeriodFields.from,
    to: reportPeriodFields.to,
    actorId: idSchema.optional(),
    /** An action or the start of one: "guest_session" finds guest_session.opened, .closed… */
    action: text()
      .trim()
      .max(64)
      .regex(/^[a-z0-9_.]*$/, "Letters, digits, _ and .")
      .optional(),
    entityType: text()
      .trim()
      .max(64)
      .regex(/^[A-Za-z]*$/, "Letters only")
      .optional(),
    entityId: idSchema.optional(),
    /** Keyset cursor: the last row's id of the previous page (newest first). */
    before: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    format: reportPeriodFields.format,
  })
  .superRefine((p, c) => {
    if (p.preset && p.preset !== "custom" && (p.from || p.to))
      c.addIssue({ code: "custom", path: ["preset"], message: "Give a preset or dates, not both" });
    if (p.preset === "custom" && (!p.from || !p.to))
      c.addIssue({ code: "custom", path: [p.from ? "to" : "from"], message: "Give both the first and the last date" });
    if (p.from && p.to && p.from > p.to)
      c.addIssue({ code: "custom", path: ["to"], message: "The end is before the start" });
  });
export type ListAuditLogInput = z.input<typeof listAuditLogSchema>;

type AuditInput = z.infer<typeof listAuditLogSchema>;

/**
 * The time filter: a preset or both dates resolve through the shared period model (business days
 * in the location's zone); one date alone leaves the other side open; none is any time.
 */
function auditWindow(
  input: AuditInput,
  rules: DayRules,
  now: Date,
): { period: ReportPeriod | null; gte?: Date; lt?: Date } {
  if ((input.preset && input.preset !== "custom") || (input.from && input.to)) {
    const period = resolvePeriod({ preset: input.preset, from: input.from, to: input.to, compare: "none" }, rules, now);
    return { period, gte: period.start, lt: period.end };
  }
  return {
    period: null,
    gte: input.from ? businessDayRange(parseIsoDate(input.from), rules).start : undefined,
    lt: input.to ? businessDayRange(parseIsoDate(input.to), rules).end : undefined,
  };
}

/**
 * The location's audit log, newest first, filtered by time (business days in the location's zone,
 * inclusive), actor, action (prefix), entity; pages by keyset on (createdAt, id) so a busy log pages
 * in constant time.
 */
export async function listAuditLog(ctx: Ctx, raw: ListAuditLogInput = {}, now = new Date()) {
  assertCan(ctx, "audit.view");
  const input = parseInput(listAuditLogSchema, raw);
  const location = await reportLocation(ctx);
  const window = auditWindow(input, location.rules, now);
  const where: Prisma.AuditLogWhereInput = {
    locationId: ctx.locationId,
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    createdAt: {
      ...(window.gte ? { gte: window.gte } : {}),
      ...(window.lt ? { lt: window.lt } : {}),
    },
  };
  if (input.before) {
    const cursor = await db.auditLog.findFirst({
      where: { id: input.before, locationId: ctx.locationId },
      select: { id: true, createdAt: true },
    });
    if (!cursor) throw new AppError("VALIDATION", "Some fields are invalid", { before: ["Unknown cursor"] });
    where.AND = [
      { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] },
    ];
  }
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      ip: true,
      requestId: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    entries: page.map((r) => ({ ...r, actor: r.actor ?? null })),
    nextBefore: rows.length > input.limit ? page[page.length - 1].id : null,
    /** The time filter resolved (null: any time, or only one side bounded). */
    period: window.period,
    locationName: location.name,
    timeZone: location.rules.timeZone,
  };
}

export type AuditPage = Awaited<ReturnType<typeof listAuditLog>>;

/** The filters' choices: the actions and entity kinds this location has logged, and who acted. */
export async function auditFilterChoices(ctx: Ctx) {
  assertCan(ctx, "audit.view");
  const [actions, entityTypes, actors] = await Promise.all([
    db.auditLog.findMany({
      where: { locationId: ctx.locationId },
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
      take: 500,
    }),
    db.auditLog.findMany({
      where: { locationId: ctx.locationId, entityType: { not: null } },
      distinct: ["entityType"],
      select: { entityType: true },
      orderBy: { entityType: "asc" },
      take: 200,
    }),
    db.membership.findMany({
      where: { locationId: ctx.locationId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.flatMap((e) => (e.entityType ? [e.entityType] : [])),
    actors: actors.map((m) => m.user),
  };
}

/** Enough for any real filter's export, bounded so one request cannot read a whole busy log. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

/** Every entry the filters match (newest first, up to AUDIT_CSV_MAX_ROWS), page by page on the keyset. */
export async function listAuditLogForExport(
  ctx: Ctx,
  raw: ListAuditLogInput = {},
  now = new Date(),
): Promise<AuditPage> {
  const first = await listAuditLog(ctx, { ...raw, limit: 500 }, now);
  const entries = [...first.entries];
  let before = first.nextBefore;
  while (before && entries.length < AUDIT_CSV_MAX_ROWS) {
    const next = await listAuditLog(ctx, { ...raw, limit: 500, before }, now);
    entries.push(...next.entries);
    before = next.nextBefore;
  }
  return { ...first, entries: entries.slice(0, AUDIT_CSV_MAX_ROWS), nextBefore: before };
}

export function auditCsv(page: AuditPage): string {
  return toCsv(
    ["at", "actor", "action", "entity_type", "entity_id", "ip", "request_id", "details"],
    page.entries.map((e) => [
      e.createdAt.toISOString(),
      e.actor?.name ?? "",
      e.action,
      e.entityType ?? "",
      e.entityId ?? "",
      e.ip ?? "",
      e.requestId ?? "",
      JSON.stringify(e.details ?? {}),
    ]),
  );
}
