import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** Impacts that fail the suite. Moderate and minor findings are reported by the a11y spec, not gated. */
export const GATED_IMPACTS = new Set(["serious", "critical"]);

export type A11yFinding = { id: string; impact: string; help: string; targets: string[] };

/** Runs axe on the page as it is now and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<A11yFinding[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => GATED_IMPACTS.has(v.impact ?? ""))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      targets: v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            n.target.join(" ") +
            (n.failureSummary ? ` — ${n.failureSummary.split("\n").slice(1, 2).join("").trim()}` : ""),
        ),
    }));
}

export function describeFindings(where: string, findings: A11yFinding[]): string {
  const lines = findings.flatMap((f) => [
    `  [${f.impact}] ${f.id}: ${f.help}`,
    ...f.targets.map((t) => `      at ${t}`),
  ]);
  return `Accessibility: ${findings.length} serious/critical axe violation(s) on ${where}\n${lines.join("\n")}`;
}

/** A page's identity for "already checked": the path with ids replaced, so /floor/tables/<id> is checked once. */
export function pageKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.protocol.startsWith("http") || parsed.pathname.startsWith("/api/")) return null;
  const path = parsed.pathname
    .split("/")
    .map((segment) => (/^[a-z0-9]{20,}$/i.test(segment) || /^\d+$/.test(segment) ? ":id" : segment))
    .join("/");
  return `${path}`;
}
