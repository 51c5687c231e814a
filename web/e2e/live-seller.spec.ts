import { expect, type Locator, type Page } from "@playwright/test";
import { signIn, waitForCodeSlot } from "./accounts";
import { fromTheSite, test } from "./helpers";
import { box, closeOpenLives, phonePage, signInOnLives } from "./live-helpers";
import { PHONE, SMALL_PHONE } from "./viewports";

/**
 * The seller's broadcast page as a seller on a phone feels it, independent of the live story (live.spec.ts): another
 * demo producer. The phone's camera streams portrait and the preview is framed as viewers watch it; everything is in
 * reach of one thumb over the preview at 412 and 360 px; the page keeps up with the viewers (units left, one viewer
 * count, the shop's own messages labelled as the shop); a viewer joining late sees the chat so far; and when the
 * live ends, every viewer's deal ends with it.
 */
test.describe.configure({ mode: "serial" });

const SELLER = { phone: "0903 000 116", producer: "HTX Thủ Công Cói Kim Sơn" };
const BUYER = "0398 000 515";
const TITLE = "Chiếu cói Kim Sơn dệt tay — xem thợ dệt trực tiếp";
const PRODUCT = "Chiếu cói in hoa Kim Sơn";
const DEAL_PRICE = 299_000;
const vnd = (n: number) => new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(n);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/live-seller-${name}.png`, fullPage: false });

/** Chat, the newest order and the controls are all over the preview, on screen, with nothing to scroll. */
async function expectInThumbReach(page: Page, viewport: { width: number; height: number }) {
  const preview = await box(page.getByTestId("camera-preview"));
  expect(preview.x).toBe(0);
  expect(preview.width).toBe(viewport.width);
  expect(preview.height).toBe(viewport.height);
  const controls = page.getByRole("navigation", { name: "Điều khiển buổi live" });
  const reachable = [
    page.getByRole("region", { name: "Trò chuyện" }),
    page.getByTestId("chat-message").last(),
    page.getByLabel("Tin nhắn", { exact: true }),
    page.getByTestId("live-orders"),
    page.getByTestId("cast-deal"),
    page.getByTestId("cast-pin"),
    controls.getByRole("button", { name: "Dừng phát" }),
    controls.getByRole("button", { name: "Ghim" }),
    controls.getByRole("button", { name: "Ưu đãi" }),
    controls.getByRole("button", { name: /^Đơn/ }),
    page.getByRole("button", { name: "Kết thúc live" }),
  ];
  for (const locator of reachable) {
    const b = await box(locator);
    expect(b.x, `${locator}`).toBeGreaterThanOrEqual(0);
    expect(b.y, `${locator}`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${locator}`).toBeLessThanOrEqual(viewport.width);
    expect(b.y + b.height, `${locator}`).toBeLessThanOrEqual(viewport.height);
  }
  // Tabs a thumb can hit, in the lower part of the screen.
  const orders = await box(controls.getByRole("button", { name: /^Đơn/ }));
  expect(orders.height).toBeGreaterThanOrEqual(40);
  expect(orders.y).toBeGreaterThan(viewport.height * 0.8);
  const size = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(size.height).toBeLessThanOrEqual(viewport.height);
  expect(size.width).toBeLessThanOrEqual(viewport.width);
}

const frameOf = (video: Locator) =>
  video.evaluate((v) => ({ width: (v as HTMLVideoElement).videoWidth, height: (v as HTMLVideoElement).videoHeight }));

test("a seller broadcasts portrait from a phone and keeps up with viewers: units left, one viewer count, the shop's messages, the chat so far, the deal ending with the live", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const seller = await phonePage(browser, PHONE);
  seller.on("dialog", (d) => void d.accept());
  const session = { id: "" };

  await test.step("the seller schedules a live of the producer's mat", async () => {
    await signInOnLives(seller, SELLER.phone);
    await expect(seller.getByRole("heading", { level: 1, name: "Buổi live của bạn" })).toBeVisible();
    // The stream must start this one.
    await closeOpenLives(seller);
    await seller.getByRole("link", { name: "Lên lịch buổi live" }).click();
    await seller.getByLabel("Tên buổi live").fill(TITLE);
    await seller.getByRole("checkbox", { name: new RegExp(PRODUCT) }).check();
    await seller.getByRole("button", { name: "Lên lịch", exact: true }).click();
    await expect(seller).toHaveURL(/\/ban-hang\/live\/[0-9a-z]{26}\/phat$/);
    session.id = seller.url().split("/").at(-2) ?? "";
  });

  await test.step("the phone's camera is portrait and the preview is the whole screen, as viewers will see it", async () => {
    await expect(seller.getByRole("heading", { level: 1 })).toHaveText(`Phát live · ${TITLE}`);
    const preview = seller.getByTestId("camera-preview");
    await expect.poll(async () => (await frameOf(preview)).width).toBeGreaterThan(0);
    const camera = await frameOf(preview);
    expect(camera.height, `camera ${camera.width}×${camera.height}`).toBeGreaterThan(camera.width);
    // The broadcast covers the site's pages: a back arrow leads to the sessions.
    await expect(seller.getByRole("link", { name: "Về các buổi live" })).toBeVisible();
    await seller
      .getByRole("navigation", { name: "Điều khiển buổi live" })
      .getByRole("button", { name: "Lên sóng" })
      .click();
    await expect(seller.getByTestId("cast-state")).toHaveText("Kết nối: Đang phát", { timeout: 20_000 });
  });

  const viewer = await phonePage(browser, PHONE);
  await test.step("a viewer signs in to watch: the stream arrives portrait, and the seller and the viewer see the same count", async () => {
    await waitForCodeSlot(viewer, BUYER);
    await viewer.goto(`/dang-nhap?next=${encodeURIComponent(`/live/${session.id}`)}`);
    await signIn(viewer, BUYER);
    await expect(viewer).toHaveURL(new RegExp(`/live/${session.id}$`));
    const video = viewer.getByTestId("live-video");
    await expect.poll(async () => (await frameOf(video)).height, { timeout: 20_000 }).toBeGreaterThan(0);
    const frame = await frameOf(video);
    expect(frame.height, `stream ${frame.width}×${frame.height}`).toBeGreaterThan(frame.width);
    await expect(seller.getByTestId("cast-viewers")).toHaveText("1 người xem", { timeout: 10_000 });
    await expect(viewer.getByTestId("viewer-count")).toHaveText("1 người xem");
  });

  await test.step("the seller pins a product and opens a 10-unit deal from the sheet over the preview", async () => {
    const controls = seller.getByRole("navigation", { name: "Điều khiển buổi live" });
    await controls.getByRole("button", { name: "Ghim" }).click();
    const sheet = seller.getByTestId("cast-sheet");
    await sheet.getByRole("button", { name: `Ghim ${PRODUCT}` }).click();
    await expect(sheet.getByRole("button", { name: "Bỏ ghim" })).toBeVisible();
    await controls.getByRole("button", { name: "Ưu đãi" }).click();
    const option = await sheet.locator("#deal-product option", { hasText: PRODUCT }).getAttribute("value");
    await sheet.getByLabel("Sản phẩm").selectOption(option ?? "");
    await sheet.getByLabel("Giá ưu đãi (đ)").fill(String(DEAL_PRICE));
    await sheet.getByLabel("Số suất").fill("10");
    await sheet.getByLabel("Tối đa mỗi người").fill("2");
    await sheet.getByLabel("Đếm ngược (giây)").fill("10");
    await sheet.getByLabel("Kéo dài (phút)").fill("5");
    await sheet.getByRole("button", { name: "Mở ưu đãi" }).click();
    await expect(sheet.getByText(`Đã mở ưu đãi: ${vnd(DEAL_PRICE)}, 10 suất.`)).toBeVisible();
    await shot(seller, "deal-sheet-412");
    await sheet.getByRole("button", { name: "Đóng" }).click();
    await expect(seller.getByTestId("cast-sheet")).toHaveCount(0);
    await expect(seller.getByTestId("cast-pin")).toContainText(PRODUCT);
    await expect(seller.getByTestId("cast-deal-units")).toHaveText("Còn 10/10 suất");
    await expect(viewer.getByTestId("deal-badge")).toContainText("Còn 10/10 suất", { timeout: 15_000 });
  });

  await test.step("the seller's message is the shop's, on the seller's page and the viewer's; the viewer asks twice", async () => {
    const box = seller.getByLabel("Tin nhắn", { exact: true });
    await box.fill("Chào cả nhà, chiếu cói hôm nay giá riêng buổi live!");
    await seller.getByRole("button", { name: "Gửi", exact: true }).click();
    const own = seller.getByTestId("chat-message").filter({ hasText: "Chào cả nhà" });
    await expect(own).toContainText(SELLER.producer);
    await expect(own.getByTestId("chat-badge")).toHaveText("Người bán");
    await expect(own).not.toContainText("Khách");
    const seen = viewer.getByTestId("chat-message").filter({ hasText: "Chào cả nhà" });
    await expect(seen).toContainText(SELLER.producer);
    await expect(seen).toContainText("Người bán");
    await expect(seen).not.toContainText("Khách");
    for (const text of ["Chiếu có gấp gọn được không ạ?", "Ship ra Hà Nội mấy ngày shop?"]) {
      await viewer.getByLabel("Tin nhắn", { exact: true }).fill(text);
      await viewer.getByRole("button", { name: "Gửi", exact: true }).click();
      await expect(seller.getByTestId("chat-message").filter({ hasText: text })).toBeVisible();
    }
  });

  const late = await phonePage(browser, SMALL_PHONE);
  await test.step("someone joining late on a 360 px phone sees the three messages at once; both counts say two", async () => {
    await late.goto(`/live/${session.id}`);
    const lines = late.getByTestId("chat-message");
    await expect(lines.filter({ hasText: "Chào cả nhà" })).toContainText(SELLER.producer);
    await expect(lines.filter({ hasText: "Chiếu có gấp gọn được không ạ?" })).toBeVisible();
    await expect(lines.filter({ hasText: "Ship ra Hà Nội mấy ngày shop?" })).toBeVisible();
    await expect(late.getByText("Chưa có tin nhắn", { exact: false })).toHaveCount(0);
    await expect(seller.getByTestId("cast-viewers")).toHaveText("2 người xem", { timeout: 10_000 });
    await expect(viewer.getByTestId("viewer-count")).toHaveText("2 người xem");
    await expect(late.getByTestId("viewer-count")).toHaveText("2 người xem");
  });

  await test.step("a viewer buys one unit of the deal: the seller's page shows 9/10 and the order without a reload", async () => {
    await expect(seller.getByTestId("cast-deal")).toContainText(/Còn 0[45]:\d\d/, { timeout: 15_000 });
    const view = (await (await viewer.request.get(`/api/live/${session.id}`)).json()) as {
      deal: { dealId: string; productId: string };
    };
    const wards = (await (await viewer.request.get("/api/provinces/37/wards")).json()) as Array<{ code: string }>;
    const added = await viewer.request.post("/api/cart/items", {
      headers: fromTheSite(),
      data: { productId: view.deal.productId, quantity: 1, dealId: view.deal.dealId },
    });
    expect(added.status()).toBeLessThan(300);
    const placed = await viewer.request.post("/api/orders", {
      headers: { ...fromTheSite(), "idempotency-key": `live-seller-${session.id}` },
      data: {
        address: {
          name: "Phạm Thu Hà",
          phone: "0398000515",
          provinceCode: "37",
          wardCode: wards[0]?.code,
          street: "12 Phố Lưu Phương",
        },
        paymentMethod: "cod",
        liveSessionId: session.id,
      },
    });
    expect(placed.status()).toBe(201);
    const { order } = (await placed.json()) as { order: { code: string } };
    await expect(seller.getByTestId("cast-deal-units")).toHaveText("Còn 9/10 suất", { timeout: 10_000 });
    await expect(seller.getByTestId("live-orders")).toContainText(order.code, { timeout: 10_000 });
    await expect(seller.getByTestId("cast-orders-count")).toHaveText("1");
    await expect(viewer.getByTestId("deal-badge")).toContainText("Còn 9/10 suất", { timeout: 10_000 });
  });

  await test.step("chat, the newest order, the deal, the pin and the controls are over the preview within one thumb, at 412 and 360 px", async () => {
    await expectInThumbReach(seller, PHONE.viewport);
    await shot(seller, "412");
    await seller.setViewportSize(SMALL_PHONE.viewport);
    await expectInThumbReach(seller, SMALL_PHONE.viewport);
    await shot(seller, "360");
    await seller.setViewportSize(PHONE.viewport);
    await shot(viewer, "viewer-412");
    await shot(late, "viewer-360");
  });

  await test.step("the seller ends the live: every viewer's deal ends with it, nothing left counting down", async () => {
    await seller.getByRole("button", { name: "Kết thúc live" }).click();
    await expect(seller.getByText("Buổi live đã kết thúc.")).toBeVisible();
    await expect(seller.getByTestId("cast-deal")).toHaveCount(0);
    for (const page of [viewer, late]) {
      await expect(page.getByTestId("live-ended")).toBeVisible({ timeout: 10_000 });
      await expect(page.getByTestId("deal-badge")).toHaveCount(0, { timeout: 10_000 });
      await expect(page.getByTestId("pin-card")).toHaveCount(0);
    }
    // A page opened after the end shows no deal either.
    await late.reload();
    await expect(late.getByTestId("live-ended")).toBeVisible();
    await expect(late.getByTestId("deal-badge")).toHaveCount(0);
    await shot(viewer, "viewer-ended");
  });

  for (const page of [seller, viewer, late]) await page.context().close();
});
