import { expect, type Page } from "@playwright/test";
import { signIn, waitForCodeSlot } from "./accounts";
import { fromTheSite, screenshotAs, test } from "./helpers";
import { PHONE, SMALL_PHONE } from "./viewports";

/**
 * One story, in order: a shopper on a 412 px phone opens "Sổ địa chỉ" from the account menu, saves two addresses,
 * edits one, makes the other the default and deletes a third; the checkout then starts from the default as a short
 * summary, "Đổi" picks the other, and the order goes there. Then the same book on a 360 px phone.
 */
test.describe.configure({ mode: "serial" });

const SHOPPER = "0398 000 471";
const STATE = "test-results/state-addresses.json";
const HUE = "46";
const HA_NOI = "01";

async function fill(page: Page, a: { name: string; province: string; street: string }) {
  const form = page.getByTestId("address-form");
  await form.getByLabel("Họ tên người nhận").fill(a.name);
  await form.getByLabel("Tỉnh, thành phố", { exact: true }).selectOption(a.province);
  const ward = form.getByLabel("Xã, phường, đặc khu");
  await expect(ward).toBeEnabled();
  await ward.selectOption({ index: 1 });
  await form.getByLabel("Số nhà, đường, thôn, xóm").fill(a.street);
}

const saved = (page: Page) => page.getByTestId("saved-address");
const card = (page: Page, text: string) => saved(page).filter({ hasText: text });

/** Nothing on the page is wider than the phone. */
async function fitsWidth(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
}

test.describe("a shopper's address book on a 412 px phone", () => {
  test.use(PHONE);

  test("add, edit, make default and delete; the checkout starts from the default and Đổi picks another", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await waitForCodeSlot(page, SHOPPER);
    await page.goto("/");
    await page.getByRole("link", { name: "Đăng nhập" }).first().click();
    await signIn(page, SHOPPER);
    // A server kept from an earlier run may still hold this shopper's addresses: start from an empty book.
    const before = (await (await page.request.get("/api/me/addresses")).json()) as {
      addresses: Array<{ addressId: string }>;
    };
    for (const a of before.addresses)
      await page.request.delete(`/api/me/addresses/${a.addressId}`, { headers: fromTheSite() });

    await page.getByRole("button", { name: /^Tài khoản/ }).click();
    await page.getByRole("link", { name: "Sổ địa chỉ" }).click();
    await expect(page).toHaveURL(/\/so-dia-chi$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sổ địa chỉ" })).toBeVisible();
    await expect(page.getByText("Bạn chưa lưu địa chỉ nào")).toBeVisible();
    await expect(page.getByTestId("address-count")).toHaveText("0/10 địa chỉ");

    // The first address: its phone is the account's, and it becomes the default.
    await page.getByRole("button", { name: "+ Thêm địa chỉ mới" }).click();
    await expect(page.getByTestId("address-form").getByLabel("Số điện thoại di động")).toHaveValue(SHOPPER);
    // Nothing typed yet: each field says what it needs, and nothing is saved.
    await page.getByRole("button", { name: "Lưu địa chỉ" }).click();
    await expect(page.getByText(/Hãy nhập họ tên người nhận/)).toBeVisible();
    await fill(page, { name: "Nguyễn Thị Lan", province: HUE, street: "12 Lê Lợi" });
    await page.getByRole("button", { name: "Lưu địa chỉ" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu địa chỉ." })).toBeVisible();
    await expect(saved(page)).toHaveCount(1);
    await expect(card(page, "12 Lê Lợi")).toContainText("Huế");
    await expect(card(page, "12 Lê Lợi")).toContainText("Mặc định");
    await expect(card(page, "12 Lê Lợi")).toContainText("0398 000 471");

    // A second, at the office in Hà Nội: not the default until asked.
    await page.getByRole("button", { name: "+ Thêm địa chỉ mới" }).click();
    await fill(page, { name: "Nguyễn Thị Lan", province: HA_NOI, street: "5 Tràng Tiền" });
    await page.getByRole("button", { name: "Lưu địa chỉ" }).click();
    await expect(saved(page)).toHaveCount(2);
    await expect(card(page, "5 Tràng Tiền")).not.toContainText("Mặc định");

    // Editing it: the form starts from what was saved.
    await card(page, "5 Tràng Tiền").getByRole("button", { name: "Sửa" }).click();
    const form = page.getByTestId("address-form");
    await expect(form.getByLabel("Số nhà, đường, thôn, xóm")).toHaveValue("5 Tràng Tiền");
    await expect(form.getByLabel("Tỉnh, thành phố", { exact: true })).toHaveValue(HA_NOI);
    await form.getByLabel("Số nhà, đường, thôn, xóm").fill("15 Tràng Tiền, tầng 3");
    await form.getByRole("button", { name: "Lưu địa chỉ" }).click();
    await expect(card(page, "15 Tràng Tiền, tầng 3")).toContainText("Hà Nội");
    await expect(saved(page)).toHaveCount(2);

    // Made the default: it moves to the top with the label, and only it has the label.
    await card(page, "15 Tràng Tiền").getByRole("button", { name: "Đặt làm mặc định" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã đổi địa chỉ mặc định." })).toBeVisible();
    await expect(saved(page).first()).toContainText("15 Tràng Tiền");
    await expect(saved(page).first()).toHaveAttribute("data-default", "yes");
    await expect(page.locator('[data-testid="saved-address"][data-default="yes"]')).toHaveCount(1);

    // A third, deleted after a confirmation.
    await page.getByRole("button", { name: "+ Thêm địa chỉ mới" }).click();
    await fill(page, { name: "Trần Văn Minh", province: HUE, street: "3 Nguyễn Huệ" });
    await page.getByRole("button", { name: "Lưu địa chỉ" }).click();
    await expect(saved(page)).toHaveCount(3);
    await card(page, "3 Nguyễn Huệ").getByRole("button", { name: "Xoá" }).click();
    await expect(card(page, "3 Nguyễn Huệ")).toContainText("Xoá địa chỉ này khỏi sổ?");
    await card(page, "3 Nguyễn Huệ").getByRole("button", { name: "Xoá" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã xoá địa chỉ." })).toBeVisible();
    await expect(saved(page)).toHaveCount(2);
    await expect(page.getByTestId("address-count")).toHaveText("2/10 địa chỉ");
    await fitsWidth(page);
    await screenshotAs(page, "phone-addresses");

    // The checkout starts from the default, shipping priced to it; "Đổi" picks the other and the parcels follow.
    const found = (await (await page.request.get("/api/products?q=me+xung&limit=1")).json()) as {
      items: Array<{ productId: string }>;
    };
    const added = await page.request.post("/api/cart/items", {
      data: { productId: found.items[0]?.productId, quantity: 1 },
      headers: fromTheSite(),
    });
    expect(added.status()).toBe(201);
    await page.goto("/thanh-toan");
    const deliverTo = page.getByTestId("deliver-to");
    await expect(deliverTo).toContainText("Giao đến");
    await expect(deliverTo).toContainText("15 Tràng Tiền, tầng 3");
    await expect(deliverTo).toContainText("Hà Nội");
    await expect(page.getByLabel("Số nhà, đường, thôn, xóm")).toHaveCount(0);
    await expect(page.getByTestId("checkout-shipping")).toContainText(/\d+\.\d{3}\s₫/);
    const toHaNoi = await page.getByTestId("checkout-total").textContent();
    await screenshotAs(page, "phone-checkout-saved-address");
    await deliverTo.getByRole("button", { name: /^Đổi/ }).click();
    await expect(page.getByTestId("address-option")).toHaveCount(2);
    await page.getByTestId("address-option").filter({ hasText: "12 Lê Lợi" }).getByRole("radio").click();
    await expect(deliverTo).toContainText("12 Lê Lợi");
    await expect(deliverTo).toContainText("Huế");
    // Mè xửng comes from Huế: delivering in Huế costs less than to Hà Nội.
    await expect(page.getByTestId("checkout-total")).not.toHaveText(toHaNoi ?? "");
    await page.getByRole("button", { name: /^Đặt hàng · / }).click();
    await expect(page).toHaveURL(/\/don-hang\/[0-9a-z]{26}\?moi=1$/);
    const orderId = new URL(page.url()).pathname.split("/").pop();
    const order = (await (await page.request.get(`/api/orders/${orderId}`)).json()) as {
      address: { street: string; provinceCode: string };
    };
    expect(order.address).toMatchObject({ street: "12 Lê Lợi", provinceCode: HUE });
    await expect(page.getByText("12 Lê Lợi").first()).toBeVisible();
    await page.context().storageState({ path: STATE });
  });
});

test("the address book on a 360 px phone: edit and change the default, nothing wider than the screen", async ({
  browser,
}) => {
  const context = await browser.newContext({
    ...SMALL_PHONE,
    storageState: STATE,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  await page.goto("/so-dia-chi");
  await expect(saved(page)).toHaveCount(2);
  await expect(saved(page).first()).toContainText("15 Tràng Tiền");
  await fitsWidth(page);
  await card(page, "12 Lê Lợi").getByRole("button", { name: "Đặt làm mặc định" }).click();
  await expect(saved(page).first()).toContainText("12 Lê Lợi");
  await expect(saved(page).first()).toHaveAttribute("data-default", "yes");
  await card(page, "12 Lê Lợi").getByRole("button", { name: "Sửa" }).click();
  const form = page.getByTestId("address-form");
  await form.getByLabel("Họ tên người nhận").fill("Nguyễn Thị Lan Anh");
  await fitsWidth(page);
  await screenshotAs(page, "small-phone-address-edit");
  await form.getByRole("button", { name: "Lưu địa chỉ" }).click();
  await expect(saved(page).first()).toContainText("Nguyễn Thị Lan Anh");
  await expect(saved(page).first()).toContainText("Mặc định");
  await fitsWidth(page);
  await screenshotAs(page, "small-phone-addresses");
  await context.close();
});
