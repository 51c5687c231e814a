import { type ChildProcess, spawn } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { signIn, waitForCodeSlot } from "../accounts";
import { awsEndpoints } from "../aws-mode";
import { test } from "../helpers";
import { closeOpenLives, phonePage, signInOnLives } from "../live-helpers";
import { DESKTOP } from "../viewports";

/**
 * The live story on the production path (`pnpm start --aws-local`): the API runs through its Lambda handler, the
 * live is an IVS channel and an IVS Chat room on the testkit's servers. A seller of Kẹo Dừa Thanh Phong schedules a
 * live from a phone; the broadcast desk shows the OBS/Larix server and key IVS gave, and the seller's encoder (ffmpeg
 * here, as OBS would) publishes to them — the web broadcast SDK needs IVS's WebRTC ingest, which no local server
 * offers. Viewers on phones play the stream with the IVS player and see the pin at its frame (IVS timed metadata in
 * the HLS segments), chat and buy the deal through IVS Chat's room; late joiners see the pin and the chat so far; staff end the live
 * from a desktop; the replay plays IVS's recording.
 */
test.describe.configure({ mode: "serial" });

const SELLER = { phone: "0903 000 132", producer: "Công ty TNHH Kẹo Dừa Thanh Phong" };
const PRODUCT = "Kẹo dừa sầu riêng";
const BUYER = "0398 000 444";
const STAFF = "0900000001";
const DEAL_PRICE = 45_000;
const vnd = (n: number) => new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(n);
const TITLE = "Kẹo dừa Bến Tre trên IVS — giá riêng buổi live";
const shots = (name: string) => `test-results/screenshots/live-aws-${name}.png`;
const session = { id: "" };
const ingest = { url: "", key: "" };
let encoder: ChildProcess | undefined;

/** What OBS does: a test pattern with sound, H.264 and AAC, over RTMP to the channel's server with its key. */
function publish(url: string, key: string): ChildProcess {
  const ffmpeg = spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc=size=480x854:rate=30", "-f", "lavfi", "-i", "sine=frequency=440"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "30"],
      ...["-c:a", "aac", "-f", "flv", `${url}${key}`],
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  ffmpeg.stderr?.on("data", (chunk) => process.stderr.write(`[ffmpeg] ${chunk}`));
  return ffmpeg;
}

/** The video's clock, read from the page the way the player sees it. */
const currentTime = (page: Page) => page.getByTestId("live-video").evaluate((v) => (v as HTMLVideoElement).currentTime);

test.afterAll(() => {
  encoder?.kill("SIGINT");
});

test("on IVS: a seller goes live from OBS's server and key; viewers play it, see the pin, chat, buy the deal, and watch the replay", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const seller = await phonePage(browser);
  seller.on("dialog", (d) => void d.accept());

  await test.step("the seller schedules a live with a featured product", async () => {
    await signInOnLives(seller, SELLER.phone);
    await expect(seller.getByRole("heading", { level: 1, name: "Buổi live của bạn" })).toBeVisible();
    await closeOpenLives(seller, { check: (reply) => expect(reply.status()).toBe(200) });
    await seller.getByRole("link", { name: "Lên lịch buổi live" }).click();
    await seller.getByLabel("Tên buổi live").fill(TITLE);
    await seller.getByRole("checkbox", { name: new RegExp(PRODUCT) }).check();
    await seller.getByRole("button", { name: "Lên lịch", exact: true }).click();
    await expect(seller).toHaveURL(/\/ban-hang\/live\/[0-9a-z]{26}\/phat$/);
    session.id = seller.url().split("/").at(-2) ?? "";
  });

  await test.step("the desk shows the IVS channel's ingest server and its key, hidden until asked", async () => {
    await expect(seller.getByRole("heading", { level: 1 })).toHaveText(`Phát live · ${TITLE}`);
    const controls = seller.getByRole("navigation", { name: "Điều khiển buổi live" });
    await controls.getByRole("button", { name: "Thêm" }).click();
    await seller.getByTestId("cast-sheet").getByText("Phát bằng OBS hoặc Larix").click();
    await expect(seller.getByTestId("ingest-url")).toHaveText(/^rtmps?:\/\/.+\/app\/?$/);
    await expect(seller.getByTestId("stream-key")).toHaveText(/^•+.{4}$/);
    await seller.getByRole("button", { name: "Hiện khoá" }).click();
    // An IVS stream key, as CreateChannel gave it.
    await expect(seller.getByTestId("stream-key")).toHaveText(/^sk_[a-z0-9-]+_[A-Za-z0-9]+$/);
    await seller.screenshot({ path: shots("1-desk"), fullPage: true });
    ingest.url = (await seller.getByTestId("ingest-url").textContent()) ?? "";
    ingest.key = (await seller.getByTestId("stream-key").textContent()) ?? "";
    await seller.getByRole("button", { name: "Ẩn khoá" }).click();
    await seller.getByRole("button", { name: "Đóng" }).click();
  });

  await test.step("the encoder publishes to that server and key: the desk goes on air as IVS reports the stream", async () => {
    expect(ingest.url).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/app\/$/);
    encoder = publish(ingest.url, ingest.key);
    await expect(seller.getByTestId("cast-state")).toHaveText("Kết nối: Đang phát", { timeout: 30_000 });
    const controls = seller.getByRole("navigation", { name: "Điều khiển buổi live" });
    await controls.getByRole("button", { name: "Ghim" }).click();
    await expect(seller.getByRole("button", { name: `Ghim ${PRODUCT}` })).toBeEnabled({ timeout: 10_000 });
  });

  const viewer = await phonePage(browser);
  // The room also carries each pin, as a fallback to the timed metadata: this viewer's IVS Chat socket drops those,
  // so the pin it shows can only come from the stream's own frames (TEXT_METADATA_CUE).
  const droppedPins: string[] = [];
  const chatOrigin = new URL(awsEndpoints().ivs).host;
  await viewer.routeWebSocket(
    (url) => url.host === chatOrigin,
    (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((frame) => server.send(frame));
      server.onMessage((frame) => {
        if (typeof frame === "string" && isPinEvent(frame)) return void droppedPins.push(frame);
        socket.send(frame);
      });
    },
  );
  await test.step("a viewer opens the live from the Live page and the IVS player plays it", async () => {
    await viewer.goto("/live");
    await viewer.getByTestId("live-card").filter({ hasText: TITLE }).click();
    await expect(viewer).toHaveURL(new RegExp(`/live/${session.id}$`));
    await expect(viewer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect.poll(() => currentTime(viewer), { timeout: 30_000 }).toBeGreaterThan(0.5);
    const first = await currentTime(viewer);
    await expect.poll(() => currentTime(viewer), { timeout: 15_000 }).toBeGreaterThan(first + 1);
    await viewer.screenshot({ path: shots("2-viewer"), fullPage: false });
  });

  await test.step("the seller pins a product: the viewer sees its card from the stream's timed metadata", async () => {
    const pinned = seller.waitForResponse((r) => r.url().endsWith("/pin") && r.status() === 200);
    await seller.getByRole("button", { name: `Ghim ${PRODUCT}` }).click();
    await pinned;
    await expect(viewer.getByTestId("pin-card")).toContainText(PRODUCT, { timeout: 20_000 });
    expect(droppedPins.length, "the room's own pin event reached the page and was held back").toBeGreaterThan(0);
    await viewer.screenshot({ path: shots("3-viewer-pin"), fullPage: false });
  });

  const other = await phonePage(browser);
  await test.step("a second viewer signs in and chats through IVS Chat: the seller and the first viewer read it", async () => {
    await other.goto(`/live/${session.id}`);
    await expect.poll(() => currentTime(other), { timeout: 30_000 }).toBeGreaterThan(0.3);
    // A late joiner sees the product pinned before they came.
    await expect(other.getByTestId("pin-card")).toContainText(PRODUCT, { timeout: 15_000 });
    await waitForCodeSlot(other, BUYER);
    await other.getByRole("link", { name: "Đăng nhập để trò chuyện" }).click();
    await signIn(other, BUYER);
    await expect(other).toHaveURL(new RegExp(`/live/${session.id}$`));
    const box = other.getByLabel("Tin nhắn");
    await expect(box).toBeVisible({ timeout: 15_000 });
    await box.fill("Kẹo <b>dẻo</b> không ạ? 😋");
    await other.getByRole("button", { name: "Gửi", exact: true }).click();
    const line = viewer.getByTestId("chat-message").filter({ hasText: "Kẹo <b>dẻo</b> không ạ? 😋" });
    await expect(line).toBeVisible({ timeout: 15_000 });
    await expect(line.locator("b")).toHaveCount(0);
    await expect(seller.getByTestId("chat-message").filter({ hasText: "dẻo" })).toBeVisible({ timeout: 15_000 });
    await other.screenshot({ path: shots("4-chat"), fullPage: false });
    // Someone who comes now reads it too: the room's review handler (live-events.chatReview) kept it for late joiners.
    const late = await phonePage(browser);
    await late.goto(`/live/${session.id}`);
    await expect(late.getByTestId("chat-message").filter({ hasText: "Kẹo <b>dẻo</b> không ạ? 😋" })).toBeVisible({
      timeout: 15_000,
    });
    await late.context().close();
  });

  await test.step("the seller opens a deal; the viewers see it, and the signed-in one buys from the sheet", async () => {
    await seller
      .getByRole("navigation", { name: "Điều khiển buổi live" })
      .getByRole("button", { name: "Ưu đãi" })
      .click();
    await seller.getByLabel("Giá ưu đãi (đ)").fill(String(DEAL_PRICE));
    await seller.getByLabel("Số suất").fill("5");
    await seller.getByLabel("Tối đa mỗi người").fill("2");
    await seller.getByLabel("Đếm ngược (giây)").fill("10");
    await seller.getByLabel("Kéo dài (phút)").fill("5");
    await seller.getByRole("button", { name: "Mở ưu đãi" }).click();
    await expect(seller.getByText(`Đã mở ưu đãi: ${vnd(DEAL_PRICE)}, 5 suất.`)).toBeVisible();
    await seller.getByRole("button", { name: "Đóng" }).click();
    for (const page of [viewer, other]) {
      await expect(page.getByTestId("deal-badge")).toContainText(vnd(DEAL_PRICE), { timeout: 20_000 });
      await expect(page.getByTestId("deal-badge")).toContainText("Còn 5/5 suất");
    }
    await expect(other.getByTestId("deal-badge")).toContainText(/Còn 0[45]:\d\d/, { timeout: 20_000 });
    await other.getByTestId("pin-card").getByRole("button", { name: "Mua ngay" }).click();
    const sheet = other.getByRole("dialog", { name: `Mua ${PRODUCT}` });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByTestId("sheet-unit")).toHaveText(vnd(DEAL_PRICE));
    await sheet.getByLabel("Họ tên người nhận").fill("Trần Thị Mai");
    await sheet.getByLabel("Tỉnh, thành phố", { exact: true }).selectOption("46");
    await expect(sheet.getByLabel("Xã, phường, đặc khu")).toBeEnabled();
    await sheet.getByLabel("Xã, phường, đặc khu").selectOption({ index: 1 });
    await sheet.getByLabel("Số nhà, đường, thôn, xóm").fill("8 Hùng Vương");
    await sheet.getByRole("button", { name: "Đặt hàng" }).click();
    await expect(sheet.getByTestId("sheet-placed")).toContainText(/Đã đặt đơn DH[0-9A-Z]{8}/, { timeout: 15_000 });
    await other.screenshot({ path: shots("5-bought"), fullPage: false });
    await sheet.getByRole("button", { name: "Tiếp tục xem" }).click();
    // The units left reach every page through the room's events.
    await expect(viewer.getByTestId("deal-badge")).toContainText("Còn 4/5 suất", { timeout: 15_000 });
  });

  await test.step("staff end the live from a desktop with a reason: IVS stops the stream, seller and viewers are told", async () => {
    const staff = await browser.newContext({ ...DESKTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const desk = await staff.newPage();
    await waitForCodeSlot(desk, STAFF);
    await desk.goto("/quan-tri/live");
    await signIn(desk, STAFF);
    const onAir = desk.getByTestId("staff-live").filter({ hasText: TITLE });
    await expect(onAir).toContainText("Đang live");
    await onAir.getByRole("button", { name: `Kết thúc buổi live ${TITLE}` }).click();
    await onAir.getByLabel("Lý do (người bán sẽ nhận được)").fill("Hết giờ phát sóng thử nghiệm.");
    await onAir.getByRole("button", { name: "Kết thúc buổi live", exact: true }).click();
    await expect(desk.getByRole("status").filter({ hasText: `Đã kết thúc buổi live “${TITLE}”` })).toBeVisible();
    await staff.close();
    await expect(seller.getByText("Buổi live đã kết thúc.")).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => encoder?.exitCode ?? encoder?.signalCode ?? null, { timeout: 15_000 }).not.toBeNull();
    await expect(viewer.getByTestId("live-ended")).toContainText("Buổi live đã kết thúc", { timeout: 30_000 });
    await expect(other.getByTestId("live-ended")).toContainText("Buổi live đã kết thúc", { timeout: 30_000 });
    await viewer.screenshot({ path: shots("6-viewer-ended"), fullPage: false });
  });

  await test.step("the replay plays IVS's recording through the IVS player, with the pin on its timeline", async () => {
    await viewer.getByRole("link", { name: "Xem lại buổi live" }).click();
    await expect(viewer).toHaveURL(new RegExp(`/live/${session.id}/replay$`));
    const video = viewer.getByTestId("replay-video");
    const played = () => video.evaluate((v) => (v as HTMLVideoElement).currentTime);
    await expect(video).toBeVisible({ timeout: 30_000 });
    await video.evaluate((v) => (v as HTMLVideoElement).play().catch(() => undefined));
    await expect.poll(played, { timeout: 20_000 }).toBeGreaterThan(1);
    await expect(viewer.getByTestId("replay-pin").filter({ hasText: PRODUCT })).toBeVisible();
    await viewer.screenshot({ path: shots("7-replay"), fullPage: true });
  });
  for (const page of [seller, viewer, other]) await page.context().close();
});

/** An IVS Chat room event (the messaging socket's EVENT frame) whose news is a pin cue (core/live/wire.ts). */
function isPinEvent(frame: string): boolean {
  try {
    const event = JSON.parse(frame);
    if (event.Type !== "EVENT" || event.EventName !== "cue") return false;
    const news = JSON.parse(event.Attributes?.body ?? "null");
    return JSON.parse(news?.text ?? "null")?.t === "pin";
  } catch {
    return false;
  }
}
