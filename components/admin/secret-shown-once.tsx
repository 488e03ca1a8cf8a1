"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A secret (API token, webhook signing secret) shown this once with a copy button: only its hash
 * or its sealed form is stored, so the console can never show it again.
 */
export function SecretShownOnce({
  title,
  secret,
  onDone,
  children,
  testId,
  secretTestId,
}: {
  title: string;
  secret: string;
  onDone: () => void;
  /** What the secret is for and how to use it. */
  children: ReactNode;
  testId: string;
  secretTestId: string;
}) {
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
      data-testid={testId}
    >
      <h2 className="text-lg font-bold">{title}</h2>
      <p className="text-sm">{children}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-white px-3 py-2 font-mono text-sm" data-testid={secretTestId}>
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
