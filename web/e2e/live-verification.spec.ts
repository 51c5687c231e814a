import { expect, type Page } from "@playwright/test";
import { e164, signIn, waitForCodeSlot } from "./accounts";
import { fromTheSite, test } from "./helpers";
import { box, phonePage } from "./live-helpers";
import { certificateScan, png } from "./png";
import { DESKTOP, SMALL_PHONE } from "./viewports";

/**
 * Issue 12 §3, the E-commerce Law: a producer's seller is identity-verified before their first live. A new seller of
 * a Sơn La cooperative schedules a live from a phone; the broadcast page says why they cannot go on air and links to
 * the verification page; they send their CCCD number, photos of both sides of the card (the phone's camera) and the
 * business registration; Sơn La's staff, on a desktop, reject it with a reason; the seller is told, sends it again;
 * staff verify it; the seller goes on air. Each phone step is looked at on 412 and 360 px.
 */
test.describe.configure({ mode: "serial" });

const SELLER = "0398 000 531";
const STAFF = "0900000014";
const PRODUCER = "HTX Thổ Cẩm Chiềng Khoa";
const TITLE = "Thổ cẩm Chiềng Khoa — buổi live đầu tiên";
const REASON = "Ảnh mặt sau CCCD bị mờ, không đọc được ngày cấp.";
const shots = (name: string) => `test-results/screenshots/verify-${name}.png`;
const session = { id: "" };

/** A photo of an ID card: a pale card with a photo box and lines of text. */
const cardPhoto = () =>
  png(320, 200, (x, y) => {
    if (x > 20 && x < 100 && y > 50 && y < 160) return [150, 160, 175];
    if (x > 120 && x < 300 && y % 24 < 6 && y > 50 && y < 170) return [40, 50, 70];
    return [226, 236, 244];
  });

/** The page fits its width: nothing pokes out sideways (the message names what does). */
async function fitsWidth(page: Page) {
  const wider = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  });
  expect(wider).toEqual([]);
}

/** Both phone widths: 412 px first, then 360 px, each screenshot looked at. */
async function atBothWidths(page: Page, name: string, check: () => Promise<void>) {
  await page.setViewportSize({ width: 412, height: 915 });
  await check();
  await page.screenshot({ path: shots(`${name}-412`), fullPage: true });
  await page.setViewportSize(SMALL_PHONE.viewport);
  await check();
  await fitsWidth(page);
  await page.screenshot({ path: shots(`${name}-360`), fullPage: true });
  await page.setViewportSize({ width: 412, height: 915 });
}

test("a new seller is told to verify before going live, submits their CCCD, staff reject then verify, and the seller goes on air", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const seller = await phonePage(browser);
  seller.on("dialog", (d) => void d.accept());
  const staffContext = await browser.newContext({ ...DESKTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const staff = await staffContext.newPage();

  await test.step("a new seller registers a Sơn La cooperative and schedules a live with an approved product", async () => {
    await waitForCodeSlot(seller, SELLER);
    await seller.goto("/ban-hang/live");
    await signIn(seller, SELLER);
    const ward = ((await (await seller.request.get("/api/provinces/14/wards")).json()) as Array<{ code: string }>)[0];
    const registered = await seller.request.post("/api/seller/producer", {
      headers: fromTheSite(),
      data: {
        name: PRODUCER,
        kind: "cooperative",
        provinceCode: "14",
        wardCode: ward?.code,
        street: "Bản Chiềng Khoa",
        phone: "0912 345 678",
        story: "Hợp tác xã dệt thổ cẩm của bà con dân tộc Thái.",
      },
    });
    expect(registered.status()).toBe(201);
    const product = await seller.request.post("/api/seller/products", {
      headers: fromTheSite(),
      data: {
        name: "Khăn piêu thổ cẩm",
        group: "thu-cong-my-nghe",
        priceVnd: 320_000,
        unit: "chiếc",
        weightGrams: 150,
        stock: 20,
        tags: ["thổ cẩm"],
        label: { material: "Sợi bông nhuộm chàm tự nhiên" },
      },
    });
    expect(product.status()).toBe(201);
    const { productId } = (await product.json()) as { productId: string };
    const submitted = await seller.request.post(`/api/seller/products/${productId}/submit`, {
      headers: fromTheSite(),
      data: {
        certificate: {
          stars: 4,
          decisionNumber: "1520/QĐ-UBND",
          decisionDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
          issuer: "UBND tỉnh Sơn La",
          level: "province",
          score: { a: 30, b: 18, c: 27 },
        },
      },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    await waitForCodeSlot(staff, STAFF);
    await staff.goto("/quan-tri");
    await signIn(staff, STAFF);
    expect(
      (await staff.request.post(`/api/admin/products/${productId}/approve`, { headers: fromTheSite() })).status(),
    ).toBe(200);
    const scheduled = await seller.request.post("/api/seller/live", {
      headers: fromTheSite(),
      data: { title: TITLE, startAt: new Date().toISOString(), productIds: [productId] },
    });
    expect(scheduled.status()).toBe(201);
    session.id = ((await scheduled.json()) as { sessionId: string }).sessionId;
  });

  await test.step("the broadcast page says why the seller cannot go live and links to the verification page", async () => {
    await seller.goto(`/ban-hang/live/${session.id}/phat`);
    await expect(seller.getByRole("heading", { level: 1 })).toHaveText(`Phát live · ${TITLE}`);
    const notice = seller.getByTestId("verify-notice");
    const controls = seller.getByRole("navigation", { name: "Điều khiển buổi live" });
    await atBothWidths(seller, "1-broadcast-unverified", async () => {
      await expect(notice).toContainText(
        "Bạn chưa thể phát live: theo Luật Thương mại điện tử, người bán phải xác minh danh tính (CCCD và giấy đăng ký kinh doanh) trước buổi live đầu tiên.",
      );
      await expect(controls.getByRole("button", { name: "Lên sóng" })).toBeDisabled();
      const b = await box(notice);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(seller.viewportSize()?.width ?? 0);
    });
    // No stream key for OBS either.
    await controls.getByRole("button", { name: "Thêm" }).click();
    await expect(seller.getByRole("dialog")).toBeVisible();
    await expect(seller.getByText("Phát bằng OBS hoặc Larix")).toHaveCount(0);
    await seller.goto(`/ban-hang/live/${session.id}/phat`);
    await notice.getByRole("link", { name: "Xác minh danh tính" }).click();
    await expect(seller).toHaveURL(/\/ban-hang\/xac-minh$/);
  });

  await test.step("the seller sends the CCCD number, both sides of the card from the camera and the registration", async () => {
    await expect(seller.getByRole("heading", { level: 1, name: "Xác minh danh tính người bán" })).toBeVisible();
    await expect(seller.getByTestId("verification-status")).toContainText("Chưa gửi hồ sơ");
    const front = seller.getByLabel("Ảnh mặt trước CCCD");
    await expect(front).toHaveAttribute("accept", "image/*");
    await expect(front).toHaveAttribute("capture", "environment");
    await seller.getByRole("button", { name: "Gửi hồ sơ xác minh" }).click();
    await expect(seller.getByText("Hãy nhập họ và tên như trên CCCD.")).toBeVisible();
    await expect(seller.getByText("Hãy chụp ảnh mặt trước CCCD.")).toBeVisible();
    await expect(seller.getByText("Hãy chụp hoặc chọn giấy đăng ký kinh doanh.")).toBeVisible();
    await seller.getByLabel("Họ và tên (như trên CCCD)").fill("Lò Thị Hoa");
    await seller.getByLabel("Số CCCD (12 số)").fill("003 186 001 234");
    await front.setInputFiles({ name: "mat-truoc.png", mimeType: "image/png", buffer: cardPhoto() });
    await seller
      .getByLabel("Ảnh mặt sau CCCD")
      .setInputFiles({ name: "mat-sau.png", mimeType: "image/png", buffer: cardPhoto() });
    await seller
      .getByLabel(/Giấy đăng ký kinh doanh/)
      .setInputFiles({ name: "dang-ky-kinh-doanh.png", mimeType: "image/png", buffer: certificateScan() });
    await seller.getByRole("button", { name: "Gửi hồ sơ xác minh" }).click();
    await expect(
      seller.getByText("Số CCCD gồm đúng 12 chữ số, 3 số đầu là mã tỉnh nơi đăng ký khai sinh."),
    ).toBeVisible();
    await seller.getByLabel("Số CCCD (12 số)").fill("014 186 001 234");
    await seller.getByLabel("Số giấy đăng ký kinh doanh").fill("5500123456");
    await atBothWidths(seller, "2-form", async () => {
      await expect(seller.getByRole("button", { name: "Gửi hồ sơ xác minh" })).toBeVisible();
    });
    await seller.getByRole("button", { name: "Gửi hồ sơ xác minh" }).click();
    await expect(seller.getByText("Đã gửi hồ sơ. Cán bộ OCOP sẽ duyệt và báo cho bạn qua tin nhắn.")).toBeVisible();
    await atBothWidths(seller, "3-submitted", async () => {
      await expect(seller.getByTestId("verification-status")).toContainText("Đang chờ cán bộ duyệt");
    });
  });

  await test.step("Sơn La's staff find it among the waiting ones, look at the photos and reject it with a reason", async () => {
    await staff.goto("/quan-tri");
    await staff.getByRole("link", { name: "Xác minh người bán" }).click();
    await expect(staff.getByRole("heading", { level: 1, name: "Xác minh người bán" })).toBeVisible();
    const row = staff.getByTestId("verifications").getByRole("row").filter({ hasText: "Lò Thị Hoa" });
    await expect(row).toContainText(PRODUCER);
    await expect(row).toContainText("•••••••••234");
    await staff.screenshot({ path: shots("4-staff-list"), fullPage: true });
    await row.getByRole("link", { name: /Xem hồ sơ/ }).click();
    await expect(staff.getByTestId("verification-facts")).toContainText("014186001234");
    for (const side of ["Ảnh mặt trước CCCD", "Ảnh mặt sau CCCD"]) {
      const img = staff.getByRole("img", { name: side });
      await expect(img).toBeVisible();
      await expect.poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(320);
    }
    await staff.getByRole("button", { name: "Từ chối" }).click();
    await expect(staff.getByText("Hãy ghi lý do, ít nhất 5 ký tự.")).toBeVisible();
    await staff.getByLabel("Lý do từ chối (người bán sẽ đọc)").fill(REASON);
    await staff.screenshot({ path: shots("5-staff-review"), fullPage: true });
    await staff.getByRole("button", { name: "Từ chối" }).click();
    await expect(staff.getByText("Đã từ chối. Người bán đã được báo kèm lý do.")).toBeVisible();
    await expect(staff.getByTestId("verification-state")).toHaveText("Chưa được chấp nhận");
  });

  await test.step("the seller is told the reason, sees it on the broadcast page, and sends the papers again", async () => {
    const outbox = (await (await seller.request.get("/api/dev/outbox")).json()) as Array<{ to: string; text: string }>;
    expect(outbox.find((m) => m.to === e164(SELLER))?.text).toContain(`chưa được chấp nhận. Lý do: ${REASON}`);
    await seller.goto(`/ban-hang/live/${session.id}/phat`);
    await expect(seller.getByTestId("verify-notice")).toContainText(
      `Bạn chưa thể phát live: hồ sơ xác minh chưa được chấp nhận. Lý do: ${REASON}`,
    );
    await seller.getByTestId("verify-notice").getByRole("link", { name: "Xác minh danh tính" }).click();
    await atBothWidths(seller, "6-rejected", async () => {
      await expect(seller.getByTestId("verification-status")).toContainText(`Lý do: ${REASON}`);
    });
    await expect(seller.getByLabel("Số CCCD (12 số)")).toHaveValue("014186001234");
    await seller
      .getByLabel("Ảnh mặt trước CCCD")
      .setInputFiles({ name: "mat-truoc.png", mimeType: "image/png", buffer: cardPhoto() });
    await seller
      .getByLabel("Ảnh mặt sau CCCD")
      .setInputFiles({ name: "mat-sau-ro.png", mimeType: "image/png", buffer: cardPhoto() });
    await seller
      .getByLabel(/Giấy đăng ký kinh doanh/)
      .setInputFiles({ name: "dang-ky-kinh-doanh.png", mimeType: "image/png", buffer: certificateScan() });
    await seller.getByRole("button", { name: "Gửi lại hồ sơ" }).click();
    await expect(seller.getByTestId("verification-status")).toContainText("Đang chờ cán bộ duyệt");
  });

  await test.step("staff verify the seller, who is told and goes on air from the phone's camera", async () => {
    await staff.goto("/quan-tri/xac-minh");
    await staff
      .getByTestId("verifications")
      .getByRole("row")
      .filter({ hasText: "Lò Thị Hoa" })
      .getByRole("link")
      .click();
    await staff.getByRole("button", { name: "Xác minh người bán" }).click();
    await expect(staff.getByText("Đã xác minh. Người bán đã được báo qua tin nhắn và có thể phát live.")).toBeVisible();
    await expect(staff.getByTestId("verification-state")).toHaveText("Đã xác minh");
    const outbox = (await (await seller.request.get("/api/dev/outbox")).json()) as Array<{ to: string; text: string }>;
    expect(outbox.find((m) => m.to === e164(SELLER))?.text).toContain("đã được xác minh. Bạn đã có thể phát live.");

    await seller.goto(`/ban-hang/live/${session.id}/phat`);
    await expect(seller.getByRole("heading", { level: 1 })).toHaveText(`Phát live · ${TITLE}`);
    await expect
      .poll(() => seller.getByTestId("camera-preview").evaluate((v) => (v as HTMLVideoElement).videoWidth))
      .toBeGreaterThan(0);
    await expect(seller.getByTestId("verify-notice")).toHaveCount(0);
    const controls = seller.getByRole("navigation", { name: "Điều khiển buổi live" });
    await controls.getByRole("button", { name: "Lên sóng" }).click();
    await expect(seller.getByTestId("cast-state")).toHaveText("Kết nối: Đang phát", { timeout: 20_000 });
    await atBothWidths(seller, "7-on-air", async () => {
      await expect(seller.getByTestId("cast-state")).toHaveText("Kết nối: Đang phát");
    });
    await seller.getByRole("button", { name: "Kết thúc live" }).click();
    await expect(seller.getByTestId("cast-state")).not.toHaveText("Kết nối: Đang phát");
  });

  await staffContext.close();
  await seller.context().close();
});
