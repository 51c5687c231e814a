import { expect } from "@playwright/test";
import { cards, openFilters, screenshot, starsOf, test } from "./helpers";

test("filter by province and stars: the URL carries the filters and every card matches", async ({ page }, info) => {
  await page.goto("/san-pham");
  await expect(cards(page).first()).toBeVisible();
  await openFilters(page);

  await page.getByLabel("Tỉnh, thành phố").selectOption("91");
  await expect(page).toHaveURL(/[?&]province=91(&|$)/);
  await page.getByRole("radio", { name: "Từ 4 sao" }).check();
  await expect(page).toHaveURL(/[?&]minStars=4(&|$)/);
  await expect(page).toHaveURL(/[?&]province=91(&|$)/);

  await expect(page.getByText(/^\d+ sản phẩm$/)).toBeVisible();
  const found = cards(page);
  await expect(found.first()).toBeVisible();
  const n = await found.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const card = found.nth(i);
    await expect(card.locator(".card__province")).toHaveText("An Giang");
    expect(await starsOf(card)).toBeGreaterThanOrEqual(4);
  }
  await expect(page.getByRole("button", { name: "Bỏ lọc An Giang" })).toBeVisible();
  await screenshot(page, info, "catalog");

  // Removing the province filter from its chip keeps the stars.
  await page.getByRole("button", { name: "Bỏ lọc An Giang" }).click();
  await expect(page).toHaveURL(/\/san-pham\?minStars=4$/);
});

test('search "nuoc mam" without diacritics finds "Nước mắm …"', async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "Tìm sản phẩm OCOP" });
  await box.fill("nuoc mam");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/san-pham\?q=nuoc\+mam$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả cho “nuoc mam”");

  const found = cards(page);
  await expect(found.first()).toBeVisible();
  const names = (await found.locator(".card__name").allTextContents()).map((s) => s.trim());
  expect(names.length).toBeGreaterThan(1);
  expect(names[0]).toMatch(/^Nước mắm /);
  for (const name of names) expect(name).toMatch(/nước mắm/i);
});

test("a shared catalog link opens with the same filters applied, also after a reload", async ({ page }) => {
  const link = "/san-pham?group=do-uong&minStars=4&sort=price_asc";
  await page.goto(link);
  await openFilters(page);
  await expect(page.getByLabel("Nhóm sản phẩm")).toHaveValue("do-uong");
  await expect(page.getByRole("radio", { name: "Từ 4 sao" })).toBeChecked();
  await expect(page.getByLabel("Sắp xếp")).toHaveValue("price_asc");

  const check = async () => {
    const found = cards(page);
    await expect(found.first()).toBeVisible();
    const prices = (await found.locator(".card__price strong").allTextContents()).map((p) =>
      Number(p.replace(/\D/g, "")),
    );
    expect(prices.length).toBeGreaterThan(0);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    for (let i = 0; i < prices.length; i++) {
      expect(await starsOf(found.nth(i))).toBeGreaterThanOrEqual(4);
      await expect(found.nth(i).locator(".card__meta")).toContainText("Đồ uống");
    }
    return prices;
  };
  const before = await check();
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`${link.replace(/[?]/g, "\\?")}$`));
  await openFilters(page);
  await expect(page.getByLabel("Nhóm sản phẩm")).toHaveValue("do-uong");
  expect(await check()).toEqual(before);
});

test('"Xem thêm" loads the next page with the cursor', async ({ page }) => {
  await page.goto("/san-pham");
  await expect(cards(page)).toHaveCount(24);
  await expect(page.getByText("Đang xem 24 sản phẩm, còn nữa")).toBeVisible();
  const firstPage = await cards(page).evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  await page.getByRole("button", { name: "Xem thêm" }).click();
  await expect(cards(page)).toHaveCount(48);
  const both = await cards(page).evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(both.slice(0, 24)).toEqual(firstPage);
  expect(new Set(both).size).toBe(48);
});

test("a filter with no results shows the empty state and a way back", async ({ page }) => {
  await page.goto("/san-pham?q=khongcosanphamnay");
  await expect(page.getByRole("heading", { name: "Không có sản phẩm phù hợp" })).toBeVisible();
  await page.getByRole("button", { name: "Xoá bộ lọc" }).click();
  await expect(page).toHaveURL(/\/san-pham$/);
  await expect(cards(page).first()).toBeVisible();
});

test("price range filter keeps every price inside it", async ({ page }) => {
  await page.goto("/san-pham");
  await openFilters(page);
  await page.getByLabel("Giá từ").fill("100000");
  await page.getByLabel("Giá đến").fill("300000");
  await page.getByRole("button", { name: "Áp dụng giá" }).click();
  await expect(page).toHaveURL(/minPrice=100000&maxPrice=300000/);
  await expect(cards(page).first()).toBeVisible();
  const prices = (await cards(page).locator(".card__price strong").allTextContents()).map((p) =>
    Number(p.replace(/\D/g, "")),
  );
  for (const p of prices) {
    expect(p).toBeGreaterThanOrEqual(100000);
    expect(p).toBeLessThanOrEqual(300000);
  }
});
