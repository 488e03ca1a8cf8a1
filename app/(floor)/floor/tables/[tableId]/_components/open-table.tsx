"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { openOrderAction } from "../../../actions";
import type { TableView } from "./types";
import { SegmentedControl } from "@/components/ui/segmented-control";

/** A free table: how many guests? → opens the order (table SEATED on every tablet). */
export function OpenTable({ table }: { table: TableView }) {
  const router = useRouter();
  const [guests, setGuests] = useState(Math.min(2, table.seats));
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const options = Array.from({ length: Math.max(8, table.seats) }, (_, i) => i + 1);
  return (
    <div className="mx-auto mt-8 max-w-xl space-y-6 rounded-2xl bg-white p-6 shadow-sm">
      <h1 className="text-3xl font-black">
        Table {table.label}{" "}
        <span className="text-lg font-semibold text-gray-500">
          · {table.area.name} · {table.seats} seats
        </span>
      </h1>
      <fieldset>
        <legend className="mb-3 text-lg font-bold">How many guests?</legend>
        <SegmentedControl
          label="How many guests?"
          size="lg"
          className="grid grid-cols-4 gap-2"
          value={guests}
          onChange={setGuests}
          options={options.map((n) => ({ value: n, label: n }))}
        />
      </fieldset>
      {error && (
        <p role="alert" className="font-semibold text-red-700">
          {error}
        </p>
      )}
      <Button
        className="min-h-16 w-full text-xl"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            try {
              const res = await openOrderAction({ tableId: table.id, guestCount: guests });
              if (!res.ok) setError(res.error);
              else router.refresh();
            } catch {
              setError("Couldn't reach the server. Check the connection and try again.");
            }
          })
        }
      >
        {pending ? "Opening…" : `Seat ${guests} and start order`}
      </Button>
    </div>
  );
}
