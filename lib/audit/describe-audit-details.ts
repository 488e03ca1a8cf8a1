// How the audit viewer shows an entry's details: before → after per field, then the context the
// entry carries (a dish's name, a reason), so a change reads without opening the JSON.

const show = (v: unknown) => JSON.stringify(v ?? null);
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Display lines for an audit entry's details; long context is cut at 300 characters. */
export function describeAuditDetails(details: unknown): string[] {
  if (!isRecord(details)) return [];
  const { before, after, ...rest } = details;
  const lines: string[] = [];
  if (isRecord(before) && isRecord(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
      lines.push(`${k}: ${show(before[k])} → ${show(after[k])}`);
  } else if ("before" in details && "after" in details) {
    lines.push(`${show(before)} → ${show(after)}`);
  } else if (before !== undefined || after !== undefined) {
    // Only one side (a creation or a deletion): keep it with the context.
    rest[before !== undefined ? "before" : "after"] = before ?? after;
  }
  const context = Object.entries(rest)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : show(v)}`)
    .join(" · ");
  if (context) lines.push(context.length > 300 ? `${context.slice(0, 300)}…` : context);
  return lines;
}
