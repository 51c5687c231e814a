import { expect } from "@playwright/test";
import { signIn } from "./accounts";
import { test } from "./helpers";
import { PHONE } from "./viewports";

// Runs once, in the "selling" project: producers register from their phones.
test.use(PHONE);

test("a shopper signs in and registers an OCOP producer: province, then its wards, errors beside their fields", async ({
  page,
}) => {
  test.setTimeout(45_000);
  await page.goto("/");
  await page.getByRole("link", { name: "Đăng nhập" }).click();
  await signIn(page, "0387 000 901");
  await expect(page).toHaveURL(/\/$/);

  // The header now holds the account menu.
  await page.getByRole("button", { name: /Tài khoản/ }).click();
  await page.getByRole("link", { name: "Đăng ký bán hàng" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đăng ký chủ thể OCOP" })).toBeVisible();

  await page.getByRole("radio", { name: "Hộ kinh doanh" }).check();
  await page.getByLabel("Tên chủ thể").fill("Hộ kinh doanh Mật Ong Bản Áng");
  await expect(page.getByLabel("Số đăng ký hộ kinh doanh hoặc mã số thuế")).toBeVisible();
  await page.getByLabel("Số đăng ký hộ kinh doanh hoặc mã số thuế").fill("12345");
  const ward = page.getByLabel("Xã, phường, đặc khu");
  await expect(ward).toBeDisabled();
  const wards = page.waitForResponse(/\/api\/provinces\/14\/wards$/);
  await page.getByLabel("Tỉnh, thành phố").selectOption("14");
  expect((await wards).status()).toBe(200);
  await expect(ward).toBeEnabled();
  const options = await ward.locator("option").count();
  expect(options).toBeGreaterThan(20);
  await ward.selectOption({ index: 3 });
  await page.getByLabel("Thôn, bản, số nhà, đường").fill("Bản Áng 2");
  await expect(page.getByLabel("Số điện thoại liên hệ")).toHaveValue("0387 000 901");

  // The API refuses the tax code: its message shows next to that field, in Vietnamese.
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  const tax = page.getByLabel("Số đăng ký hộ kinh doanh hoặc mã số thuế");
  await expect(tax).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/số đăng ký hộ kinh doanh có dạng 01A8012345/)).toBeVisible();
  await expect(tax).toBeFocused();

  await tax.fill("14A8012345");
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hộ kinh doanh Mật Ong Bản Áng");
  await expect(page.getByRole("heading", { name: "Chưa có sản phẩm nào" })).toBeVisible();
  await page.getByRole("button", { name: /Tài khoản/ }).click();
  await expect(page.getByRole("link", { name: "Kênh người bán" })).toBeVisible();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
});

test("a page for staff refuses a signed-out visitor by sending them to sign in", async ({ page }) => {
  await page.goto("/quan-tri/so-lieu");
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-tri%2Fso-lieu$/);
  await page.getByLabel("Số điện thoại di động").fill("12345");
  await page.getByRole("button", { name: "Nhận mã đăng nhập" }).click();
  await expect(page.getByText("Số điện thoại di động chưa đúng. Ví dụ: 0912 345 678.")).toBeVisible();
  await expect(page.getByLabel("Số điện thoại di động")).toHaveAttribute("aria-invalid", "true");
});
