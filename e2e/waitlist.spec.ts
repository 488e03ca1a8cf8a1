// Issue 12, waitlist: the host adds a walk-in on a tablet and sees the quote and the party's status
// link; the guest opens it on a phone (no sign-in) and sees their place in line; the host notifies
// them and the phone turns to "Your table is ready" live (well before its 20-second poll); seating
// from the panel's table picker shows "seated" there too.
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";

test("a walk-in is quoted, follows their place in line on their phone, and hears live that their table is ready", async ({
  browser,
}) => {
  const hostCtx = await browser.newContext({
    storageState: storageStateFor("host"),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  const host = await hostCtx.newPage();
  await host.goto("/floor/host/waitlist");
  const panel = host.getByRole("region", { name: /Waitlist/ });
  await expect(panel.getByRole("list", { name: "Parties waiting, in order" })).toBeVisible();
  await expect(panel.getByText(/Quotes today|No quotes to check yet/)).toBeVisible();

  const form = host.getByRole("form", { name: "Add walk-in" });
  await form.getByLabel("Name").fill("Ada Walker");
  await form.getByRole("spinbutton", { name: "Party" }).fill("2");
  await form.getByLabel(/Phone/).fill("(207) 555-0134");
  await expect(host.getByTestId("quote-preview")).toHaveText(/Quote now: (a table is free|about \d+ min)/);
  await form.getByRole("button", { name: "Add to waitlist" }).click();
  await expect(form.getByRole("status")).toContainText(/Ada Walker added — quoted (no wait|\d+ min)/);
  const link = await form.getByLabel("Status link").inputValue();
  expect(link).toMatch(/\/wait\/[A-Za-z0-9_-]{32}$/);
  const row = panel.getByRole("listitem", { name: /Ada Walker, party of 2/ });
  await expect(row).toBeVisible();

  // The guest's phone: no session at all.
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await phoneCtx.newPage();
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByRole("heading", { name: "Hi Ada" })).toBeVisible();
  await expect(phone.getByText(/You’re \d+(st|nd|rd|th) in line|You’re next in line/)).toBeVisible();
  await expect(phone.getByText("Walker")).toHaveCount(0); // nothing personal beyond the first name
  // Let the live channel join before the change (the page's own socket, signed in by the link).
  await phone.waitForTimeout(1500);

  await row.getByRole("button", { name: "Notify" }).click();
  await expect(row.getByRole("status")).toHaveText("Tell Ada: your table is ready");
  await expect(row.getByText("Notified")).toBeVisible();
  await expect(phone.getByText("Your table is ready")).toBeVisible({ timeout: 8_000 });
  await expect(phone.getByText("Please come to the host stand.")).toBeVisible();

  // Seat without the floor plan: the picker pre-selects the suggested free table.
  await row.getByRole("button", { name: "Seat", exact: true }).click();
  const seat = row.getByRole("button", { name: /^Seat 2 \(\d+ seats\)$/ });
  await expect(seat).toBeEnabled();
  await seat.click();
  await expect(panel.getByRole("listitem", { name: /Ada Walker/ })).toHaveCount(0);
  await expect(phone.getByText("You’re seated — enjoy your meal!")).toBeVisible({ timeout: 8_000 });

  // A wrong link is a friendly 404.
  await phone.goto("/wait/" + "x".repeat(32));
  await expect(phone.getByRole("heading", { name: "We can’t find this waitlist link" })).toBeVisible();
  await phoneCtx.close();
  await hostCtx.close();
});
