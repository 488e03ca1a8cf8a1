import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getLocation } from "@/lib/locations/get-location";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { CreateWebhook } from "./_components/create-webhook";
import { DeliveryLog } from "./_components/delivery-log";
import { RefreshButton } from "./_components/refresh-button";
import { WebhookActions } from "./_components/webhook-actions";

export const metadata: Metadata = { title: "Webhooks" };

const LOG_SIZE = 20;

/** Integrations' URLs that get this location's events, signed, with each one's delivery log (ADR 0042). */
export default async function WebhooksPage() {
  const ctx = await requireUser("webhooks.manage");
  const [endpoints, location] = await Promise.all([listWebhookEndpoints(ctx), getLocation(ctx)]);
  const logs = await Promise.all(
    endpoints.map((e) => listWebhookDeliveries(ctx, { webhookId: e.id, limit: LOG_SIZE })),
  );
  const tz = location.timezone;
  return (
    <div className="max-w-6xl space-y-4">
      <h1 className="text-2xl font-bold">Setup</h1>
      <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="webhooks" />
      <p className="text-gray-600">
        Webhooks POST this location&apos;s events (orders sent, ready and paid, low stock, menu changes) to an
        integration&apos;s URL as JSON, signed with its secret in the <code>Kitchen-Signature</code> header. Failed
        deliveries are retried for about a day; the README shows how to verify a signature.
      </p>
      <CreateWebhook />
      {endpoints.length === 0 ? (
        <EmptyState title="No webhooks yet">
          Add one above for each integration that should hear about events.
        </EmptyState>
      ) : (
        <>
          <div className="flex items-center justify-between">
            <h2 className="text-xl font-bold">Endpoints</h2>
            <RefreshButton />
          </div>
          {endpoints.map((e, i) => (
            <section
              key={e.id}
              aria-label={`Webhook ${e.url}`}
              className="space-y-3 rounded-xl border border-gray-200 bg-white p-4"
              data-testid="webhook-endpoint"
              data-url={e.url}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 space-y-1">
                  <p className="break-all font-mono text-sm font-semibold">{e.url}</p>
                  {e.description && <p className="text-gray-700">{e.description}</p>}
                  <p className="flex flex-wrap items-center gap-1 text-sm text-gray-600">
                    {e.active ? (
                      <Badge tone="green">active</Badge>
                    ) : (
                      <Badge tone="red">{e.disabledAt ? "disabled after failures" : "disabled"}</Badge>
                    )}
                    {e.events.map((ev) => (
                      <Badge key={ev} tone="gray">
                        {ev}
                      </Badge>
                    ))}
                    <span className="ml-1">Created {formatZonedDateTime(e.createdAt, tz)}</span>
                    {e.consecutiveFailures > 0 && (
                      <span className="ml-1 text-red-700">· {e.consecutiveFailures} failed deliveries in a row</span>
                    )}
                  </p>
                </div>
              </div>
              <WebhookActions webhookId={e.id} url={e.url} active={e.active} />
              <DeliveryLog deliveries={logs[i]} timezone={tz} endpointActive={e.active} />
            </section>
          ))}
        </>
      )}
    </div>
  );
}
