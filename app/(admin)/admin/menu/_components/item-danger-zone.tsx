"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { archiveMenuItemAction, setMenuItem86Action } from "../actions";

/** 86 / un-86 and archive on the item page (archive asks to confirm). */
export function ItemDangerZone({
  id,
  name,
  is86d,
  eightySixedBy,
}: {
  id: string;
  name: string;
  is86d: boolean;
  eightySixedBy: string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string } | void>) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (r && !r.ok) setError(r.error ?? "Failed");
    });
  return (
    <Card title="Availability now">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">
          {is86d
            ? eightySixedBy === "AUTO"
              ? "86'd automatically: stock cannot cover a portion. It comes back when stock is received."
              : "86'd by hand."
            : "On the menu."}
        </p>
        <Button
          variant={is86d ? "primary" : "secondary"}
          disabled={pending}
          onClick={() => run(() => setMenuItem86Action({ id, eightySixed: !is86d }))}
        >
          {is86d ? "Bring back" : `86 ${name}`}
        </Button>
        {confirming ? (
          <span className="flex items-center gap-2">
            <span className="text-sm font-medium">Archive {name}? Past orders keep it.</span>
            <Button variant="danger" disabled={pending} onClick={() => run(() => archiveMenuItemAction({ id }))}>
              Archive
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            Archive…
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </Card>
  );
}
