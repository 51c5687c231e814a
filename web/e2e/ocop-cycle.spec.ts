import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { e164, signIn } from "./accounts";
import { screenshotAs, test } from "./helpers";
import { productPhoto } from "./png";
import { scoreAs, submitSheet } from "./scoring";
import { DESKTOP, PHONE, SMALL_PHONE } from "./viewports";

/**
 * The OCOP evaluation cycle end to end (issue 13, "Done when"), one story in order, with Cần Thơ's rice cooperative
 * of Mỹ Xuyên (demo data): from a phone it files a dossier for its listed Gạo ST25; the ward's officer passes it; the
 * city's OCOP officer forms a council of three who score it on their desktops; the officer, its secretary, issues the
 * decision; the certificate's PDF carries a QR that a shopper scans to the public lookup; the product lists with its
 * new certificate. Then the producer, reminded by SMS that its gift box's certificate runs out within the month,
 * follows the link to a renewal dossier prefilled from the last one, and files it. Each phone asks for one code.
 */
test.describe.configure({ mode: "serial" });

const PRODUCER = "0983 000 136";
const COMMUNE = "0900 000 150";
const SECRETARY = "0900 000 151";
const CHAIR = "0900 000 152";
const MEMBERS = ["0900 000 153", "0900 000 154"];
const PRODUCT = "Gạo ST25 lúa tôm Mỹ Xuyên";
const RENEWED = "Hộp quà gạo ST25 hút chân không";
const REPRESENTATIVE = "Lâm Văn Phúc";
const tag = Date.now().toString(36).slice(-4);
const COUNCIL = `Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố Cần Thơ ${tag}`;
const NUMBER = `${(Date.now() % 90_000) + 10_000}/QĐ-UBND`;
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const PRODUCER_STATE = "test-results/state-cycle-producer.json";
const SECRETARY_STATE = "test-results/state-cycle-secretary.json";

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
const demoProductId = (key: string) => {
  const digest = createHash("sha256").update(`product:${key}`).digest();
  return Array.from({ length: 26 }, (_, i) => CROCKFORD[(digest[i] ?? 0) % 32]).join("");
};

let certificateNumber = "";
let scanned = "";

/** The sub-group, the registration's producer fields, the self-assessment (the highest option each time), evidence. */
async function fillAndSubmit(page: Page) {
  await page.getByLabel("Phân nhóm (phiếu chấm đi theo phân nhóm)").selectOption("1.3.1");
  await page
    .getByLabel("Nguồn gốc nguyên liệu (xã kiểm tra)")
    .fill("Lúa ST25 trên ruộng luân canh tôm – lúa của 60 hộ");
  const criteria = page.locator("fieldset.dossier-criterion");
  await expect(criteria.first()).toBeVisible();
  const count = await criteria.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) await criteria.nth(i).locator("label.dossier-option").last().click();
  await page.getByTestId("camera-label-photo").setInputFiles({
    name: "bao-bi.png",
    mimeType: "image/png",
    buffer: productPhoto(),
  });
  for (const kind of ["food-safety", "test-report", "product-story"]) {
    await page
      .getByTestId(`file-${kind}`)
      .setInputFiles({ name: `${kind}.pdf`, mimeType: "application/pdf", buffer: PDF });
  }
  await expect(page.getByTestId("evidence-upload")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByText("Hồ sơ đã đủ, có thể nộp.")).toBeVisible();
  await page.getByRole("button", { name: "Nộp hồ sơ cho xã" }).click();
  await expect(page.getByText("Đã nộp. UBND xã sẽ kiểm tra phần nguồn gốc và lao động địa phương.")).toBeVisible();
  await expect(page.locator(".stepper__step.is-current")).toHaveText("Xã kiểm tra");
}

/** Reads the QR printed on a PDF's first page, as a phone's camera would: the page rendered to an image, then decoded. */
function qrOnPdf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "cho-ocop-qr-"));
  writeFileSync(join(dir, "certificate.pdf"), pdf);
  execFileSync("pdftoppm", ["-png", "-r", "110", "-singlefile", join(dir, "certificate.pdf"), join(dir, "page")]);
  const png = PNG.sync.read(readFileSync(join(dir, "page.png")));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error("no QR found on the certificate's PDF");
  return code.data;
}

test.describe("the producer on a phone", () => {
  test.use(PHONE);

  test("files a dossier for its listed rice: the product picked from its own, the sheet of its sub-group", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await page.goto("/ban-hang/ho-so");
    await signIn(page, PRODUCER);
    await page.context().storageState({ path: PRODUCER_STATE });
    await page.getByRole("link", { name: "Tạo hồ sơ mới" }).click();
    await expect(page).toHaveURL(/\/ban-hang\/ho-so\/[0-9a-z]{26}$/);
    await page.getByLabel("Sản phẩm đang bán trên Chợ OCOP").selectOption({ label: PRODUCT });
    await expect(page.getByLabel("Tên sản phẩm")).toHaveValue(PRODUCT);
    await page.getByLabel("Người đại diện").fill(REPRESENTATIVE);
    await page.getByLabel("Số điện thoại liên hệ").fill("0983000136");
    await page.getByLabel("Số lao động", { exact: true }).fill("25");
    await page.getByLabel("Số lao động tại địa phương").fill("22");
    await page
      .getByLabel("Tóm tắt phương án kinh doanh")
      .fill("Mở rộng vùng lúa tôm 30 ha, bán gạo qua sàn và siêu thị");
    await fillAndSubmit(page);
    await screenshotAs(page, "phone-cycle-submitted");
  });
});

test.describe("the ward's officer on a phone", () => {
  test.use(PHONE);

  test("confirms the three checks and passes it to the city's council", async ({ page }) => {
    await page.goto("/quan-tri/ho-so-xa");
    await signIn(page, COMMUNE);
    const item = page.getByTestId("commune-dossier").filter({ hasText: PRODUCT });
    await item.getByRole("button", { name: "Kiểm tra" }).click();
    await expect(page.getByText("Lúa ST25 trên ruộng luân canh tôm – lúa của 60 hộ")).toBeVisible();
    await page.getByLabel("Sản phẩm được sản xuất tại xã").check();
    await page.getByLabel("Nguồn gốc nguyên liệu đúng như kê khai").check();
    await page.getByLabel("Lao động địa phương đúng như kê khai").check();
    await page.getByLabel("Ghi chú cho tỉnh").fill("Đã xác minh ruộng lúa tôm tại phường Mỹ Xuyên");
    await page.getByRole("button", { name: "Chuyển lên tỉnh" }).click();
    await expect(page.getByText("Đã chuyển hồ sơ lên hội đồng tỉnh.")).toBeVisible();
  });
});

test.describe("the city's OCOP officer and its council, on desktops", () => {
  test.use(DESKTOP);

  test("the officer forms a council, schedules a sitting, puts the dossier on it and assigns the three", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto("/quan-tri/hoi-dong");
    await signIn(page, SECRETARY);
    await page.context().storageState({ path: SECRETARY_STATE });
    const form = page.getByTestId("council-form");
    await form.getByLabel("Tên hội đồng").fill(COUNCIL);
    await form.getByLabel("Chủ tịch (tên, số điện thoại)").fill(`Trần Văn Nam, ${CHAIR.replace(/ /g, "")}`);
    await form.getByLabel("Thư ký (tên, số điện thoại)").fill(`Lê Thị Thu, ${SECRETARY.replace(/ /g, "")}`);
    await form
      .getByLabel("Thành viên: mỗi dòng một người, «Tên, số điện thoại»")
      .fill(MEMBERS.map((m, i) => `${["Nguyễn Thị Lan", "Phạm Văn Hùng"][i]}, ${m.replace(/ /g, "")}`).join("\n"));
    await form.getByRole("button", { name: "Thành lập" }).click();
    await expect(page.getByText(COUNCIL)).toBeVisible();
    await page.getByLabel("Địa điểm").fill("Hội trường Sở Nông nghiệp và Môi trường thành phố Cần Thơ");
    await page.getByRole("button", { name: "Lên lịch phiên họp" }).click();
    const sitting = page.getByTestId("sitting").first();
    await sitting.getByRole("checkbox", { name: new RegExp(PRODUCT) }).check();
    await sitting.getByRole("button", { name: "Đưa vào phiên" }).click();
    await expect(sitting.getByTestId("agenda-dossier").filter({ hasText: PRODUCT })).toBeVisible();
    for (const name of ["Trần Văn Nam", "Nguyễn Thị Lan", "Phạm Văn Hùng"]) {
      await sitting.getByRole("checkbox", { name: new RegExp(name) }).check();
    }
    await sitting.getByRole("button", { name: "Phân công" }).click();
    await expect(sitting.getByRole("alert")).toHaveCount(0);
    await screenshotAs(page, "cycle-council-formed");
  });

  test("its three members score on their own", async ({ browser }) => {
    test.setTimeout(180_000);
    // A good rice, not a 5★ one: each member marks the first criteria of the sheet one option below the highest, a
    // few more or fewer than the others.
    const lowest = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), -2]));
    const chair = await scoreAs(browser, CHAIR, PRODUCT, lowest(14));
    await submitSheet(chair.page);
    const first = await scoreAs(browser, MEMBERS[0] ?? "", PRODUCT, lowest(16));
    await submitSheet(first.page);
    const second = await scoreAs(browser, MEMBERS[1] ?? "", PRODUCT, lowest(12));
    await submitSheet(second.page);
    await expect(second.page.getByText("3/3 thành viên đã nộp phiếu")).toBeVisible();
    await screenshotAs(second.page, "cycle-council-scored");
    for (const s of [chair, first, second]) await s.context.close();
  });

  test.describe(() => {
    test.use({ storageState: SECRETARY_STATE });

    test("the secretary reads the average and the stars, issues the decision, and its PDF's QR holds the lookup", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await page.goto("/quan-tri/hoi-dong");
      await page.getByRole("button", { name: new RegExp(COUNCIL) }).click();
      const sitting = page.getByTestId("sitting").filter({ hasText: PRODUCT }).first();
      await sitting.getByRole("link", { name: "Kết quả" }).first().click();
      await expect(page.getByTestId("council-average")).toContainText(/\d/);
      await expect(page.getByTestId("council-stars")).toContainText(/Xếp hạng: [345]★/);
      await page.goBack();
      const form = page.getByTestId("sitting").filter({ hasText: PRODUCT }).first().getByTestId("decision-form");
      await form.getByLabel("Số quyết định (ví dụ 1234/QĐ-UBND)").fill(NUMBER);
      await form.getByLabel("Người ký").fill("Phó Chủ tịch UBND thành phố Cần Thơ");
      await form.getByLabel("Cơ quan ban hành").fill("UBND thành phố Cần Thơ");
      await form.getByRole("button", { name: "Ban hành quyết định" }).click();
      const done = page.getByTestId("decision-done");
      await expect(done).toContainText(`Đã ban hành quyết định ${NUMBER}.`);
      const link = done.getByRole("link", { name: /Giấy chứng nhận OCOP-92-\d{4}-\d{4,}/ });
      certificateNumber = ((await link.textContent()) ?? "").replace("Giấy chứng nhận ", "");
      await screenshotAs(page, "cycle-decision");

      await link.click();
      await expect(page.getByTestId("certificate-product")).toHaveText(PRODUCT);
      const href = await page.getByTestId("certificate-pdf").getAttribute("href");
      const pdf = await page.request.get(href ?? "");
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
      scanned = qrOnPdf(await pdf.body());
      expect(new URL(scanned).pathname).toBe(`/chung-nhan/${certificateNumber}`);
    });
  });
});

test.describe("a shopper in a shop, on a phone", () => {
  test.use(SMALL_PHONE);

  test("scans the certificate's QR to its public page, and finds the product listed with it", async ({ page }) => {
    expect(scanned).toContain(certificateNumber);
    await page.goto(new URL(scanned).pathname);
    await expect(page.getByTestId("certificate-product")).toHaveText(PRODUCT);
    await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực");
    await expect(page.getByText(NUMBER).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshotAs(page, "phone360-cycle-lookup");
    await page.goto(`/san-pham/${demoProductId("gao-st25-lua-tom")}`);
    await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
    await expect(page.getByTestId("decision-number")).toContainText(NUMBER);
  });
});

test.describe("the producer, near expiry", () => {
  test.use({ ...PHONE, storageState: PRODUCER_STATE });

  test("is reminded by SMS, follows it to a renewal prefilled from its last dossier, and files it", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await page.goto(`/dev/outbox?to=${encodeURIComponent(e164(PRODUCER))}`);
    const sms = page.getByRole("listitem").filter({ hasText: RENEWED }).first();
    await expect(sms).toContainText(`giấy chứng nhận OCOP theo quyết định 1686/QĐ-UBND của “${RENEWED}” hết hạn ngày`);
    const text = (await sms.locator(".text").textContent()) ?? "";
    expect(text).toMatch(/còn \d+ ngày/);
    const link = text.match(/https?:\/\/\S+\/ban-hang\/ho-so\/moi\?renew=\S+/)?.[0] ?? "";
    expect(link).not.toBe("");

    // The product's page in the portal says so too, with the same way in.
    const url = new URL(link);
    await page.goto(`/ban-hang/san-pham/${demoProductId("hop-qua-gao-st25")}`);
    await expect(page.getByText(/Còn \d+ ngày, hãy đánh giá lại để có giấy chứng nhận mới\./)).toBeVisible();
    await expect(page.getByRole("link", { name: "Lập hồ sơ đánh giá lại" })).toHaveAttribute(
      "href",
      url.pathname + url.search,
    );
    await page.goto(url.pathname + url.search);
    await expect(page).toHaveURL(/\/ban-hang\/ho-so\/[0-9a-z]{26}$/);
    await expect(page.getByLabel("Tên sản phẩm")).toHaveValue(RENEWED);
    await expect(page.getByLabel("Sản phẩm đang bán trên Chợ OCOP")).toHaveValue(demoProductId("hop-qua-gao-st25"));
    await expect(page.getByLabel("Người đại diện")).toHaveValue(REPRESENTATIVE);
    await expect(page.getByLabel("Số lao động tại địa phương")).toHaveValue("22");
    await page
      .getByLabel("Tự đánh giá kết quả 3 năm")
      .fill("Ba năm qua hộp quà gạo ST25 bán 12 000 hộp, giữ chứng nhận VietGAP và mở thêm kênh xuất khẩu");
    await fillAndSubmit(page);
    await screenshotAs(page, "phone-cycle-renewal");
    await page.goto("/ban-hang/ho-so");
    const card = page.getByTestId("dossier-card").filter({ hasText: RENEWED });
    await expect(card).toContainText("Đánh giá lại");
    await expect(card.locator(".stepper__step.is-current")).toHaveText("Xã kiểm tra");
  });
});
