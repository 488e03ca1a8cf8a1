import { test as base, type BrowserContext, type Page } from "@playwright/test";
import { describeFindings, pageKey, seriousViolations } from "./axe";

export { expect } from "@playwright/test";

/**
 * Every spec imports `test` from here: after each passing test, an automatic accessibility gate
 * runs axe on every page the test left open (its final state, dialogs and all) and on every
 * other page it navigated to that this worker has not checked yet as the same user. Any serious
 * or critical violation fails the test. Opt out only for a page that is not ours (set `axe: false`).
 */
export const test = base.extend<{ axe: boolean; keepContexts: boolean; axeGate: void }, { axeChecked: Set<string> }>({
  axe: [true, { option: true }],
  // A serial file whose tests share a page it opened itself sets this (and closes it in afterAll).
  keepContexts: [false, { option: true }],
  axeChecked: [async ({}, use) => use(new Set<string>()), { scope: "worker" }],
  axeGate: [
    async ({ context, browser, storageState, axe, keepContexts, axeChecked }, use, testInfo) => {
      const who = typeof storageState === "string" ? storageState : "anonymous";
      const visited = new Map<string, string>();
      const watch = (page: Page) =>
        page.on("framenavigated", (frame) => {
          if (frame !== page.mainFrame()) return;
          const key = pageKey(frame.url());
          if (key && !visited.has(key)) visited.set(key, frame.url());
        });
      context.pages().forEach(watch);
      context.on("page", watch);
      const before = new Set<BrowserContext>(browser.contexts());

      await use();

      try {
        await axeGateAfter();
      } finally {
        if (!keepContexts) {
          // Contexts a test opened itself (tablets, kitchen screens, phones) would otherwise live on
          // for the whole worker, their pages polling and holding sockets: close them.
          const leftOpen = browser.contexts().filter((c) => c !== context && !before.has(c));
          await Promise.all(leftOpen.map((c) => c.close().catch(() => undefined)));
        }
      }

      async function axeGateAfter() {
        if (!axe || testInfo.status !== testInfo.expectedStatus || testInfo.expectedStatus !== "passed") return;
        const problems: string[] = [];
        const extraContexts = browser.contexts().filter((c) => c !== context && !before.has(c));
        for (const ctx of [context, ...extraContexts]) {
          for (const page of ctx.pages()) {
            if (page.isClosed() || !pageKey(page.url())) continue;
            const findings = await analyseSettled(page);
            if (findings.length) problems.push(describeFindings(`${page.url()} (final state)`, findings));
            const key = pageKey(page.url());
            if (ctx === context && key) axeChecked.add(`${who}|${key}`);
          }
        }
        for (const [key, url] of visited) {
          if (axeChecked.has(`${who}|${key}`)) continue;
          axeChecked.add(`${who}|${key}`);
          const page = await context.newPage();
          try {
            const response = await page.goto(url, { waitUntil: "load" }).catch(() => null);
            if (!response) continue;
            const findings = await analyseSettled(page);
            if (findings.length) problems.push(describeFindings(url, findings));
          } finally {
            await page.close();
          }
        }
        if (problems.length) throw new Error(problems.join("\n\n"));
      }
    },
    { auto: true, timeout: 60_000 },
  ],
});

/** Pages may still be navigating when a test ends: analyse once settled, retrying a run the navigation cut short. */
async function analyseSettled(page: Page) {
  for (let attempt = 0; ; attempt++) {
    await page.waitForLoadState("load").catch(() => undefined);
    try {
      return await seriousViolations(page);
    } catch (error) {
      if (attempt >= 2 || page.isClosed()) throw error;
      await page.waitForTimeout(250);
    }
  }
}
