"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A signing secret, shown this once with a copy button: the list never shows it again. */
export function SecretOnce({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section
      aria-label={title}
      className="space-y-2 rounded-xl border-2 border-green-600 bg-green-50 p-4"
      data-testid="webhook-secret-once"
    >
      <h2 className="text-lg font-bold">{title}</h2>
      <p className="text-sm">
        Copy the signing secret now: this is the only time it is shown. Your integration uses it to check the
        Kitchen-Signature header of every request.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-white px-3 py-2 font-mono text-sm" data-testid="webhook-secret">
          {secret}
        </code>
        <Button variant="secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
