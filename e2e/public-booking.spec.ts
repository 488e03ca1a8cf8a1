// The public booking page on a phone (issue 12): a guest picks a party, a day and a free time,
// leaves details, sees the confirmation, gets the mail and cancels through its link (once).
// A manager adds a service period in the settings and its times are bookable at once.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";
import { readMail } from "./support/mail";

const PHONE = { width: 390, height: 844 };
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

function cancelPathIn(text: string): string {
  const m = /https?:\/\/[^/\s]+(\/book\/demo-bistro\/cancel\/[A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error("no cancel link in the mail");
  return m[1];
}

/** Party, then a day chip (0 = today), then the first free time; returns the time's label. */
async function pickTable(page: Page, party: number, dayChip: number): Promise<string> {
  await page.goto("/book/demo-bistro");
  await page
    .getByRole("radiogroup", { name: "Number of guests" })
    .getByRole("radio", { name: `${party} guests` })
    .click();
  await page.getByRole("radiogroup", { name: "Day" }).getByRole("radio").nth(dayChip).click();
  const first = page.getByRole("radiogroup", { name: "Time" }).getByRole("radio").first();
  await expect(first).toBeVisible();
  const label = (await first.textContent()) ?? "";
  await first.click();
  return label;
}

test.describe("public booking on a phone", () => {
  test.use({ viewport: PHONE });

  test("a guest books a table, gets the mail and cancels with its link once", async ({ page }) => {
    test.slow(); // a mail round trip
    const email = `guest-${unique()}@e2e.test`;
    const time = await pickTable(page, 4, 1);
    await expect(page.getByTestId("chosen")).toContainText(`4 guests`);

    // No contact: refused next to the fields, nothing booked.
    await page.getByLabel("Name").fill("Ada Guest");
    await page.getByTestId("confirm-booking").click();
    await expect(page.locator("#phone-error")).toContainText("phone number or an email");
    await expect(page.locator("#email-error")).toContainText("phone number or an email");
    await page.getByLabel("Phone").fill("12");
    await page.getByTestId("confirm-booking").click();
    await expect(page.locator("#phone-error")).toContainText("Not a valid phone number");

    await page.getByLabel("Phone").fill("(207) 555-0123");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Occasion").selectOption("BIRTHDAY");
    await page.getByLabel("Allergies or dietary needs").fill("Shellfish");
    await page.getByTestId("confirm-booking").click();

    const confirmed = page.getByTestId("booking-confirmed");
    await expect(confirmed).toContainText("You're booked");
    await expect(confirmed).toContainText("4 guests");
    await expect(page.getByTestId("confirmed-when")).toContainText(time);
    await expect(confirmed).toContainText(`emailed a confirmation with a cancel link to ${email}`);

    const mail = await readMail(email, { match: /cancel/i });
    expect(mail.subject).toContain("Harbor");
    const cancelPath = cancelPathIn(mail.text);
    await expect(page.getByTestId("cancel-link")).toHaveAttribute("href", cancelPath);

    // Opening the link changes nothing; the button does.
    await page.goto(cancelPath);
    await expect(page.getByTestId("booking-when")).toContainText(time);
    await page.getByTestId("cancel-booking").click();
    await expect(page.getByTestId("cancelled")).toContainText("Your booking is cancelled");
    await page.reload();
    await expect(page.getByTestId("already-cancelled")).toContainText("already cancelled");
  });

  test("an unknown restaurant is a 404, a bad link says so", async ({ page }) => {
    const res = await page.goto("/book/no-such-restaurant");
    expect(res?.status()).toBe(404);
    await page.goto("/book/demo-bistro/cancel/not-a-real-token-0123456789");
    await expect(page.getByTestId("link-invalid")).toBeVisible();
  });
});

test.describe("reservation settings", () => {
  test.use({ storageState: storageStateFor("manager"), viewport: { width: 1440, height: 900 } });

  test("a manager adds a breakfast period; guests can book its times at once", async ({ page, browser }) => {
    test.slow();
    await page.goto("/admin/settings/reservations");
    await expect(page.getByRole("link", { name: "Reservations", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("public-link")).toContainText("/book/demo-bistro");

    await page.getByTestId("add-period").click();
    const form = page.getByTestId("new-period");
    await form.getByLabel("Name").fill("Breakfast");
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) await form.getByLabel(day).check();
    await form.getByLabel("First booking").fill("07:00");
    await form.getByLabel("Bookings stop").fill("06:00");
    await form.getByTestId("save-new-period").click();
    await expect(form.locator("[id$=end-error]")).toContainText("Bookings must stop after they start");
    await form.getByLabel("Bookings stop").fill("12:00");
    await form.getByTestId("save-new-period").click();
    await expect(form.locator("[id$=start-error]")).toContainText("Overlaps Lunch");
    await form.getByLabel("Bookings stop").fill("10:00");
    await form.getByTestId("save-new-period").click();
    const saved = page.getByRole("form", { name: "Service period Breakfast" });
    await expect(saved).toBeVisible();

    const guest = await (await browser.newContext({ storageState: undefined, viewport: PHONE })).newPage();
    const first = await pickTable(guest, 2, 1);
    expect(first).toBe("7:00 AM");
    await guest.context().close();

    // Leave the demo restaurant's hours as they were for other specs.
    await saved.getByRole("button", { name: "Archive" }).click();
    await expect(saved).toHaveCount(0);

    // Online booking off: the page says so (and how to reach the restaurant); on again after.
    const online = page.getByTestId("online-booking");
    const save = page.getByTestId("save-reservation-settings");
    await online.uncheck();
    await save.click();
    await expect(page.getByText("Reservation settings saved")).toBeVisible();
    const closed = await (await browser.newContext({ storageState: undefined, viewport: PHONE })).newPage();
    await closed.goto("/book/demo-bistro");
    await expect(closed.getByTestId("not-taking-bookings")).toContainText("(207) 555-0142");
    await closed.context().close();
    await online.check();
    await save.click();
    await expect(page.getByText("Reservation settings saved")).toBeVisible();
  });
});
