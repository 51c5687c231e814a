import { expect } from "@playwright/test";
import { cards, openFilters, test } from "./helpers";

test("switching to English changes the labels, <html lang>, and is remembered", async ({ page }) => {
  await page.goto("/san-pham?minStars=5");
  await expect(cards(page).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Sản phẩm", exact: true })).toBeVisible();

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: /English/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("OCOP products");
  await expect(page.getByRole("link", { name: "Products", exact: true })).toBeVisible();
  await expect(page.getByLabel("Sort by")).toBeVisible();
  await expect(cards(page).first().getByRole("img", { name: "OCOP 5 stars" })).toBeVisible();
  await openFilters(page);
  await expect(page.getByLabel("Province or city")).toBeVisible();
  await expect(page.getByRole("radio", { name: "5 stars and up" })).toBeChecked();

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Shop by region" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // In English, prices are written the English way: the sign first, commas between thousands.
  await expect(cards(page).first()).toContainText(/₫\d{1,3}(,\d{3})*/);
  await expect(cards(page).first()).not.toContainText(/\d\.\d{3}/);

  await page.getByRole("button", { name: /Tiếng Việt/ }).click();
  await expect(page.getByRole("heading", { name: "Mua theo vùng miền" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
});

test("the language switch works from the keyboard", async ({ page }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  const en = page.getByRole("button", { name: /English/ });
  await en.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(en).toBeFocused();
});
