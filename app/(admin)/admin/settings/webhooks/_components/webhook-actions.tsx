"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmRevokeButton } from "@/components/admin/confirm-revoke-button";
import { Button } from "@/components/ui/button";
import { deleteWebhookAction, rotateWebhookSecretAction, sendTestWebhookAction, updateWebhookAction } from "../actions";
import { SecretOnce } from "./secret-once";

/** How long the dispatcher usually takes to send a queued event: then the log is reloaded. */
const RELOAD_AFTER_MS = 1_500;

/** Test, enable/disable, rotate the secret (asks first: the integration must update) and delete. */
export function WebhookActions({ webhookId, url, active }: { webhookId: string; url: string; active: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  async function run(key: string, call: () => Promise<{ ok: true } | { ok: false; error: string }>, done: string) {
    setPending(key);
    setMessage(null);
    try {
      const result = await call();
      setMessage(result.ok ? { text: done, error: false } : { text: result.error, error: true });
      if (result.ok && key === "test") setTimeout(() => router.refresh(), RELOAD_AFTER_MS);
    } catch {
      setMessage({ text: "Couldn't reach the server. Try again.", error: true });
    }
    setPending(null);
  }

  async function rotate() {
    setConfirmRotate(false);
    setPending("rotate");
    setMessage(null);
    try {
      const result = await rotateWebhookSecretAction({ webhookId });
      if (result.ok) setSecret(result.data.secret);
      else setMessage({ text: result.error, error: true });
    } catch {
      setMessage({ text: "Couldn't reach the server. Try again.", error: true });
    }
    setPending(null);
  }

  return (
    <div className="space-y-2">
      {secret && <SecretOnce title="New signing secret" secret={secret} onDone={() => setSecret(null)} />}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          disabled={!active || pending !== null}
          onClick={() => run("test", () => sendTestWebhookAction({ webhookId }), "Test event queued")}
        >
          {pending === "test" ? "Sending…" : "Send test event"}
        </Button>
        <Button
          variant="secondary"
          disabled={pending !== null}
          onClick={() =>
            run(
              "toggle",
              () => updateWebhookAction({ webhookId, active: !active }),
              active ? "Disabled: no events are sent" : "Enabled",
            )
          }
        >
          {active ? "Disable" : "Enable"}
        </Button>
        {confirmRotate ? (
          <>
            <Button variant="secondary" onClick={() => setConfirmRotate(false)}>
              Keep secret
            </Button>
            <Button variant="danger" onClick={rotate} aria-label={`Rotate the secret of ${url} now`}>
              Rotate now
            </Button>
          </>
        ) : (
          <Button variant="secondary" disabled={pending !== null} onClick={() => setConfirmRotate(true)}>
            {pending === "rotate" ? "Rotating…" : "Rotate secret"}
          </Button>
        )}
        <ConfirmRevokeButton
          name={url}
          verb="Delete"
          pendingLabel="Deleting…"
          revoke={() => deleteWebhookAction({ webhookId })}
        />
      </div>
      {confirmRotate && (
        <p className="text-sm text-amber-900">
          The old secret stops working at once: the integration must switch to the new one.
        </p>
      )}
      {message && (
        <p
          role={message.error ? "alert" : "status"}
          className={`text-sm font-semibold ${message.error ? "text-red-700" : "text-green-800"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
