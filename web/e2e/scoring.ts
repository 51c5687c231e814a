import { type Browser, expect, type Page } from "@playwright/test";
import { signIn } from "./accounts";
import { DESKTOP } from "./viewports";

/**
 * A council member, on a desktop, opens their sitting's dossier and picks one option per criterion of the sheet: the
 * highest, except the criteria named in `lower` (criterion id, or its position on the sheet → the option's index;
 * a negative index counts from the highest: -2 is the option below it).
 */
export async function scoreAs(browser: Browser, phone: string, product: string, lower: Record<string, number> = {}) {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  page.on("dialog", (d) => d.accept());
  await page.goto("/hoi-dong");
  await signIn(page, phone);
  await expect(page.getByRole("heading", { level: 1, name: "Phiên chấm điểm của tôi" })).toBeVisible();
  await page.getByRole("link", { name: product }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: `Chấm điểm: ${product}` })).toBeVisible();
  const criteria = page.locator("[data-testid^='criterion-']");
  const count = await criteria.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    const c = criteria.nth(i);
    const id = (await c.getAttribute("data-testid"))?.replace("criterion-", "") ?? "";
    const options = c.getByRole("radio");
    const n = await options.count();
    const pick = lower[id] ?? lower[String(i)];
    await options.nth(pick === undefined ? n - 1 : pick < 0 ? n + pick : pick).check();
  }
  return { context, page };
}

/** Submits the member's sheet; the summary (the others' scores) opens only then. */
export async function submitSheet(page: Page) {
  await page.getByRole("button", { name: "Nộp phiếu chấm" }).click();
  await expect(page.getByTestId("council-summary")).toBeVisible();
}
