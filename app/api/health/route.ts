import { route } from "@/lib/http/route";
import { processInfo, readiness } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

/** Detailed health for admins: every check with timings and process figures. */
export const GET = route({ permission: "ops.health" }, async () => {
  const { ready, checks } = await readiness();
  return { status: ready ? "ready" : "not_ready", checks, process: processInfo() };
});
