import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/build-document";
import { instrumented } from "@/lib/observability/instrumented";

/**
 * GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API (docs/adr/0038). Not through
 * route(): it is public (it describes the API, it holds no data) and the same for everyone, so
 * shared caches may keep it for a while.
 */
async function handle() {
  return NextResponse.json(openApiDocument(), {
    headers: { "cache-control": "public, max-age=300, stale-while-revalidate=3600" },
  });
}

export const GET = Object.assign(instrumented(handle), { schemas: {} });
