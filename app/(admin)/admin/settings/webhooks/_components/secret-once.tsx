"use client";

import { SecretShownOnce } from "@/components/admin/secret-shown-once";

/** A webhook's signing secret, shown this once: the list never shows it again. */
export function SecretOnce({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  return (
    <SecretShownOnce
      title={title}
      secret={secret}
      onDone={onDone}
      testId="webhook-secret-once"
      secretTestId="webhook-secret"
    >
      Copy the signing secret now: this is the only time it is shown. Your integration uses it to check the
      Kitchen-Signature header of every request.
    </SecretShownOnce>
  );
}
