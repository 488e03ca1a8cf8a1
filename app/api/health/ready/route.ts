import { readiness } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

/** Readiness: 503 naming the failing check (database, migrations). */
export async function GET() {
  const { ready, checks } = await readiness();
  const failing = checks.filter((c) => !c.ok && !("critical" in c && c.critical === false)).map((c) => c.name);
  return Response.json(
    { status: ready ? "ready" : "not_ready", failing, checks: checks.map(({ name, ok }) => ({ name, ok })) },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
