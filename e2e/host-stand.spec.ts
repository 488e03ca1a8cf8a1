// Issue 12, the host stand on a 1024×768 tablet: the host lands on it and reads tonight's seeded
// book, books a party through the dialog on the slot finder (by keyboard too), marks a party
// arrived and cancels another, sees a booking made elsewhere arrive live, and reads the timeline.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { addDays, isoDate, localDateOf } from "../lib/time/zoned";
import { E2E_BASE_URL, PASSWORD, ROLE_USERS, storageStateFor, type RoleName } from "./support/e2e-env";

test.describe.configure({ mode: "serial" });

const TABLET = { width: 1024, height: 768 };
// The demo location's zone: "tonight" is its local date.
// New bookings go on tomorrow's book: tonight may have no time left when the suite runs late.
const TOMORROW = isoDate(addDays(localDateOf(new Date(), "America/New_York"), 1));

async function stand(browser: Browser, role: RoleName = "host", day: "today" | "tomorrow" = "today"): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageStateFor(role), viewport: TABLET, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto("/floor/host");
  await expect(page.getByTestId("reservation").first()).toBeVisible();
  if (day === "tomorrow") {
    await page.getByRole("button", { name: "Tomorrow" }).click();
    await expect(page.getByRole("button", { name: "Tomorrow" })).toHaveAttribute("aria-pressed", "true");
  }
  return page;
}

const card = (page: Page, name: string) => page.locator(`[data-testid=reservation][data-name="${name}"]`).first();

async function api(
  playwright: { request: { newContext(o: object): Promise<APIRequestContext> } },
  role: RoleName,
): Promise<APIRequestContext> {
  return playwright.request.newContext({ storageState: storageStateFor(role), baseURL: E2E_BASE_URL });
}

test("the host signs in, lands on the host stand and reads tonight's book", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: TABLET, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(ROLE_USERS.host);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/floor\/host$/);
  await expect(page.getByRole("navigation", { name: "Floor" }).getByRole("link", { name: "Host" })).toBeVisible();

  // The seeded evening: by time, with tables, tags, allergy notes and the guest's history.
  const elena = card(page, "Elena Rivera");
  await expect(elena).toContainText("17:00");
  await expect(elena).toContainText("Table 5");
  await expect(elena).toContainText("Birthday");
  await expect(elena).toContainText("3 visits");
  await expect(elena).toHaveAttribute("data-status", "CONFIRMED");
  const hannah = card(page, "Hannah Chen");
  await expect(hannah).toContainText("⚠ Allergy");
  await expect(hannah).toContainText("Shellfish");
  await expect(card(page, "Jonas Lindqvist")).toContainText("First visit");
  const names = await page
    .locator("[data-section=upcoming] [data-testid=reservation]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")?.slice(0, 5)));
  expect(names).toEqual([...names].sort());
  await expect(page.getByTestId("covers")).toContainText(/\d+ covers booked · \d+ seated/);
  // The floor plan and the waitlist are mounted beside the book (tabs at 1024 px).
  await expect(page.getByTestId("floor-column")).toBeVisible();
  await page.getByRole("radio", { name: "Waitlist" }).click();
  await expect(page.getByTestId("reservation-list")).toBeHidden();
  await expect(page.getByTestId("waitlist-column")).toBeVisible();
  await ctx.close();
});

test("a booking through the dialog: the slot finder's times and tables, a field error, then booked", async ({
  browser,
}) => {
  const page = await stand(browser, "host", "tomorrow");
  await page.getByTestId("new-reservation").click();
  const dialog = page.getByTestId("reservation-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Find a guest (name or phone)").fill("Zebedee");
  await expect(dialog.getByText("No guest found")).toBeVisible();
  await dialog.getByLabel("New guest's name").fill("Nora Quinn");
  await dialog.getByLabel("Phone", { exact: true }).fill("12");
  await dialog.getByRole("button", { name: "One guest more" }).click();
  await expect(dialog.getByLabel("Party size")).toHaveValue("3");
  const times = dialog.getByRole("radiogroup", { name: "Time" });
  await expect(times.getByRole("radio").first()).toBeVisible();
  await times.getByRole("radio").last().click();
  await expect(dialog.getByText(/Proposed: table \S+ \(\d+\)/)).toBeVisible();

  // A malformed phone is refused beside its field and nothing is booked.
  await dialog.getByTestId("save-reservation").click();
  await expect(dialog.getByLabel("Phone", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Phone", { exact: true })).toHaveAccessibleDescription(/Not a valid phone number/);
  await expect(card(page, "Nora Quinn")).toHaveCount(0);

  await dialog.getByLabel("Phone", { exact: true }).fill("(207) 555-0199");
  await dialog.getByRole("button", { name: "VIP" }).click();
  await dialog.getByLabel("Allergies (reach the kitchen)").fill("Sesame");
  await dialog.getByTestId("save-reservation").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("host-notice")).toContainText(/Booked Nora Quinn, 3 at \d\d:\d\d, table/);
  const nora = card(page, "Nora Quinn");
  await expect(nora).toContainText("VIP");
  await expect(nora).toContainText("⚠ Allergy");
  await expect(nora).toContainText("Sesame");

  // Edit: one more guest, the booking keeps its time.
  const time = (await nora.getAttribute("aria-label"))!.slice(0, 5);
  await nora.getByRole("button", { name: "Edit" }).click();
  await dialog.getByRole("button", { name: "One guest more" }).click();
  await dialog.getByTestId("save-reservation").click();
  await expect(page.getByTestId("host-notice")).toContainText(`Saved Nora Quinn, 4 at ${time}`);
  await page.context().close();
});

test("the keyboard alone books a party through the dialog", async ({ browser }) => {
  const page = await stand(browser, "host", "tomorrow");
  await page.getByTestId("new-reservation").focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("reservation-dialog");
  const search = dialog.getByLabel("Find a guest (name or phone)");
  await expect(search).toBeFocused();
  await page.keyboard.type("Kiri");
  await page.keyboard.press("Tab");
  await expect(dialog.getByLabel("New guest's name")).toBeFocused();
  await page.keyboard.type("Kiri Tane");
  await page.keyboard.press("Tab");
  await page.keyboard.type("(207) 555-0111");
  // Email, then −, the party size (arrow up: 3), +, the date, then the times' radio group.
  for (const _ of [1, 2, 3]) await page.keyboard.press("Tab");
  await expect(dialog.getByLabel("Party size")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(dialog.getByLabel("Party size")).toHaveValue("3");
  const times = dialog.getByRole("radiogroup", { name: "Time" });
  await expect(times.getByRole("radio").first()).toBeVisible();
  // +, then the date (Tab walks its month, day and year), then the times: one stop for the group.
  const inTimes = () => times.evaluate((el) => el.contains(document.activeElement));
  for (let i = 0; i < 8 && !(await inTimes()); i++) await page.keyboard.press("Tab");
  await expect(times.getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("End");
  await expect(times.getByRole("radio").last()).toHaveAttribute("aria-checked", "true");
  // On to the Book button (Tab stays inside the dialog).
  const save = dialog.getByTestId("save-reservation");
  for (let i = 0; i < 80 && !(await save.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(card(page, "Kiri Tane")).toContainText("· 3");
  // Escape closes the dialog and gives focus back.
  await page.getByTestId("new-reservation").focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("new-reservation")).toBeFocused();
  await page.context().close();
});

test("the host marks a party arrived and cancels another with a reason", async ({ browser }) => {
  const page = await stand(browser);
  const sam = card(page, "Sam O'Neill");
  await sam.getByRole("button", { name: "Arrived" }).click();
  await expect(page.locator("[data-section=arrived]").getByTestId("reservation")).toHaveAttribute(
    "data-name",
    "Sam O'Neill",
  );
  await expect(card(page, "Sam O'Neill")).toHaveAttribute("data-status", "ARRIVED");

  await card(page, "Jonas Lindqvist").getByRole("button", { name: "Cancel…" }).click();
  const dialog = page.getByTestId("cancel-dialog");
  await dialog.getByRole("button", { name: "Guest called" }).click();
  await expect(dialog.getByRole("textbox", { name: "Reason" })).toHaveValue("Guest called");
  await dialog.getByRole("button", { name: "Cancel reservation" }).click();
  await expect(dialog).toBeHidden();
  const jonas = page.locator("[data-section=finished]").locator('[data-name="Jonas Lindqvist"]');
  await expect(jonas).toHaveAttribute("data-status", "CANCELLED");
  await expect(jonas.getByRole("button")).toHaveCount(0);
  await page.context().close();
});

test("a booking made in another session appears on the host stand without a reload", async ({
  browser,
  playwright,
}) => {
  const page = await stand(browser, "host", "tomorrow");
  await expect(page.getByTestId("realtime-health")).toContainText(/live/i);
  const manager = await api(playwright, "manager");
  const availability = await manager.get(`/api/v1/availability?date=${TOMORROW}&partySize=2`);
  expect(availability.status()).toBe(200);
  const slot = ((await availability.json()) as { slots: { startsAt: string; bookable: boolean }[] }).slots.find(
    (s) => s.bookable,
  );
  expect(slot, "a bookable slot tomorrow").toBeDefined();
  const created = await manager.post("/api/v1/reservations", {
    data: { guestName: "Live Lucas", partySize: 2, startsAt: slot!.startsAt, source: "PHONE" },
  });
  expect(created.status()).toBe(201);
  // Sooner than the 30-second safety poll: the floor channel's event refetched the book.
  await expect(card(page, "Live Lucas")).toBeVisible({ timeout: 10_000 });
  await manager.dispose();
  await page.context().close();
});

test("the timeline shows bookings by table, opens a bar and starts a booking from an empty cell", async ({
  browser,
}) => {
  const page = await stand(browser);
  await page.getByRole("radio", { name: "Timeline" }).click();
  const region = page.getByRole("region", { name: "Timeline of the day's bookings by table" });
  await expect(region).toBeVisible();
  const bar = page.locator('[data-testid=timeline-bar][data-name="Elena Rivera"]');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-label", /^17:00 Elena Rivera, 4 guests, confirmed, table 5$/);
  // The grid scrolls inside its region, never the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1024);
  await bar.click();
  const details = page.getByTestId("reservation-details");
  await expect(details.getByTestId("reservation")).toHaveAttribute("data-name", "Elena Rivera");
  await details.getByRole("button", { name: "Close" }).click();

  // An empty stretch of table 9's row at its left edge: a new booking at that table and time.
  const row = page.locator("[data-testid=timeline-row][data-table='9']");
  await row.scrollIntoViewIfNeeded();
  const box = (await row.boundingBox())!;
  const regionBox = (await region.boundingBox())!;
  await page.mouse.click(Math.max(box.x, regionBox.x + 100) + 5, box.y + box.height / 2);
  const dialog = page.getByTestId("reservation-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: /^Table 9,/ })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  await page.context().close();
});

test("a manager reaches the host stand from the floor; a cashier reads the book without booking; the kitchen cannot open it", async ({
  browser,
}) => {
  const manager = await (
    await browser.newContext({ storageState: storageStateFor("manager"), viewport: TABLET })
  ).newPage();
  await manager.goto("/floor");
  await manager.getByRole("link", { name: "Host stand" }).click();
  await expect(manager).toHaveURL(/\/floor\/host$/);
  await expect(manager.getByTestId("new-reservation")).toBeVisible();
  await manager.context().close();

  const page = await stand(browser, "cashier");
  await expect(page.getByTestId("new-reservation")).toHaveCount(0);
  await expect(card(page, "Elena Rivera").getByRole("button")).toHaveCount(0);
  await page.context().close();
  const chef = await (await browser.newContext({ storageState: storageStateFor("chef") })).newPage();
  expect((await chef.goto("/floor/host"))?.status()).toBe(403);
  await chef.context().close();
});
