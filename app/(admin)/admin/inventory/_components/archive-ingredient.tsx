"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { archiveIngredientAction } from "../actions";

export function ArchiveIngredient({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span className="text-sm font-medium">Archive {name}? Its ledger is kept.</span>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await archiveIngredientAction({ id });
                if (r && !r.ok) setError(r.error);
              })
            }
          >
            Archive
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </>
      ) : (
        <Button variant="ghost" onClick={() => setConfirming(true)}>
          Archive ingredient…
        </Button>
      )}
      {error && (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
