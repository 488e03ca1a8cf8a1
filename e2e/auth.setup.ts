import { expect, test as setup } from "@playwright/test";
import { PASSWORD, ROLE_USERS, storageStateFor, type RoleName } from "./support/e2e-env";

// Sign in once per role through the real form; the specs reuse the saved sessions.
for (const role of Object.keys(ROLE_USERS) as RoleName[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ROLE_USERS[role]);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
