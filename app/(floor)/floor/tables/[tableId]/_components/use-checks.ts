"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchJson } from "@/components/realtime/fetch-json";
import type { OrderChecksView } from "@/lib/checks/get-order-checks";
import type { Jsonify } from "./types";

export type ChecksView = Jsonify<OrderChecksView>;
export type CheckView = ChecksView["checks"][number];
export type CheckLineView = CheckView["lines"][number];
export type PaymentView = CheckView["payments"][number];

export const checksKey = (orderId: string) => ["checks", orderId] as const;

/** The order's checks as /api/v1/orders/:id/checks shows them; the floor channel invalidates it live. */
export function useChecks(orderId: string, enabled = true) {
  return useQuery({
    queryKey: checksKey(orderId),
    queryFn: () => fetchJson<ChecksView>(`/api/v1/orders/${orderId}/checks`),
    enabled,
    refetchInterval: enabled ? 30_000 : false,
  });
}

/** After a write: the checks, the order, the floor tiles and the cashier's list refetch. */
export function useChecksRefresh(orderId: string) {
  const qc = useQueryClient();
  return useCallback(() => {
    void qc.invalidateQueries({ queryKey: checksKey(orderId) });
    void qc.invalidateQueries({ queryKey: ["order", orderId] });
    void qc.invalidateQueries({ queryKey: ["floor"] });
    void qc.invalidateQueries({ queryKey: ["open-checks"] });
  }, [qc, orderId]);
}
