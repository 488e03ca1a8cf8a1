import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "../errors";
import { idempotencyKeySchema } from "../idempotency/rules";

/** The `Idempotency-Key` request header (IETF draft), validated; required unless `optional`. */
export function idempotencyKeyFrom(req: NextRequest, opts: { optional?: boolean } = {}): string | undefined {
  const raw = req.headers.get("idempotency-key");
  if (raw === null && opts.optional) return undefined;
  const parsed = idempotencyKeySchema.safeParse(raw ?? undefined);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "A valid Idempotency-Key header is required", {
      "Idempotency-Key": parsed.error.issues.map((i) =>
        raw === null ? "Send an Idempotency-Key header (e.g. a UUID) and keep it across retries" : i.message,
      ),
    });
  }
  return parsed.data;
}
