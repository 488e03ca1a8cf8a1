import { test, expect } from "./support/test";
import { storageStateFor } from "./support/e2e-env";
import { setDemoPin } from "./support/staff-pins";

// A server clocks in by PIN on the floor tablet (signed in as someone else) and the manager's
// timesheet shows the punch; a wrong PIN is refused with the PIN pad's one message.
const WHO = { email: "server2@demo.kitchen", name: "Maya Johnson", pin: "4827" };

test("a server clocks in by PIN on the floor tablet and the manager's timesheet shows the punch", async ({
  browser,
}) => {
  test.slow(); // a tablet and a console, three argon2 PIN checks
  await setDemoPin(WHO.email, WHO.pin);
  const tabletCtx = await browser.newContext({
    storageState: storageStateFor("server"),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  const tablet = await tabletCtx.newPage();
  await tablet.goto("/floor");
  await tablet.getByTestId("time-clock-open").click();
  const dialog = tablet.getByRole("dialog", { name: /Time clock/ });
  await dialog.getByTestId("time-clock-person").filter({ hasText: WHO.name }).click();
  const pad = tablet.getByRole("dialog", { name: WHO.name });
  await expect(pad.getByTestId("time-clock-state")).toHaveText(/Not clocked in/);

  // A wrong PIN, typed on the keyboard: refused, the field is emptied for the next try.
  await pad.getByTestId("time-clock-pin").fill("1357");
  await pad.getByTestId("time-clock-clock-in").click();
  await expect(pad.getByRole("alert")).toHaveText("Wrong PIN");
  await expect(pad.getByTestId("time-clock-pin")).toHaveValue("");

  // The right PIN on the on-screen keypad.
  for (const digit of WHO.pin) await pad.getByRole("button", { name: digit, exact: true }).click();
  await pad.getByTestId("time-clock-clock-in").click();
  await expect(tablet.getByTestId("time-clock-done")).toContainText(`${WHO.name} clocked in`);

  const adminCtx = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const admin = await adminCtx.newPage();
  await admin.goto("/admin/timesheets");
  const row = admin.getByTestId("timesheet-row").filter({ hasText: WHO.name });
  await expect(row).toBeVisible();
  const punch = admin.getByTestId("punch-row").filter({ hasText: WHO.name });
  await expect(punch.first()).toContainText("on the clock");

  // Back on the tablet: the pad shows the open punch and clocks out (the run leaves nobody on the clock).
  // The finished punch's dialog has closed itself for the next person.
  await expect(tablet.getByTestId("time-clock-dialog")).toBeHidden({ timeout: 15_000 });
  await tablet.getByTestId("time-clock-open").click();
  await tablet.getByTestId("time-clock-person").filter({ hasText: WHO.name }).click();
  await expect(pad.getByTestId("time-clock-state")).toHaveText(/On shift since/);
  await pad.getByTestId("time-clock-pin").fill(WHO.pin);
  await pad.getByTestId("time-clock-clock-out").click();
  await expect(tablet.getByTestId("time-clock-done")).toContainText(`${WHO.name} clocked out`);

  await admin.reload();
  await expect(admin.getByTestId("punch-row").filter({ hasText: WHO.name }).first()).not.toContainText("on the clock");
  await tabletCtx.close();
  await adminCtx.close();
});

test("the time clock API answers who is on the clock, and refuses corrections to a server (403)", async ({
  browser,
}) => {
  const ctx = await browser.newContext({ storageState: storageStateFor("server") });
  const res = await ctx.request.get("/api/v1/time-clock");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { onClock: unknown[]; people: { name: string }[] };
  expect(body.people.map((p) => p.name)).toContain(WHO.name);
  const patch = await ctx.request.patch("/api/v1/time-clock/punches/nope", {
    data: { clockInAt: "2026-11-30T09:00", reason: "mine" },
  });
  expect(patch.status()).toBe(403);
  const bad = await ctx.request.post("/api/v1/time-clock", { data: { action: "nap", userId: "x" } });
  expect(bad.status()).toBe(400);
  await ctx.close();
});
