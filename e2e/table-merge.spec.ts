// Issue 12 end to end, on two tablets (1024×768, touch): the host pushes two patio four-tops
// together for a party of 8 and seats them there; the server's floor shows the group live; the
// host moves the party to the eight-top and the server sees the order follow, the patio free.
import { request, type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor, type RoleName } from "./support/e2e-env";

test.describe.configure({ mode: "serial" });

async function tablet(browser: Browser, role: RoleName, path: string): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor(role),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

const api = (role: RoleName) =>
  request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });

/** Earlier specs leave parties at tables (the order pad's settings spec seats 14): free the ones this spec uses. */
async function freeTables(labels: string[]): Promise<void> {
  const manager = await api("manager");
  try {
    const { areas } = (await (await manager.get("/api/v1/floor")).json()) as {
      areas: { tables: { id: string; label: string; status: string; openOrder: { id: string } | null }[] }[];
    };
    for (const t of areas.flatMap((a) => a.tables).filter((x) => labels.includes(x.label))) {
      if (t.openOrder) {
        const res = await manager.patch(`/api/v1/orders/${t.openOrder.id}`, {
          data: { status: "VOIDED", reason: "e2e: table-merge needs this table" },
        });
        expect(res.ok(), await res.text()).toBe(true);
      }
      await manager.post(`/api/v1/tables/${t.id}/clear`);
    }
  } finally {
    await manager.dispose();
  }
}

test("the host merges two tables for a party of 8, seats and moves them; the server's tablet follows live", async ({
  browser,
}) => {
  await freeTables(["P5", "P6", "14"]);
  const host = await tablet(browser, "host", "/floor/host");
  const server = await tablet(browser, "server", "/floor");
  const hostTable = (label: string) => host.locator(`[data-testid=host-table][data-label="${label}"]`);
  const serverTile = (label: string) => server.locator(`[data-testid=table-tile][data-label="${label}"]`);
  await expect(hostTable("P5")).toHaveAttribute("data-state", "FREE");
  await expect(serverTile("P6")).toBeVisible();

  // Host: P5's sheet offers its free neighbour P6; joining draws one group on both tablets.
  await hostTable("P5").click();
  const sheet = host.getByTestId("host-sheet");
  await expect(sheet.getByRole("heading", { name: "Table P5" })).toBeVisible();
  await sheet.getByRole("button", { name: "Join P6 (4)" }).click();
  await expect(sheet.getByRole("heading", { name: "Table P5+P6" })).toBeVisible();
  await sheet.getByRole("button", { name: "Close" }).click();
  await expect(hostTable("P6")).toHaveAttribute("data-group", "P5+P6");
  await expect(host.getByTestId("host-group-outline")).toHaveCount(1);
  // The server's tablet: no reload, the tiles say P5+P6 and the secondary opens the primary's pad.
  await expect(serverTile("P6")).toHaveAttribute("data-group", "P5+P6", { timeout: 5_000 });
  await expect(serverTile("P5").getByTestId("tile-group")).toHaveText("P5+P6");

  // Ben Walker's party of 8 (booked on 14) is seated at the pushed-together tables.
  const hostApi = await api("host");
  try {
    const day = await hostApi.get(`/api/v1/reservations?date=${await localToday(hostApi)}`);
    expect(day.ok()).toBe(true);
    const { reservations } = (await day.json()) as {
      reservations: { id: string; partySize: number; guest: { name: string } }[];
    };
    const ben = reservations.find((r) => r.guest.name === "Ben Walker")!;
    expect(ben.partySize).toBe(8);
    const tables = (await (await hostApi.get("/api/v1/host/floor")).json()) as {
      areas: { tables: { id: string; label: string }[] }[];
    };
    const id = (label: string) => tables.areas.flatMap((a) => a.tables).find((t) => t.label === label)!.id;
    const seated = await hostApi.patch(`/api/v1/reservations/${ben.id}`, {
      data: { status: "SEATED", tableIds: [id("P5"), id("P6")] },
    });
    expect(seated.status(), await seated.text()).toBe(200);
  } finally {
    await hostApi.dispose();
  }
  await expect(hostTable("P6")).toHaveAttribute("data-state", "SEATED");
  await expect(serverTile("P6")).toHaveAttribute("data-status", "SEATED", { timeout: 5_000 });
  await expect(serverTile("P6")).toHaveAttribute("href", /\/floor\/tables\/.+/);
  const primaryHref = await serverTile("P5").getAttribute("href");
  await expect(serverTile("P6")).toHaveAttribute("href", primaryHref!);

  // Host: move the party to the eight-top 14 (its own booking no longer holds it).
  await hostTable("P6").click();
  await sheet.getByRole("button", { name: "Move party to…" }).click();
  await expect(host.getByTestId("host-move-banner")).toContainText("Move the party at P5+P6 (8) to");
  await hostTable("P1").click(); // booked tonight but free now: picking it is fine, the move checks
  await hostTable("P1").click(); // …and a second tap takes it back out
  await hostTable("14").click();
  await expect(host.getByTestId("host-move-banner")).toContainText("to 14");
  await host.getByTestId("host-move-confirm").click();
  await expect(host.getByTestId("host-move-banner")).toBeHidden();
  await expect(hostTable("14")).toHaveAttribute("data-state", "SEATED");
  await expect(hostTable("P5")).toHaveAttribute("data-state", "FREE");
  await expect(host.getByTestId("host-group-outline")).toHaveCount(0);

  // Server: the order is on 14, the patio tables are free and apart.
  await expect(serverTile("14")).toHaveAttribute("data-status", "SEATED", { timeout: 5_000 });
  await expect(serverTile("P5")).toHaveAttribute("data-status", "FREE");
  await expect(serverTile("P6")).not.toHaveAttribute("data-group", /.+/);
  await serverTile("14").click();
  await expect(server.getByTestId("order-pad")).toBeVisible();
  await expect(server.getByTestId("guest-count")).toContainText("8 guests");
});

/** Today in the location's time zone, as the reservations API wants it. */
async function localToday(ctx: Awaited<ReturnType<typeof api>>): Promise<string> {
  const floor = (await (await ctx.get("/api/v1/host/floor")).json()) as { timezone: string };
  return new Intl.DateTimeFormat("en-CA", { timeZone: floor.timezone }).format(new Date());
}
