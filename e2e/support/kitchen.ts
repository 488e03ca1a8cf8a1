import { expect, request } from "@playwright/test";
import { E2E_BASE_URL, E2E_CONTROL_PORT, storageStateFor } from "./e2e-env";

/** The kitchen finishes table `label`'s tickets at `station` and the pass sends them: food ready on the floor. */
export async function foodReadyAt(label: string, station: string) {
  const chef = await request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("chef"),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });
  try {
    const snapshot = (await (await chef.get(`/api/v1/kitchen/snapshot?station=${station}`)).json()) as {
      tickets: { tableLabel: string | null; orderId: string; fireBatch: number; items: { id: string }[] }[];
    };
    const tickets = snapshot.tickets.filter((t) => t.tableLabel === label);
    expect(tickets.length).toBeGreaterThan(0);
    for (const t of tickets) {
      const bumped = await chef.post(`/api/v1/orders/${t.orderId}/bump`, {
        data: { station, orderItemIds: t.items.map((i) => i.id) },
      });
      expect(bumped.status()).toBe(200);
      const ready = await chef.post(`/api/v1/orders/${t.orderId}/ready`, { data: { fireBatch: t.fireBatch } });
      expect(ready.status()).toBe(200);
    }
  } finally {
    await chef.dispose();
  }
}

/** Every line of `orderId` was fired `minutes` ago (through the e2e server's control port). */
export async function firedAgo(orderId: string, minutes: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/kitchen/fired-ago`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ orderId, minutes }),
  });
  if (!res.ok) throw new Error(`ageing the tickets failed: ${res.status}`);
}
