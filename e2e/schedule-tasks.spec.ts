// Issue 10, schedule and checklists: a manager draws a draft shift on next week's grid (the database's
// overlap refusal shows on the field), publishes the week and the server then sees the shift (API and
// tablet); a chef ticks the grill's opening checklist on the kitchen screen and the manager's
// /admin/tasks, already open, shows it done live. Each test first clears what a previous run left.
import { request, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor, type RoleName } from "./support/e2e-env";

test.describe.configure({ mode: "serial" });

async function api(role: RoleName): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });
}

const plusDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

type Shift = { id: string; userName: string; startsAt: string; status: string };

test("a manager drafts and publishes a shift that the server then sees", async ({ browser }) => {
  const manager = await api("manager");
  const server = await api("server");
  // This business week starts on Monday at 04:00 New York time, which is still Monday in UTC.
  const thisWeek = (await (await manager.get("/api/v1/shifts")).json()) as { from: string };
  const monday = plusDays(thisWeek.from.slice(0, 10), 7);
  const wednesday = plusDays(monday, 2);
  const range = `from=${monday}&to=${plusDays(monday, 7)}`;
  for (const s of ((await (await manager.get(`/api/v1/shifts?${range}`)).json()) as { shifts: Shift[] }).shifts) {
    if (s.userName === "Sam Carter") expect((await manager.delete(`/api/v1/shifts/${s.id}`)).status()).toBe(200);
  }

  const ctx = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const page = await ctx.newPage();
  await page.goto(`/admin/schedule?week=${monday}`);
  await page.getByRole("button", { name: `Add a shift for Sam Carter on Wed ${wednesday}` }).click();
  const dialog = page.getByTestId("shift-dialog");
  await dialog.getByLabel("Start").fill("10:00");
  await dialog.getByLabel("End").fill("16:00");
  await dialog.getByRole("button", { name: "Add shift" }).click();
  await expect(page.getByTestId("schedule-message")).toHaveText("Shift added as a draft");
  const row = page.getByTestId("row-Sam Carter");
  await expect(row.getByTestId("shift")).toHaveAttribute("data-status", "draft");
  await expect(row.getByTestId("shift")).toContainText("10:00–16:00");
  await expect(row.getByTestId("week-total")).toContainText("6 h");

  // The database refuses an overlap; the dialog says so on the times.
  await page.getByRole("button", { name: `Add a shift for Sam Carter on Wed ${wednesday}` }).click();
  await dialog.getByLabel("Start").fill("12:00");
  await dialog.getByLabel("End").fill("14:00");
  await dialog.getByRole("button", { name: "Add shift" }).click();
  await expect(dialog.getByTestId("time-error")).toHaveText("Overlaps another shift of this person");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // A draft is the manager's alone.
  const before = (await (await server.get(`/api/v1/shifts?${range}`)).json()) as { shifts: Shift[] };
  expect(before.shifts).toEqual([]);

  await page.getByTestId("publish-week").click();
  await expect(page.getByTestId("schedule-message")).toContainText("Published");
  await expect(row.getByTestId("shift")).toHaveAttribute("data-status", "published");

  const after = (await (await server.get(`/api/v1/shifts?${range}`)).json()) as { shifts: Shift[] };
  expect(after.shifts).toHaveLength(1);
  expect(after.shifts[0]).toMatchObject({ userName: "Sam Carter", status: "PUBLISHED" });

  const tablet = await browser.newContext({
    storageState: storageStateFor("server"),
    viewport: { width: 1024, height: 768 },
  });
  const floor = await tablet.newPage();
  await floor.goto("/floor");
  await floor.getByRole("link", { name: "My shifts" }).click();
  await expect(floor.getByTestId("my-shift").filter({ hasText: "10:00–16:00" })).toBeVisible();
  await tablet.close();
  await ctx.close();
});

test("a chef ticks a checklist on the kitchen screen and the manager's tasks page shows it done", async ({
  browser,
}) => {
  const chef = await api("chef");
  const LIST = "Grill opening line checks";
  const today = (await (await chef.get("/api/v1/tasks?station=grill")).json()) as {
    checklists: { name: string; tasks: { id: string }[] }[];
  };
  const list = today.checklists.find((c) => c.name === LIST)!;
  expect(list).toBeDefined();
  for (const t of list.tasks) expect((await chef.delete(`/api/v1/tasks/${t.id}/complete`)).status()).toBe(200);

  const desk = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const admin = await desk.newPage();
  await admin.goto("/admin/tasks");
  const overview = admin.getByTestId("today-checklist").filter({ has: admin.getByText(LIST, { exact: true }) });
  await expect(overview).not.toHaveAttribute("data-status", "DONE");
  await expect(admin.getByTestId("live-console")).toContainText("Live");

  const screen = await browser.newContext({
    storageState: storageStateFor("chef"),
    viewport: { width: 1920, height: 1080 },
  });
  const kitchen = await screen.newPage();
  await kitchen.goto("/kitchen/grill");
  await kitchen.getByTestId("checklists-toggle").click();
  const drawer = kitchen.getByTestId("checklist-drawer");
  const card = drawer.locator(`[data-testid="checklist"][data-name="${LIST}"]`);
  // all() does not wait: the drawer loads its lists after opening.
  await expect(card.getByRole("checkbox")).toHaveCount(list.tasks.length);
  for (const box of await card.getByRole("checkbox").all()) {
    await box.click();
    await expect(box).toHaveAttribute("aria-checked", "true");
  }
  await expect(card).toHaveAttribute("data-status", "DONE");
  await expect(card.getByRole("checkbox").first()).toContainText("Priya Nair");

  // Live on the console, no reload.
  await expect(overview).toHaveAttribute("data-status", "DONE");
  await overview.locator("summary").click();
  await expect(overview).toContainText("Priya Nair");
  await screen.close();
  await desk.close();
});

test("the day timeline draws and resizes by drag, shows the database's refusal, and hands a list to a shift", async ({
  browser,
}) => {
  const HOST = "Taylor Brooks";
  const LIST = "Server side work"; // a servers' list: the host sees it only through the shift
  const host = await api("host");
  const hostLists = async () =>
    ((await (await host.get("/api/v1/tasks")).json()) as { checklists: { name: string }[] }).checklists.map(
      (c) => c.name,
    );
  expect(await hostLists()).not.toContain(LIST);

  const desk = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const page = await desk.newPage();
  await page.goto("/admin/schedule");
  const timeline = page.getByTestId("day-timeline");
  const track = timeline.locator(`[data-testid="track"][data-person="${HOST}"]`);
  // The axis runs from the 04:00 cut-off over 24 hours. Measured before every drag: messages above move the rows.
  const axis = async () => {
    await track.scrollIntoViewIfNeeded();
    const box = (await track.boundingBox())!;
    return { x: (minutes: number) => box.x + (box.width * minutes) / 1440, y: box.y + box.height / 2 };
  };
  const drag = async (from: number | { x: number }, toMinutes: number) => {
    const { x, y } = await axis();
    await page.mouse.move(typeof from === "number" ? x(from) : from.x, y);
    await page.mouse.down();
    await page.mouse.move(x(toMinutes), y, { steps: 6 });
    await page.mouse.up();
  };
  const message = page.getByTestId("schedule-message");
  const bars = track.getByTestId("timeline-shift");
  const before = await bars.count();

  // Press and drag from 05:00 to 07:00: a draft shift, at once.
  await drag(60, 180);
  await expect(message).toHaveText(`Shift ${HOST} 05:00–07:00 added as a draft`);
  const mine = track.locator('[data-testid="timeline-shift"][data-status="draft"]'); // the host's seeded shift is published
  await expect(mine).toHaveAttribute("data-times", "05:00–07:00");

  // Drag the end edge to 08:00, then the start edge to 04:30.
  const edge = async (which: "start" | "end", toMinutes: number) => {
    await track.scrollIntoViewIfNeeded();
    const h = (await mine.getByTestId(`resize-${which}`).boundingBox())!;
    await drag({ x: h.x + h.width / 2 }, toMinutes);
  };
  await edge("end", 240);
  await expect(message).toHaveText(`Shift changed to ${HOST} 05:00–08:00`);
  await expect(mine).toHaveAttribute("data-times", "05:00–08:00");
  await edge("start", 30);
  await expect(message).toHaveText(`Shift changed to ${HOST} 04:30–08:00`);
  await expect(mine).toHaveAttribute("data-times", "04:30–08:00");

  // Drawing over it (08:30 back to 06:00): the database refuses, the drawn bar goes away again.
  await drag(270, 120);
  await expect(message).toContainText("Overlaps another shift of this person");
  await expect(message).toHaveAttribute("role", "alert");
  await expect(track).toHaveAttribute("data-refused", "true");
  await expect(bars).toHaveCount(before + 1);

  // From the keyboard: Shift+→ moves the end a step later, → slides the whole shift, Ctrl+← the start back.
  await mine.getByRole("button").focus();
  await page.keyboard.press("Shift+ArrowRight");
  await expect(mine).toHaveAttribute("data-times", "04:30–08:15");
  await page.keyboard.press("ArrowRight");
  await expect(mine).toHaveAttribute("data-times", "04:45–08:30");
  await page.keyboard.press("Control+ArrowLeft");
  await expect(mine).toHaveAttribute("data-times", "04:30–08:30");
  await expect(message).toHaveText(`Shift changed to ${HOST} 04:30–08:30`);

  // A click opens the dialog (the keyboard path too): hand the servers' list to this shift.
  await mine.getByRole("button").click();
  const dialog = page.getByTestId("shift-dialog");
  await dialog.getByTestId("shift-checklists").getByLabel(new RegExp(LIST)).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(message).toHaveText("Shift saved");
  await expect(page.getByTestId(`row-${HOST}`).getByTestId("shift").filter({ hasText: "04:30–08:30" })).toContainText(
    "1 list",
  );
  // A draft hands nothing yet; published, the host sees the list on the tablet, marked as theirs.
  expect(await hostLists()).not.toContain(LIST);
  await page.getByTestId("publish-week").click();
  await expect(message).toContainText("Published");
  expect(await hostLists()).toContain(LIST);

  const tablet = await browser.newContext({
    storageState: storageStateFor("host"),
    viewport: { width: 1024, height: 768 },
  });
  const floor = await tablet.newPage();
  await floor.goto("/floor/tasks");
  await expect(floor.locator(`[data-testid="checklist"][data-name="${LIST}"]`)).toContainText("your shift");
  await tablet.close();

  await page.goto("/admin/tasks");
  await expect(page.getByTestId("today-checklist").filter({ hasText: LIST }).first()).toContainText(HOST);
  await desk.close();
});
