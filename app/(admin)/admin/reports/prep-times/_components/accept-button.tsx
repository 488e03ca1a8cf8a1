"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { acceptPrepTimeAction } from "../actions";

/** One click: the learned time becomes the dish's target (the page reloads with it). */
export function AcceptButton({ menuItemId, name, minutes }: { menuItemId: string; name: string; minutes: number }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        disabled={pending}
        aria-label={`Use ${minutes} min as the prep target for ${name}`}
        onClick={() =>
          start(async () => {
            const r = await acceptPrepTimeAction({ menuItemId, minutes });
            setError(r.ok ? null : r.error);
          })
        }
      >
        {pending ? "Saving…" : `Use ${minutes} min`}
      </Button>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
