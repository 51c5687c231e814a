import { createHash } from "node:crypto";
import { expect } from "@playwright/test";
import { signIn } from "./accounts";
import { screenshotAs, test } from "./helpers";
import { scoreAs, submitSheet as submit } from "./scoring";
import { DESKTOP } from "./viewports";

/**
 * One story, in order (issue 13 §2): Sơn La's council sits on a re-evaluation of Chè Ô long Mộc Châu (demo data,
 * packages/functions/src/local/demo/councils.ts). Its chair and two members each score on a desktop, on their own,
 * with the dossier beside the tea sheet; the secretary (the province's OCOP officer) reads the average, the mandatory
 * check and the stars, and issues the decision; the product's certificate on the storefront is the new one, and its
 * public page answers to the number. Each phone asks for one code (5 an hour are allowed).
 */
test.describe.configure({ mode: "serial" });
test.use(DESKTOP);

const CHAIR = "0900 000 141";
const MEMBER_1 = "0900 000 142";
const MEMBER_2 = "0900 000 143";
const SECRETARY = "0900 000 144";
const PRODUCT = "Chè Ô long Mộc Châu";
const NUMBER = `${(Date.now() % 90_000) + 10_000}/QĐ-UBND`;
const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
const digest = createHash("sha256").update("product:che-o-long-moc-chau").digest();
const PRODUCT_ID = Array.from({ length: 26 }, (_, i) => CROCKFORD[(digest[i] ?? 0) % 32]).join("");
let certificateNumber = "";

test("three members score on their own, each seeing the others only after submitting", async ({ browser }) => {
  test.setTimeout(180_000);
  // The chair: no certified quality system (C2.4 "being applied" = 2 of 4) → 98.
  const chair = await scoreAs(browser, CHAIR, PRODUCT, { "C2.4": 1 });
  await chair.page.getByLabel("Ghi chú C2.4").fill("Mới áp dụng VietGAP, chưa có chứng nhận");
  await expect(chair.page.getByRole("complementary", { name: "Hồ sơ và minh chứng" })).toContainText(
    "Nguồn gốc nguyên liệuĐồi chè Ô long 20 ha",
  );
  await expect(chair.page.getByTestId("running-C")).toHaveText("Phần C: 33/35");
  await expect(chair.page.getByTestId("running-total")).toHaveText("Tổng: 98/100");
  await screenshotAs(chair.page, "council-scoring");
  await chair.page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(chair.page.getByRole("status").filter({ hasText: "Đã lưu." })).toBeVisible();

  // A member who has not submitted sees nothing of the chair's sheet.
  const m1 = await scoreAs(browser, MEMBER_1, PRODUCT, { "C2.4": 1, "B1.1": 2 });
  const peek = await m1.page.request.get(
    new URL(m1.page.url()).pathname
      .replace("/hoi-dong/", "/api/council/sittings/")
      .replace(/\/([0-9a-z]{26})$/, "/dossiers/$1/summary"),
  );
  expect(peek.status()).toBe(403);
  await expect(m1.page.getByTestId("running-total")).toHaveText("Tổng: 96/100");

  await submit(chair.page);
  await expect(chair.page.getByText("1/3 thành viên đã nộp phiếu")).toBeVisible();
  await submit(m1.page);
  await expect(m1.page.getByText("2/3 thành viên đã nộp phiếu")).toBeVisible();

  const m2 = await scoreAs(browser, MEMBER_2, PRODUCT);
  await expect(m2.page.getByTestId("running-total")).toHaveText("Tổng: 100/100");
  await submit(m2.page);
  await expect(m2.page.getByText("3/3 thành viên đã nộp phiếu")).toBeVisible();
  for (const s of [chair, m1, m2]) await s.context.close();
});

test("the secretary reads the average and the mandatory check, and issues the decision", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/quan-tri/hoi-dong");
  await signIn(page, SECRETARY);
  await expect(page.getByRole("heading", { level: 1, name: "Hội đồng đánh giá, phân hạng" })).toBeVisible();
  await page
    .getByRole("button", { name: /Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La năm 2026/ })
    .first()
    .click();
  const sitting = page.getByTestId("sitting").filter({ hasText: PRODUCT }).first();
  await expect(sitting).toBeVisible();

  await sitting.getByRole("link", { name: "Kết quả" }).first().click();
  await expect(page.getByTestId("council-average")).toContainText("98");
  await expect(page.getByTestId("council-stars")).toContainText("Xếp hạng: 4★");
  await expect(page.getByTestId("council-stars")).toContainText("Theo điểm: 5★");
  await expect(page.getByTestId("council-failed")).toContainText("C2.4");
  await screenshotAs(page, "council-summary");
  await page.goBack();

  const again = page.getByTestId("sitting").filter({ hasText: PRODUCT }).first();
  const form = again.getByTestId("decision-form");
  await form.getByLabel("Số quyết định (ví dụ 1234/QĐ-UBND)").fill("QĐ 12");
  await form.getByLabel("Người ký").fill("Phó Chủ tịch UBND tỉnh Sơn La");
  await form.getByLabel("Cơ quan ban hành").fill("UBND tỉnh Sơn La");
  await form.getByRole("button", { name: "Ban hành quyết định" }).click();
  await expect(again.getByRole("alert")).toContainText("number");
  await form.getByLabel("Số quyết định (ví dụ 1234/QĐ-UBND)").fill(NUMBER);
  await form.getByRole("button", { name: "Ban hành quyết định" }).click();
  const done = again.getByTestId("decision-done");
  await expect(done).toContainText(`Đã ban hành quyết định ${NUMBER}.`);
  await expect(done).toContainText(`${PRODUCT}: 4★, 98`);
  const link = done.getByRole("link", { name: /Giấy chứng nhận OCOP-14-\d{4}-\d{4,}/ });
  certificateNumber = ((await link.textContent()) ?? "").replace("Giấy chứng nhận ", "");
  await screenshotAs(page, "council-decision");
});

test("the product lists with its new certificate, whose public page answers to its number", async ({ page }) => {
  expect(certificateNumber).toMatch(/^OCOP-14-/);
  await page.goto(`/san-pham/${PRODUCT_ID}`);
  await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
  await expect(page.getByTestId("decision-number")).toContainText(NUMBER);
  await page.goto(`/chung-nhan/${certificateNumber}`);
  await expect(page.getByTestId("certificate-product")).toHaveText(PRODUCT);
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực");
  await expect(page.getByRole("img", { name: `Mã QR mở trang giấy chứng nhận ${certificateNumber}` })).toBeVisible();
});
