import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { expect, type Page } from "@playwright/test";
import { e164, signIn, waitForCodeSlot } from "./accounts";
import { fromTheSite, screenshotAs, test } from "./helpers";
import { type Box, box, closeOpenLives, phonePage, signInOnLives } from "./live-helpers";
import { DESKTOP, PHONE, SMALL_PHONE } from "./viewports";

/**
 * The viewer's page as shoppers know it from TikTok and Shopee, on the phone and the 360 px phone: the video edge
 * to edge (a portrait stream fills it, a landscape one letterboxes), the chat over its lower part, the pinned
 * product as a compact card with "Mua ngay", the deal as a small badge, like and sound on the side, the live's
 * products in a sheet without leaving. Then the live list at 360 px, and staff closing lives with a reason the
 * seller is told (cancel for one coming up, end for one on air).
 *
 * Independent of the live story (live.spec.ts): another demo producer, and its stream published by ffmpeg to the
 * ingest URL and key the seller's page shows (as OBS or Larix would), so the broadcast page is not needed here.
 */
test.describe.configure({ mode: "serial" });

const SELLER = { phone: "0347 000 108", producer: "Công ty TNHH Tinh Dầu Hồi Xứ Lạng" };
/** Central staff on live duty (demo data): the desk officer 0900000001 signs in in many stories, 5 codes an hour. */
const STAFF = "0900000002";
const TITLE = "Tinh dầu hồi Xứ Lạng — chưng cất tại vườn";
const LATER = "Hoa hồi khô: mùa thu hoạch";
const PINNED = "Tinh dầu hồi Văn Quan nguyên chất";
const OTHER = "Hoa hồi khô Xứ Lạng";
const END_REASON = "Giới thiệu sản phẩm chưa đúng giấy chứng nhận OCOP.";
const CANCEL_REASON = "Trùng giờ với phiên live của tỉnh, hãy chọn giờ khác.";
const vnd = (n: number) => new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(n);

const state = { sessionId: "", laterId: "", ingest: "", key: "", products: new Map<string, string>() };
let publisher: ChildProcess | undefined;

/** ffmpeg publishing a test pattern of the given size with a tone, as a phone app or OBS would. */
function publish(size: string) {
  const child = spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", `testsrc2=size=${size}:rate=20`],
      ...["-f", "lavfi", "-i", "sine=frequency=330"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "20", "-c:a", "aac"],
      ...["-f", "flv", `${state.ingest}/${state.key}`],
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  publisher = child;
  return child;
}

async function stopPublishing() {
  const child = publisher;
  publisher = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGINT");
  await exited;
}

test.afterAll(async () => {
  await stopPublishing();
});

/** The part of `a` inside `b`, in px². */
function overlap(a: Box, b: Box) {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return w * h;
}
const videoOf = (page: Page) => page.getByTestId("live-video");
const frame = (page: Page) =>
  videoOf(page).evaluate((v) => {
    const video = v as HTMLVideoElement;
    return {
      width: video.videoWidth,
      height: video.videoHeight,
      time: video.currentTime,
      fit: getComputedStyle(video).objectFit,
    };
  });

/** What a person sees on the phone: the video is the screen, the overlays leave most of it free. */
async function expectFullScreenLive(page: Page, viewport: { width: number; height: number }) {
  const video = await box(videoOf(page));
  expect(video.x).toBe(0);
  expect(video.width).toBe(viewport.width);
  expect(video.height).toBeGreaterThanOrEqual(viewport.height * 0.9);
  // The site's header and footer give way to the live: a close button leads back.
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("link", { name: "Rời buổi live" })).toBeVisible();
  const pin = await box(page.getByTestId("pin-card"));
  const deal = await box(page.getByTestId("deal-badge"));
  const area = video.width * video.height;
  const covered = (overlap(pin, video) + overlap(deal, video)) / area;
  expect(covered, `pinned card and deal badge cover ${(covered * 100).toFixed(1)}% of the video`).toBeLessThan(0.25);
  // The pinned card sits at the bottom, above the chat input; the deal badge is small, at the top.
  expect(pin.y).toBeGreaterThan(viewport.height * 0.75);
  expect(pin.height).toBeLessThanOrEqual(72);
  expect(deal.y + deal.height).toBeLessThan(viewport.height * 0.3);
  expect(deal.width).toBeLessThan(viewport.width * 0.75);
  // Like and sound on the right side; the product bag at the bottom, beside the chat.
  const like = await box(page.getByRole("button", { name: /^Thích/ }));
  expect(like.x).toBeGreaterThan(viewport.width * 0.8);
  expect(like.y + like.height).toBeLessThanOrEqual(pin.y);
  const bag = await box(page.getByRole("button", { name: /^Xem 2 sản phẩm trong buổi live/ }));
  expect(bag.y).toBeGreaterThan(pin.y + pin.height - 1);
  const viewers = await box(page.getByTestId("viewer-count"));
  expect(viewers.y).toBeLessThan(80);
  expect(viewers.x + viewers.width).toBeGreaterThan(viewport.width * 0.75);
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
}

test("a viewer on a phone watches the full-screen vertical live: the video edge to edge, chat over it, the pin and the deal small", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const seller = await phonePage(browser, PHONE);

  await test.step("the seller schedules a live now and one for tomorrow, and publishes a portrait stream", async () => {
    await signInOnLives(seller, SELLER.phone);
    await expect(seller.getByRole("heading", { level: 1, name: "Buổi live của bạn" })).toBeVisible();
    await closeOpenLives(seller);
    const mine = (await (await seller.request.get("/api/seller/products")).json()) as Array<{
      productId: string;
      name: string;
    }>;
    for (const name of [PINNED, OTHER]) state.products.set(name, mine.find((p) => p.name === name)?.productId ?? "");
    const productIds = [...state.products.values()];
    expect(productIds.every(Boolean)).toBe(true);
    const schedule = async (title: string, startAt: Date) => {
      const res = await seller.request.post("/api/seller/live", {
        headers: fromTheSite(),
        data: { title, startAt: startAt.toISOString(), productIds },
      });
      expect(res.status()).toBe(201);
      return ((await res.json()) as { sessionId: string }).sessionId;
    };
    state.sessionId = await schedule(TITLE, new Date());
    state.laterId = await schedule(LATER, new Date(Date.now() + 86_400_000));
    const ingest = (await (await seller.request.get(`/api/seller/live/${state.sessionId}/ingest`)).json()) as {
      ingestUrl: string;
      streamKey: string;
    };
    state.ingest = ingest.ingestUrl;
    state.key = ingest.streamKey;
    publish("360x640");
    await expect
      .poll(
        async () =>
          ((await (await seller.request.get(`/api/live/${state.sessionId}`)).json()) as { status: string }).status,
        {
          timeout: 20_000,
        },
      )
      .toBe("live");
  });

  const viewer = await phonePage(browser, PHONE);
  const small = await phonePage(browser, SMALL_PHONE);

  await test.step("the seller pins a product and opens a deal; viewers on both phones see the live full screen", async () => {
    for (const page of [viewer, small]) {
      await page.goto(`/live/${state.sessionId}`);
      await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await expect.poll(async () => (await frame(page)).time, { timeout: 20_000 }).toBeGreaterThan(0.5);
    }
    const pinned = await seller.request.post(`/api/seller/live/${state.sessionId}/pin`, {
      headers: fromTheSite(),
      data: { productId: state.products.get(PINNED) },
    });
    expect(pinned.status()).toBe(200);
    const deal = await seller.request.post(`/api/seller/live/${state.sessionId}/deals`, {
      headers: fromTheSite(),
      data: {
        productId: state.products.get(PINNED),
        priceVnd: 150_000,
        quantity: 8,
        perBuyer: 2,
        countdownSeconds: 10,
        durationMinutes: 5,
      },
    });
    expect(deal.status()).toBe(201);
    for (const page of [viewer, small]) {
      await expect(page.getByTestId("pin-card")).toContainText(PINNED, { timeout: 15_000 });
      await expect(page.getByTestId("deal-badge")).toContainText(vnd(150_000), { timeout: 15_000 });
      await expect(page.getByTestId("deal-badge")).toContainText("Còn 8/8 suất");
      await expect(page.getByTestId("deal-badge")).toContainText(/(Mở bán sau|Còn) 0\d:\d\d/);
    }
  });

  await test.step("the seller's desk follows the stream from an external encoder (as OBS): on air, viewers counted", async () => {
    const desk = await seller.context().newPage();
    await desk.goto(`/ban-hang/live/${state.sessionId}/phat`);
    await expect(desk.getByTestId("cast-state")).toHaveText("Kết nối: Đang phát");
    await expect(desk.getByTestId("cast-viewers")).toHaveText("2 người xem");
    await desk.screenshot({ path: "test-results/screenshots/live-viewer-desk-obs.png" });
    await desk.close();
  });

  await test.step("a portrait stream fills the screen edge to edge (cover); pin and deal leave the video free", async () => {
    for (const [page, size] of [
      [viewer, PHONE.viewport],
      [small, SMALL_PHONE.viewport],
    ] as const) {
      const f = await frame(page);
      expect(f.height).toBeGreaterThan(f.width);
      expect(f.fit).toBe("cover");
      await expectFullScreenLive(page, size);
    }
    // The chat sits over the lower part of the video: its sign-in row at the very bottom, above the fold.
    const signInRow = await box(small.getByRole("link", { name: "Đăng nhập để trò chuyện" }));
    expect(signInRow.y + signInRow.height).toBeLessThanOrEqual(SMALL_PHONE.viewport.height);
    expect(signInRow.y).toBeGreaterThan(SMALL_PHONE.viewport.height * 0.85);
    await expect(viewer.getByTestId("deal-badge")).toContainText(/Còn 0[45]:\d\d/, { timeout: 15_000 });
    await viewer.screenshot({ path: "test-results/screenshots/live-viewer-412-portrait.png" });
    await small.screenshot({ path: "test-results/screenshots/live-viewer-360-portrait.png" });
  });

  await test.step("a landscape stream is letterboxed (contain): the whole picture shows, nothing cut", async () => {
    await stopPublishing();
    publish("640x360");
    for (const page of [viewer, small]) {
      await expect.poll(async () => (await frame(page)).width, { timeout: 30_000 }).toBe(640);
      await expect.poll(async () => (await frame(page)).fit).toBe("contain");
      await expect.poll(async () => (await frame(page)).time, { timeout: 20_000 }).toBeGreaterThan(0.5);
    }
    await expectFullScreenLive(small, SMALL_PHONE.viewport);
    await expectFullScreenLive(viewer, PHONE.viewport);
    await small.screenshot({ path: "test-results/screenshots/live-viewer-360-landscape.png" });
    await viewer.screenshot({ path: "test-results/screenshots/live-viewer-412-landscape.png" });
  });

  await test.step("on a desktop: a centred vertical player, the chat beside it, the site's header kept", async () => {
    const desk = await browser.newContext({ ...DESKTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const page = await desk.newPage();
    await page.goto(`/live/${state.sessionId}`);
    await expect.poll(async () => (await frame(page)).time, { timeout: 20_000 }).toBeGreaterThan(0.5);
    await expect(page.getByTestId("pin-card")).toContainText(PINNED);
    await expect(page.locator(".site-header")).toBeVisible();
    const stage = await box(videoOf(page));
    expect(stage.height).toBeGreaterThan(stage.width * 1.5);
    const chat = await box(page.getByRole("region", { name: "Trò chuyện" }));
    expect(chat.x).toBeGreaterThanOrEqual(stage.x + stage.width);
    const middle = stage.x + (chat.x + chat.width - stage.x) / 2;
    expect(Math.abs(middle - DESKTOP.viewport.width / 2)).toBeLessThan(40);
    await page.screenshot({ path: "test-results/screenshots/live-viewer-desktop.png" });
    await desk.close();
  });

  await test.step("the bag opens the live's products without leaving; each has Mua ngay, which opens the buy sheet", async () => {
    await small.getByRole("button", { name: "Xem 2 sản phẩm trong buổi live" }).click();
    const list = small.getByRole("dialog", { name: "Sản phẩm trong buổi live (2)" });
    await expect(list).toBeVisible();
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.getByRole("listitem").filter({ hasText: PINNED })).toContainText(vnd(150_000));
    await expect(list.getByRole("listitem").filter({ hasText: OTHER })).toContainText(vnd(140_000));
    // The video keeps playing above the sheet.
    const before = (await frame(small)).time;
    await expect.poll(async () => (await frame(small)).time, { timeout: 10_000 }).toBeGreaterThan(before + 0.5);
    await small.screenshot({ path: "test-results/screenshots/live-viewer-360-products.png" });
    await list.getByRole("button", { name: `Mua ngay: ${OTHER}` }).click();
    await expect(list).toBeHidden();
    const sheet = small.getByRole("dialog", { name: `Mua ${OTHER}` });
    await expect(sheet).toBeVisible();
    await sheet.getByRole("button", { name: "Đóng" }).click();
    await expect(sheet).toBeHidden();
    // And back: Mua ngay on the pinned card opens its sheet too.
    await small.getByTestId("pin-card").getByRole("button", { name: "Mua ngay" }).click();
    await expect(small.getByRole("dialog", { name: `Mua ${PINNED}` })).toBeVisible();
    await small.keyboard.press("Escape");
    await expect(small.getByRole("dialog", { name: `Mua ${PINNED}` })).toBeHidden();
  });

  await test.step("on the 360 px live list, the count of featured products stays inside its card", async () => {
    const list = await phonePage(browser, SMALL_PHONE);
    await list.goto("/live");
    const item = list.getByTestId("live-item").filter({ hasText: TITLE });
    await expect(item).toContainText("2 sản phẩm giới thiệu");
    const card = await box(item);
    const meta = await box(item.getByText("2 sản phẩm giới thiệu"));
    expect(meta.x).toBeGreaterThanOrEqual(card.x);
    expect(meta.y).toBeGreaterThanOrEqual(card.y);
    expect(meta.x + meta.width).toBeLessThanOrEqual(card.x + card.width + 0.5);
    expect(meta.y + meta.height).toBeLessThanOrEqual(card.y + card.height + 0.5);
    const sizes = await item.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
    }));
    expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
    expect(sizes.scrollHeight).toBeLessThanOrEqual(sizes.clientHeight);
    await screenshotAs(list, "live-list-360");
    await list.context().close();
  });

  await test.step("staff on a phone cancel tomorrow's live and end the one on air, each with a reason", async () => {
    const staff = await phonePage(browser, SMALL_PHONE);
    await waitForCodeSlot(staff, STAFF);
    await staff.goto("/quan-tri/live");
    await signIn(staff, STAFF);
    await expect(staff.getByRole("heading", { level: 1, name: "Các buổi live" })).toBeVisible();
    const later = staff.getByTestId("staff-live").filter({ hasText: LATER });
    await expect(later).toContainText("Sắp live");
    // A live coming up is cancelled, not ended.
    await expect(later.getByRole("button", { name: /^Kết thúc/ })).toHaveCount(0);
    await later.getByRole("button", { name: `Huỷ buổi live ${LATER}` }).click();
    const reason = later.getByLabel("Lý do (người bán sẽ nhận được)");
    await expect(reason).toBeFocused();
    await later.getByRole("button", { name: "Huỷ buổi live", exact: true }).click();
    await expect(later.getByText("Hãy ghi lý do, ít nhất 5 ký tự.")).toBeVisible();
    expect(((await (await staff.request.get(`/api/live/${state.laterId}`)).json()) as { status: string }).status).toBe(
      "scheduled",
    );
    await reason.fill(CANCEL_REASON);
    await later.getByRole("button", { name: "Huỷ buổi live", exact: true }).click();
    await expect(staff.getByRole("status").filter({ hasText: `Đã huỷ buổi live “${LATER}”` })).toBeVisible();
    await expect(later).toContainText("Đã huỷ");
    await expect(later).toContainText(`Lý do: ${CANCEL_REASON}`);

    const onAir = staff.getByTestId("staff-live").filter({ hasText: TITLE });
    await expect(onAir).toContainText("Đang live");
    await onAir.getByRole("button", { name: `Kết thúc buổi live ${TITLE}` }).click();
    await onAir.getByLabel("Lý do (người bán sẽ nhận được)").fill(END_REASON);
    await screenshotAs(staff, "staff-live-reason-360");
    await onAir.getByRole("button", { name: "Kết thúc buổi live", exact: true }).click();
    await expect(staff.getByRole("status").filter({ hasText: `Đã kết thúc buổi live “${TITLE}”` })).toBeVisible();
    await expect(onAir).toContainText("Đã kết thúc");
    await expect(onAir).toContainText(`Lý do: ${END_REASON}`);
    await staff.context().close();
    // Viewers see the live ended.
    await expect(viewer.getByTestId("live-ended")).toContainText("Buổi live đã kết thúc", { timeout: 15_000 });
    await small.screenshot({ path: "test-results/screenshots/live-viewer-360-ended.png" });
  });

  await test.step("the seller is told why: an SMS in the outbox, and the reason on their sessions page", async () => {
    const outbox = (await (await seller.request.get("/api/dev/outbox")).json()) as Array<{ to: string; text: string }>;
    const told = outbox.filter((m) => m.to === e164(SELLER.phone)).map((m) => m.text);
    expect(told.some((t) => t.includes(`“${TITLE}”`) && t.includes(END_REASON))).toBe(true);
    expect(told.some((t) => t.includes(`“${LATER}”`) && t.includes(CANCEL_REASON))).toBe(true);
    await seller.goto("/ban-hang/live");
    const ended = seller.getByTestId("seller-live").filter({ hasText: TITLE });
    await expect(ended).toContainText(`Cán bộ đã dừng buổi live này. Lý do: ${END_REASON}`);
    const cancelled = seller.getByTestId("seller-live").filter({ hasText: LATER });
    await expect(cancelled).toContainText("Đã huỷ");
    await expect(cancelled).toContainText(CANCEL_REASON);
    await screenshotAs(seller, "seller-live-sessions-412");
  });
  await stopPublishing();
  for (const page of [seller, viewer, small]) await page.context().close();
});
