export const dynamic = "force-dynamic";

/** Liveness: the process answers. No dependencies, so a slow database never restarts the pod. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
