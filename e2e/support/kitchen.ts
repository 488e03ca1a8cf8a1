import { expect, request } from "@playwright/test";
import { E2E_BASE_URL, storageStateFor } from "./e2e-env";

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
