import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";

/** What the console and the API show of an endpoint: never its secret. */
export const ENDPOINT_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  active: true,
  createdAt: true,
  consecutiveFailures: true,
  disabledAt: true,
} as const;

/** This location's webhook endpoints, newest first. */
export async function listWebhookEndpoints(ctx: Ctx) {
  assertCan(ctx, "webhooks.manage");
  return db.webhookEndpoint.findMany({
    where: { locationId: ctx.locationId },
    select: ENDPOINT_SELECT,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}
