import { expect } from "@playwright/test";
import { screenshot, test, vnDate } from "./helpers";
import { SMALL_PHONE } from "./viewports";

/** The demo's imported Sơn La list (packages/functions/src/local/demo/registry.ts). */
const VALID = "GCN-14-2025-015";
const EXPIRING = "GCN-14-2023-042";
const REVOKED = "GCN-14-2024-031";

test("a shopper checks a certificate by the number on the label and sees its status, stars, decision and issuer", async ({
  page,
  request,
}, info) => {
  const cert = await (await request.get(`/api/certificates/${VALID}`)).json();
  await page.goto("/tra-cuu-ocop");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tra cứu sản phẩm OCOP");
  await page.getByRole("textbox", { name: "Số giấy chứng nhận" }).fill(VALID.toLowerCase());
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await expect(page).toHaveURL(new RegExp(`/chung-nhan/${VALID}$`));
  await expect(page.getByTestId("certificate-product")).toHaveText("Chè Shan tuyết cổ thụ Tà Xùa");
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực");
  await expect(page.getByRole("img", { name: "OCOP 4 sao" })).toBeVisible();
  await expect(page.getByTestId("certificate-issuer")).toHaveText("UBND tỉnh Sơn La");
  await expect(page.getByTestId("certificate-valid-until")).toHaveText(vnDate(cert.validUntil));
  await expect(page.getByRole("img", { name: `Mã QR mở trang giấy chứng nhận ${VALID}` })).toBeVisible();
  await screenshot(page, info, "registry-valid");

  await page.goto(`/chung-nhan/${EXPIRING}`);
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực, sắp hết hạn");

  await page.goto(`/chung-nhan/${REVOKED}`);
  await expect(page.getByTestId("certificate-status")).toHaveText("Đã bị thu hồi");
  await expect(page.getByText("Lý do thu hồi")).toBeVisible();
  await screenshot(page, info, "registry-revoked");

  await page.goto("/chung-nhan/GCN-99-1999-000");
  await expect(page.getByRole("heading", { name: "Không có giấy chứng nhận này" })).toBeVisible();
});

test("a shopper finds certificates by product name and province, accents optional", async ({ page }, info) => {
  await page.goto("/tra-cuu-ocop");
  await page.getByRole("textbox", { name: "Tên sản phẩm hoặc chủ thể" }).fill("man hau moc chau");
  await page.getByRole("combobox", { name: "Tỉnh, thành phố" }).selectOption({ label: "Sơn La" });
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  const results = page.getByTestId("registry-results");
  await expect(results).toContainText("Mận hậu sấy dẻo Mộc Châu");
  await expect(results).toContainText(EXPIRING);
  await screenshot(page, info, "registry-search");
  await results.getByRole("link", { name: /Mận hậu sấy dẻo Mộc Châu/ }).click();
  await expect(page).toHaveURL(new RegExp(`/chung-nhan/${EXPIRING}$`));
});

test.describe("on the narrowest phone", () => {
  test.use(SMALL_PHONE);
  test("the certificate page fits 360 px without sideways scrolling", async ({ page }, info) => {
    await page.goto(`/chung-nhan/${VALID}`);
    await expect(page.getByTestId("certificate-status")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, info, "registry-360");
  });
});
