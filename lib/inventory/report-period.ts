import { z } from "zod";

/** A reporting period as dates (inclusive), in UTC days; default the last 30 days. */
export const reportPeriodSchema = z
  .object({
    from: z.iso.date("Use a date like 2026-05-01").optional(),
    to: z.iso.date("Use a date like 2026-05-31").optional(),
  })
  .transform((p, c) => {
    const to = p.to ? new Date(`${p.to}T00:00:00Z`) : startOfUtcDay(new Date());
    const from = p.from ? new Date(`${p.from}T00:00:00Z`) : new Date(to.getTime() - 29 * 86_400_000);
    if (from > to) c.addIssue({ code: "custom", path: ["from"], message: "Must be on or before the end date" });
    if (to.getTime() - from.getTime() > 366 * 86_400_000) c.addIssue({ code: "custom", path: ["from"], message: "At most one year" });
    return { from, toExclusive: new Date(to.getTime() + 86_400_000), label: { from: iso(from), to: iso(to) } };
  });
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;

function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
