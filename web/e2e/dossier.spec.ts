import { expect } from "@playwright/test";
import { signIn } from "./accounts";
import { screenshotAs, test } from "./helpers";
import { productPhoto } from "./png";
import { PHONE, SMALL_PHONE } from "./viewports";

/**
 * One story, in order (issue 13 §1): a producer in Tân Cương (Thái Nguyên) files an OCOP dossier for its tea from a
 * phone — the sub-group, the registration, the business plan, the self-assessment, evidence from the camera and
 * PDFs — and what was typed survives a reload; it submits; the ward's officer passes it to the province on a phone;
 * the producer sees it at the province council. Each phone asks for a sign-in code once (5 an hour are allowed).
 */
test.describe.configure({ mode: "serial" });

const SELLER = "0888 000 109";
const COMMUNE = "0900 000 119";
const SELLER_STATE = "test-results/state-dossier-seller.json";
const tag = Date.now().toString(36).slice(-4);
const PRODUCT = `Chè búp Tân Cương ${tag}`;
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
let dossierUrl = "";

test.describe("a producer on a phone", () => {
  test.use(PHONE);

  test("opens a dossier, fills it as it goes, and finds it all again after a reload", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/ban-hang/ho-so");
    await signIn(page, SELLER);
    await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ đánh giá OCOP" })).toBeVisible();
    await page.context().storageState({ path: SELLER_STATE });
    await page.getByRole("link", { name: "Tạo hồ sơ mới" }).click();
    await expect(page).toHaveURL(/\/ban-hang\/ho-so\/[0-9a-z]{26}$/);
    dossierUrl = new URL(page.url()).pathname;

    await page.getByLabel("Phân nhóm (phiếu chấm đi theo phân nhóm)").selectOption("1.5.1");
    await page.getByLabel("Tên sản phẩm").fill(PRODUCT);
    await page.getByLabel("Người đại diện").fill("Nguyễn Thị Hồng");
    await page.getByLabel("Số điện thoại liên hệ").fill("0888000109");
    await page.getByLabel("Nguồn gốc nguyên liệu (xã kiểm tra)").fill("Chè búp tươi của 45 hộ trong xã Tân Cương");
    await page.getByLabel("Số lao động", { exact: true }).fill("20");
    await page.getByLabel("Số lao động tại địa phương").fill("18");
    await page
      .getByLabel("Tóm tắt phương án kinh doanh")
      .fill("Mở rộng vùng chè VietGAP 10 ha, bán qua sàn và quà tặng");
    await expect(page.getByTestId("dossier-save")).toHaveText(/Đã lưu lúc/);

    // A reload (a phone that dropped the page) keeps everything typed.
    await page.reload();
    await expect(page.getByLabel("Tên sản phẩm")).toHaveValue(PRODUCT);
    await expect(page.getByLabel("Số lao động tại địa phương")).toHaveValue("18");
    await expect(page.getByLabel("Phân nhóm (phiếu chấm đi theo phân nhóm)")).toHaveValue("1.5.1");

    // One option per criterion of the tea sheet: the last (the highest) each time.
    const criteria = page.locator("fieldset.dossier-criterion");
    const count = await criteria.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) await criteria.nth(i).locator("label.dossier-option").last().click();
    await expect(page.getByTestId("self-total")).toHaveText(/Tự chấm: \d+ điểm/);
    await expect(page.getByTestId("dossier-save")).toHaveText(/Đã lưu lúc/);
    await screenshotAs(page, "phone-dossier-self-assessment");
  });

  test.describe(() => {
    test.use({ storageState: SELLER_STATE });

    test("attaches evidence from the camera and as PDFs, each with its state, and submits", async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(dossierUrl);
      await expect(page.getByLabel("Tên sản phẩm")).toHaveValue(PRODUCT);
      const camera = page.getByTestId("camera-label-photo");
      await expect(camera).toHaveAttribute("capture", "environment");
      await camera.setInputFiles({ name: "nhan.png", mimeType: "image/png", buffer: productPhoto() });
      for (const kind of ["food-safety", "test-report", "product-story"]) {
        await page
          .getByTestId(`file-${kind}`)
          .setInputFiles({ name: `${kind}.pdf`, mimeType: "application/pdf", buffer: PDF });
      }
      await expect(page.getByTestId("evidence-file")).toHaveCount(4, { timeout: 20_000 });
      await expect(page.getByTestId("evidence-upload")).toHaveCount(0);
      await expect(page.getByText("Hồ sơ đã đủ, có thể nộp.")).toBeVisible();
      await page.getByRole("button", { name: "Nộp hồ sơ cho xã" }).click();
      await expect(page.getByText("Đã nộp. UBND xã sẽ kiểm tra phần nguồn gốc và lao động địa phương.")).toBeVisible();
      await expect(page.locator(".stepper__step.is-current")).toHaveText("Xã kiểm tra");
      await expect(page.getByLabel("Tên sản phẩm")).toBeDisabled();
      await screenshotAs(page, "phone-dossier-submitted");
    });

    test("on a 360 px phone the list shows it at the commune's step", async ({ browser }) => {
      const context = await browser.newContext({ ...SMALL_PHONE, storageState: SELLER_STATE });
      const page = await context.newPage();
      await page.goto("/ban-hang/ho-so");
      const card = page.getByTestId("dossier-card").filter({ hasText: PRODUCT });
      await expect(card).toBeVisible();
      await expect(card.locator(".stepper__step.is-current")).toHaveText("Xã kiểm tra");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await screenshotAs(page, "phone360-dossiers");
      await context.close();
    });
  });
});

test.describe("the ward's officer on a phone", () => {
  test.use(PHONE);

  test("finds it in the queue, confirms the three checks and passes it to the province", async ({ page }) => {
    await page.goto("/quan-tri/ho-so-xa");
    await signIn(page, COMMUNE);
    await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ OCOP chờ xã kiểm tra" })).toBeVisible();
    const item = page.getByTestId("commune-dossier").filter({ hasText: PRODUCT });
    await expect(item).toContainText("HTX Chè Xóm Hồng Tân Cương");
    await item.getByRole("button", { name: "Kiểm tra" }).click();
    await expect(page.getByText("Chè búp tươi của 45 hộ trong xã Tân Cương")).toBeVisible();
    await page.getByRole("button", { name: "Chuyển lên tỉnh" }).click();
    await expect(page.getByText("Hãy xác nhận đủ 3 mục, hoặc trả lại hồ sơ.")).toBeVisible();
    await page.getByLabel("Sản phẩm được sản xuất tại xã").check();
    await page.getByLabel("Nguồn gốc nguyên liệu đúng như kê khai").check();
    await page.getByLabel("Lao động địa phương đúng như kê khai").check();
    await page.getByLabel("Ghi chú cho tỉnh").fill("Đã xác minh vùng chè tại xóm Hồng");
    await page.getByRole("button", { name: "Chuyển lên tỉnh" }).click();
    await expect(page.getByText("Đã chuyển hồ sơ lên hội đồng tỉnh.")).toBeVisible();
    await expect(page.locator(".stepper__step.is-current")).toHaveText("Hội đồng tỉnh");
    await screenshotAs(page, "phone-commune-passed");
  });

  test.describe(() => {
    test.use({ storageState: SELLER_STATE });

    test("the producer sees it at the province council", async ({ page }) => {
      await page.goto("/ban-hang/ho-so");
      const card = page.getByTestId("dossier-card").filter({ hasText: PRODUCT });
      await expect(card.locator(".stepper__step.is-current")).toHaveText("Hội đồng tỉnh");
    });
  });
});
