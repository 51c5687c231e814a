import { expect } from "@playwright/test";
import { cards, screenshot, starsOf, test } from "./helpers";

test("home shows featured products, regions and groups with counts", async ({ page }, info) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Chợ OCOP/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Đặc sản OCOP");

  const featured = page.getByRole("region", { name: "Sản phẩm nổi bật" });
  await expect(featured).toBeVisible();
  const featuredCards = cards(page).and(featured.getByTestId("product-card"));
  await expect(featuredCards.first()).toBeVisible();
  expect(await featuredCards.count()).toBeGreaterThan(3);

  const first = featuredCards.first();
  await expect(first).toContainText(/\d{1,3}(\.\d{3})*\s₫/);
  expect(await starsOf(first)).toBeGreaterThanOrEqual(3);

  const regions = page.getByRole("region", { name: "Mua theo vùng miền" }).getByRole("link");
  await expect(regions).toHaveCount(6);
  await expect(regions.filter({ hasText: "Đồng bằng sông Cửu Long" })).toContainText(/\d+ sản phẩm/);
  await expect(page.getByRole("region", { name: "Mua theo nhóm sản phẩm" }).getByRole("link")).toHaveCount(6);

  await screenshot(page, info, "home");

  await regions.filter({ hasText: "Đồng bằng sông Cửu Long" }).click();
  await expect(page).toHaveURL(/\/san-pham\?region=dong-bang-song-cuu-long$/);
  await expect(cards(page).first()).toBeVisible();
});

test("a card is a link to its product and the keyboard reaches it", async ({ page }) => {
  await page.goto("/");
  const card = cards(page).first();
  await expect(card).toBeVisible();
  await card.focus();
  await expect(card).toBeFocused();
  const name = (await card.locator(".card__name").textContent())?.trim() ?? "";
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/san-pham\/[0-9a-z]{26}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("an unknown address shows the 404 page", async ({ page }) => {
  await page.goto("/khong-co-trang-nay");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  await page.getByRole("link", { name: "Về trang chủ", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
});
