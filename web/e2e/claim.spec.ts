import { expect, type Locator, type Page } from "@playwright/test";
import { signIn } from "./accounts";
import { screenshotAs, test } from "./helpers";
import { DESKTOP, PHONE, SMALL_PHONE } from "./viewports";

/**
 * One story, in order (issue 13 §5): producers on Sơn La's imported OCOP list (packages/functions/src/local/demo/
 * registry.ts) claim their records by phone. HTX Chè Tà Xùa's list gives 0900 000 171: signed in with it, the claim is
 * granted at once and the seller portal is its. Măng rừng Sốp Cộp's list gives no phone: its claim from 0900 000 172
 * waits; Sơn La's officer (0900 000 170) compares the phones on a desktop and refuses it with a reason, which the
 * claimant then reads. Each phone asks for one code.
 */
test.describe.configure({ mode: "serial" });

const LISTED = "0900 000 171";
const OTHER = "0900 000 172";
const STAFF = "0900 000 170";
const TA_XUA = "HTX Chè Tà Xùa";
const SOP_COP = "Tổ hợp tác Măng rừng Sốp Cộp";
const REASON = "Gọi số 0900 000 172 không phải người của tổ hợp tác; mời mang giấy xác nhận của xã đến Sở.";

async function noOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 0,
  );
}

/** Picks the kind and the first ward of the record's province, as a producer would on the claim form. */
async function fillShopperForm(card: Locator) {
  await card.getByRole("button", { name: "Đây là cơ sở của tôi" }).click();
  await card.getByRole("radio", { name: "Hợp tác xã" }).check();
  const ward = card.getByRole("combobox", { name: /Xã, phường, đặc khu \(Sơn La\)/ });
  await expect(ward.locator("option").nth(1)).toBeAttached();
  await ward.selectOption({ index: 1 });
}

test("the producer whose phone the list gives claims its record at once and sells from the portal", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  // From the certificate's public page (what the label's QR opens), an imported certificate invites its producer.
  await page.goto("/chung-nhan/GCN-14-2025-015");
  await page.getByRole("link", { name: "Bạn là chủ thể này? Nhận hồ sơ trên Chợ OCOP" }).click();
  await signIn(page, LISTED);
  await expect(page).toHaveURL(/\/nhan-ho-so\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhận hồ sơ chủ thể");
  const card = page.getByTestId("unclaimed-producer").filter({ hasText: TA_XUA });
  await expect(card).toContainText("Chè Shan tuyết cổ thụ Tà Xùa");
  await expect(card).toContainText("Sơn La · 1 giấy chứng nhận");
  await expect(card).toContainText("Danh sách có số điện thoại của cơ sở");
  await expect(card).not.toContainText("0900");
  await fillShopperForm(card);
  await screenshotAs(page, "claim-form-phone");
  await card.getByRole("button", { name: "Gửi yêu cầu nhận" }).click();
  const outcome = page.getByTestId("claim-outcome");
  await expect(outcome).toContainText(`Đã nhận: bạn là người bán của ${TA_XUA}.`);
  await expect(page.getByTestId("my-claim").filter({ hasText: TA_XUA })).toContainText("Đã nhận");
  await screenshotAs(page, "claim-granted-phone");
  await outcome.getByRole("link", { name: "Vào trang bán hàng" }).click();
  await expect(page).toHaveURL(/\/ban-hang$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TA_XUA);
  await expect(page.getByText("Hợp tác xã · Sơn La")).toBeVisible();
  await context.close();
});

test("a producer whose phone the list does not give waits, the officer refuses with a reason, the producer reads it", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const producer = await browser.newContext(PHONE);
  const phone = await producer.newPage();
  await phone.goto("/ban-hang");
  await signIn(phone, OTHER);
  // A shopper at the seller portal registers a producer, or claims one the province's list names.
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Đăng ký chủ thể OCOP");
  await phone.getByRole("link", { name: /Nhận hồ sơ chủ thể/ }).click();
  await expect(phone).toHaveURL(/\/nhan-ho-so$/);
  await phone.getByRole("combobox", { name: "Tỉnh, thành phố" }).selectOption({ label: "Sơn La" });
  await phone.getByRole("textbox", { name: "Tên cơ sở" }).fill("mang rung sop cop");
  await phone.getByRole("button", { name: "Tìm", exact: true }).click();
  const card = phone.getByTestId("unclaimed-producer").filter({ hasText: SOP_COP });
  await expect(phone.getByTestId("claim-results")).toContainText("1 cơ sở");
  await expect(card).toContainText("Măng khô Sốp Cộp");
  await expect(card).toContainText("Danh sách không có số điện thoại: cán bộ tỉnh sẽ xét yêu cầu.");
  await fillShopperForm(card);
  await card.getByRole("textbox", { name: /Ghi chú cho cán bộ tỉnh/ }).fill("Tôi là tổ trưởng tổ hợp tác.");
  await card.getByRole("button", { name: "Gửi yêu cầu nhận" }).click();
  await expect(phone.getByTestId("claim-outcome")).toHaveText("Đã gửi: yêu cầu đang chờ cán bộ tỉnh Sơn La duyệt.");
  await expect(phone.getByTestId("my-claim").filter({ hasText: SOP_COP })).toContainText("Chờ cán bộ tỉnh duyệt");
  await expect(card).toContainText("Đang có yêu cầu nhận chờ cán bộ tỉnh duyệt.");
  await expect(card.getByRole("button", { name: "Đây là cơ sở của tôi" })).toHaveCount(0);
  await screenshotAs(phone, "claim-waiting-phone");
  await phone.setViewportSize(SMALL_PHONE.viewport);
  await noOverflow(phone);
  await screenshotAs(phone, "claim-waiting-360");

  // Sơn La's officer, on a desktop: the claim with both phones; a refusal needs its reason.
  const office = await browser.newContext(DESKTOP);
  const desk = await office.newPage();
  await desk.goto("/quan-tri");
  await signIn(desk, STAFF);
  await desk.getByRole("link", { name: "Nhận hồ sơ", exact: true }).click();
  await expect(desk).toHaveURL(/\/quan-tri\/nhan-ho-so$/);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Yêu cầu nhận hồ sơ chủ thể");
  const waiting = desk.getByTestId("waiting-claim").filter({ hasText: SOP_COP });
  await expect(waiting.getByTestId("claimant-phone")).toHaveText(OTHER);
  await expect(waiting.getByTestId("listed-phone")).toHaveText("Không có");
  await expect(waiting).toContainText("Tôi là tổ trưởng tổ hợp tác.");
  await expect(desk.getByTestId("waiting-claim").filter({ hasText: TA_XUA })).toHaveCount(0);
  await waiting.getByRole("button", { name: "Từ chối" }).click();
  await expect(waiting.getByRole("alert")).toHaveText("Hãy ghi lý do từ chối.");
  await screenshotAs(desk, "claim-queue-desktop");
  await waiting.getByRole("textbox", { name: "Lý do từ chối" }).fill(REASON);
  await waiting.getByRole("button", { name: "Từ chối" }).click();
  await expect(desk.getByTestId("claim-decided")).toHaveText(`Đã từ chối yêu cầu nhận ${SOP_COP}.`);
  await expect(desk.getByTestId("waiting-claim").filter({ hasText: SOP_COP })).toHaveCount(0);
  await office.close();

  // The producer reads the refusal and its reason; the record is open to a claim again.
  await phone.setViewportSize(PHONE.viewport);
  await phone.reload();
  const mine = phone.getByTestId("my-claim").filter({ hasText: SOP_COP });
  await expect(mine).toContainText("Bị từ chối");
  await expect(mine).toContainText(`Lý do: ${REASON}`);
  await expect(
    phone
      .getByTestId("unclaimed-producer")
      .filter({ hasText: SOP_COP })
      .getByRole("button", { name: "Đây là cơ sở của tôi" }),
  ).toBeVisible();
  await screenshotAs(phone, "claim-refused-phone");
  await producer.close();
});
