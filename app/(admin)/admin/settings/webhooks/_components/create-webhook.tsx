"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_DESCRIPTIONS } from "@/lib/webhooks/events";
import { createWebhookAction } from "../actions";
import { SecretOnce } from "./secret-once";

/** URL, description and events; the answer's signing secret is shown here once. */
export function CreateWebhook() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const result = await createWebhookAction({
        url: String(data.get("url") ?? ""),
        description: String(data.get("description") ?? ""),
        events: data.getAll("events").map(String) as (typeof WEBHOOK_EVENTS)[number][],
      });
      if (result.ok) {
        setCreated({ url: result.data.url, secret: result.data.secret });
        form.reset();
      } else {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
      }
    } catch {
      setError("Couldn't reach the server. Try again.");
    }
    setPending(false);
  }

  const eventsError = fieldErrors.events ?? Object.entries(fieldErrors).find(([k]) => k.startsWith("events."))?.[1];
  return (
    <div className="space-y-4">
      {created && (
        <SecretOnce
          title={`Webhook to ${created.url} created`}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      )}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="create-webhook-title"
        className="space-y-4 rounded-xl border border-gray-200 bg-white p-4"
      >
        <h2 id="create-webhook-title" className="text-lg font-bold">
          New webhook
        </h2>
        <div className="flex flex-wrap gap-4">
          <label className="flex min-w-80 flex-[2] flex-col gap-1 font-medium">
            URL
            <input
              name="url"
              type="url"
              required
              maxLength={2000}
              placeholder="https://example.com/hooks/kitchen"
              className="min-h-11 rounded-lg border border-gray-300 px-3"
              aria-invalid={!!fieldErrors.url}
              aria-describedby={fieldErrors.url ? "webhook-url-error" : undefined}
            />
            {fieldErrors.url && (
              <span id="webhook-url-error" className="text-sm text-red-700">
                {fieldErrors.url[0]}
              </span>
            )}
          </label>
          <label className="flex min-w-64 flex-1 flex-col gap-1 font-medium">
            Description (optional)
            <input
              name="description"
              maxLength={200}
              placeholder="Delivery platform bridge"
              className="min-h-11 rounded-lg border border-gray-300 px-3"
            />
          </label>
        </div>
        <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
          <legend className="font-medium">Events</legend>
          <div className="mt-2 grid grid-cols-1 gap-2 md:grid-cols-3">
            {WEBHOOK_EVENTS.map((event) => (
              <label
                key={event}
                className="flex min-h-11 items-center gap-3 rounded-lg border border-gray-200 px-3 py-2"
              >
                <input type="checkbox" name="events" value={event} className="size-5" />
                <span>
                  <code className="text-sm font-semibold">{event}</code>
                  <span className="block text-sm text-gray-600">{WEBHOOK_EVENT_DESCRIPTIONS[event]}</span>
                </span>
              </label>
            ))}
          </div>
          {eventsError && (
            <p id="webhook-events-error" className="mt-1 text-sm text-red-700">
              {eventsError[0]}
            </p>
          )}
        </fieldset>
        {error && (
          <p role="alert" className="font-semibold text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create webhook"}
        </Button>
      </form>
    </div>
  );
}
