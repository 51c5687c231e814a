import { type BrowserContext, test as base, expect, type Locator, type Page, type TestInfo } from "@playwright/test";

/**
 * Playwright's `test`, failing any test during which a page broke the site's Content-Security-Policy (a script,
 * frame, socket or image the policy refused), in any browser context the test opened.
 */
export const test = base.extend<{ noCspViolations: undefined }, { watchNewContexts: undefined }>({
  watchNewContexts: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => watchCsp(await newContext(options));
      await use(undefined);
      browser.newContext = newContext;
    },
    { scope: "worker", auto: true },
  ],
  noCspViolations: [
    async ({ context }, use) => {
      watchCsp(context);
      violations.length = 0;
      await use(undefined);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

const violations: string[] = [];
const watched = new WeakSet<BrowserContext>();
const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;

function watchCsp(context: BrowserContext): BrowserContext {
  if (watched.has(context)) return context;
  watched.add(context);
  context.on("console", (message) => {
    if (message.type() === "error" && CSP_MESSAGE.test(message.text())) violations.push(message.text());
  });
  void context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `Content-Security-Policy: ${e.violatedDirective} refused ${e.blockedURI || "inline"} on ${e.documentURI}`,
      );
    });
  });
  return context;
}

/**
 * What a page of the site sends with a state-changing request: its Origin (the API refuses cookie-carrying changes
 * from elsewhere). `page.request` and API request contexts send none by themselves.
 */
export function fromTheSite(): { origin: string } {
  return { origin: new URL(String(test.info().project.use.baseURL)).origin };
}

/** In the combo builder: search the storefront for `query` and put the product called `name` in the box. */
export async function pickForCombo(page: Page, query: string, name: string) {
  await page.getByLabel("Tìm sản phẩm").fill(query);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page
    .getByRole("list", { name: "Sản phẩm tìm được" })
    .getByRole("button", { name: `Chọn ${name}` })
    .click();
  await expect(page.getByTestId("chosen").getByText(name)).toBeVisible();
}

export const cards = (page: Page) => page.getByTestId("product-card");

/** The star rating a card shows, read from its OCOP seal ("OCOP 4 sao"). */
export async function starsOf(card: Locator): Promise<number> {
  const label = await card.getByRole("img", { name: /^OCOP \d (sao|stars)$/ }).getAttribute("aria-label");
  return Number(label?.match(/\d/)?.[0]);
}

/** On a phone the filters sit behind a "Bộ lọc" button; on a desktop they are always shown. */
export async function openFilters(page: Page) {
  const toggle = page.getByRole("button", { name: /^Bộ lọc|^Filters/ });
  // The catalog page renders the toggle with the panel; isVisible does not wait for either.
  await page.locator("#filters").waitFor({ state: "attached" });
  if (await toggle.isVisible()) {
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  }
}

export async function screenshot(page: Page, info: TestInfo, name: string) {
  await screenshotAs(page, `${info.project.name}-${name}`);
}

/** A full-page picture saved as test-results/screenshots/<file>.png. */
export async function screenshotAs(page: Page, file: string) {
  // Lazy images below the fold: scroll through so the full-page picture shows them.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `test-results/screenshots/${file}.png`, fullPage: true });
}

/** "2028-10-24" → "24/10/2028", as the page shows certificate dates. */
export function vnDate(isoDay: string): string {
  const [y, m, d] = isoDay.split("-");
  return `${d}/${m}/${y}`;
}
