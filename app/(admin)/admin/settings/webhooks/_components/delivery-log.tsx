import type { WebhookDeliveryStatus } from "@/generated/prisma/enums";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { RedeliverButton } from "./redeliver-button";

type Delivery = {
  id: string;
  eventType: string;
  payload: unknown;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  redeliveryOfId: string | null;
  createdAt: Date;
};

const TONE = { SUCCEEDED: "green", RETRYING: "amber", FAILED: "red", PENDING: "blue" } as const;

/** An endpoint's latest deliveries: status, code, attempts, next retry, payload, Redeliver. */
export function DeliveryLog({
  deliveries,
  timezone,
  endpointActive,
}: {
  deliveries: Delivery[];
  timezone: string;
  endpointActive: boolean;
}) {
  if (deliveries.length === 0)
    return <p className="text-sm text-gray-600">No deliveries yet. Send a test event to try the URL.</p>;
  return (
    <ScrollRegion label="Delivery log" className="overflow-x-auto rounded-lg border border-gray-200">
      <table className="w-full text-left text-sm" data-testid="webhook-delivery-log">
        <thead className="bg-gray-50 text-gray-500">
          <tr>
            <th className="px-3 py-2">Event</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2">Response</th>
            <th className="px-3 py-2">Attempts</th>
            <th className="px-3 py-2">Created ({timezone})</th>
            <th className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr
              key={d.id}
              className="border-t border-gray-100 align-top"
              data-testid="webhook-delivery"
              data-status={d.status}
              data-event={d.eventType}
            >
              <td className="px-3 py-2">
                <code className="font-semibold">{d.eventType}</code>
                {d.redeliveryOfId && <span className="block text-gray-500">redelivery</span>}
                <details className="mt-1">
                  <summary className="cursor-pointer text-gray-600">Payload</summary>
                  <pre className="mt-1 max-h-64 max-w-xl overflow-auto rounded bg-gray-50 p-2 text-xs">
                    {JSON.stringify(d.payload, null, 2)}
                  </pre>
                </details>
              </td>
              <td className="px-3 py-2">
                <Badge tone={TONE[d.status]}>{d.status.toLowerCase()}</Badge>
                {d.status === "RETRYING" && (
                  <span className="block text-gray-600">Next try {formatZonedDateTime(d.nextAttemptAt, timezone)}</span>
                )}
              </td>
              <td className="px-3 py-2 text-gray-700">
                {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : d.attempts > 0 ? "No response" : "—"}
                {d.lastDurationMs !== null && <span className="text-gray-500"> · {d.lastDurationMs} ms</span>}
                {d.lastError && <span className="block max-w-xs break-words text-red-700">{d.lastError}</span>}
              </td>
              <td className="px-3 py-2 text-gray-700">{d.attempts}</td>
              <td className="px-3 py-2 text-gray-700">
                <time dateTime={d.createdAt.toISOString()}>{formatZonedDateTime(d.createdAt, timezone)}</time>
              </td>
              <td className="px-3 py-2">
                <RedeliverButton deliveryId={d.id} disabled={!endpointActive} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
