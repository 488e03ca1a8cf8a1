"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/realtime/fetch-json";
import { listTransferServersAction, transferOrderAction } from "../../../checks-actions";
import type { FloorAreaView } from "../../../_components/floor-view";
import { CheckModal, ErrorText } from "./check-modal";

/** Move the party to a free table and/or hand it to another server. */
export function TransferDialog({
  orderId,
  tableId,
  currentServerId,
  onDone,
  onClose,
}: {
  orderId: string;
  tableId: string;
  currentServerId: string | null;
  onDone: (result: { toTableId: string | null; message: string }) => void;
  onClose: () => void;
}) {
  const floor = useQuery({
    queryKey: ["floor"],
    queryFn: () => fetchJson<{ areas: FloorAreaView[] }>("/api/v1/floor").then((r) => r.areas),
  });
  const servers = useQuery({
    queryKey: ["transfer-servers"],
    queryFn: async () => {
      const res = await listTransferServersAction({});
      if (!res.ok) throw new Error(res.error);
      return res.data;
    },
    staleTime: 60_000,
  });
  const [toTable, setToTable] = useState<string | null>(null);
  const [toServer, setToServer] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const free = (floor.data ?? []).flatMap((a) =>
    a.tables
      .filter((t) => t.id !== tableId && !t.openOrder && t.status === "FREE")
      .map((t) => ({ ...t, area: a.name })),
  );
  const chip = (on: boolean) =>
    `min-h-12 min-w-12 rounded-xl border-2 px-3 font-semibold ${on ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`;

  async function submit() {
    setPending(true);
    setError(null);
    try {
      const res = await transferOrderAction({
        orderId,
        toTableId: toTable ?? undefined,
        toServerId: toServer ?? undefined,
      });
      if (res.ok) {
        const table = free.find((t) => t.id === toTable);
        const server = servers.data?.find((s) => s.userId === toServer);
        onDone({
          toTableId: toTable,
          message: [table && `Moved to table ${table.label}`, server && `handed to ${server.name}`]
            .filter(Boolean)
            .join(", "),
        });
      } else setError(Object.values(res.fieldErrors ?? {})[0]?.[0] ?? res.error);
    } catch {
      setError("Couldn't reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <CheckModal title="Transfer table or server" onClose={onClose} testId="transfer-dialog" width="w-[40rem]">
      <div className="space-y-4">
        <fieldset>
          <legend className="mb-1 font-semibold">Move to a free table</legend>
          {floor.isPending ? (
            <p className="text-gray-600">Loading tables…</p>
          ) : free.length === 0 ? (
            <p className="text-gray-700">No free tables right now.</p>
          ) : (
            <div className="flex flex-wrap gap-2">
              {free.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  aria-pressed={toTable === t.id}
                  aria-label={`Table ${t.label}, ${t.area}, ${t.seats} seats`}
                  onClick={() => setToTable(toTable === t.id ? null : t.id)}
                  className={chip(toTable === t.id)}
                >
                  {t.label}
                </button>
              ))}
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend className="mb-1 font-semibold">Hand to another server</legend>
          {servers.isPending ? (
            <p className="text-gray-600">Loading staff…</p>
          ) : servers.isError ? (
            <ErrorText error="Couldn't load the staff list." />
          ) : (
            <div className="flex flex-wrap gap-2">
              {servers.data
                .filter((s) => s.userId !== currentServerId)
                .map((s) => (
                  <button
                    key={s.userId}
                    type="button"
                    aria-pressed={toServer === s.userId}
                    onClick={() => setToServer(toServer === s.userId ? null : s.userId)}
                    className={chip(toServer === s.userId)}
                  >
                    {s.name}
                  </button>
                ))}
            </div>
          )}
        </fieldset>
        <ErrorText error={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={(!toTable && !toServer) || pending} onClick={() => void submit()}>
            {pending ? "Moving…" : "Transfer"}
          </Button>
        </div>
      </div>
    </CheckModal>
  );
}
