import { type ChildProcess, spawn } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { signIn, waitForCodeSlot } from "./accounts";
import { fromTheSite, screenshotAs, test } from "./helpers";
import { box, closeOpenLives, phonePage, signInOnLives } from "./live-helpers";
import { DESKTOP, PHONE, SMALL_PHONE } from "./viewports";

/**
 * A live as the E-commerce Law (in force since 1 July 2026) has it: the seller of a herbal product shows "Sản phẩm
 * không phải là thuốc" over the stream from the desk, viewers on both phones see it over the video; a viewer opens
 * the live rules from the viewer page and reports the live in two taps; staff see the report with its moment and
 * end the live; the replay shows the notice again at its time.
 *
 * Its own demo producer (a herbal one), the stream published by ffmpeg as OBS or Larix would.
 */
test.describe.configure({ mode: "serial" });

const SELLER = { phone: "0912 000 126", producer: "Công ty Cổ phần Dược Liệu Ngọc Linh Xanh" };
const VIEWER = "0398 000 631";
/** Central staff on live duty (demo data): the desk officer 0900000001 signs in in many stories, 5 codes an hour. */
const STAFF = "0900000002";
const TITLE = "Sâm Ngọc Linh: cách chọn củ thật";
const NOTICE = "Sản phẩm không phải là thuốc, không có tác dụng thay thế thuốc chữa bệnh.";
const REPORT_TEXT = "Nói sâm chữa khỏi ung thư.";
const END_REASON = "Quảng cáo sản phẩm như thuốc chữa bệnh.";

let publisher: ChildProcess | undefined;
test.afterAll(async () => {
  if (publisher && publisher.exitCode === null) publisher.kill("SIGINT");
});

const videoTime = (page: Page) => page.getByTestId("live-video").evaluate((v) => (v as HTMLVideoElement).currentTime);

test("a herbal live shows its safety notice over the video; a viewer reads the rules and reports it; staff end it; the replay keeps the notice", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const seller = await phonePage(browser, PHONE);
  let sessionId = "";

  await test.step("the seller schedules a live now and publishes its stream", async () => {
    await signInOnLives(seller, SELLER.phone);
    await closeOpenLives(seller);
    const mine = (await (await seller.request.get("/api/seller/products")).json()) as Array<{
      productId: string;
      status: string;
    }>;
    const productIds = mine.filter((p) => p.status === "approved").map((p) => p.productId);
    expect(productIds.length).toBeGreaterThan(0);
    const res = await seller.request.post("/api/seller/live", {
      headers: fromTheSite(),
      data: { title: TITLE, startAt: new Date().toISOString(), productIds },
    });
    expect(res.status()).toBe(201);
    sessionId = ((await res.json()) as { sessionId: string }).sessionId;
    const ingest = (await (await seller.request.get(`/api/seller/live/${sessionId}/ingest`)).json()) as {
      ingestUrl: string;
      streamKey: string;
    };
    publisher = spawn(
      "ffmpeg",
      [
        ...["-hide_banner", "-loglevel", "error", "-re"],
        ...["-f", "lavfi", "-i", "testsrc2=size=360x640:rate=20"],
        ...["-f", "lavfi", "-i", "sine=frequency=330"],
        ...["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "20", "-c:a", "aac"],
        ...["-f", "flv", `${ingest.ingestUrl}/${ingest.streamKey}`],
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    await expect
      .poll(
        async () => ((await (await seller.request.get(`/api/live/${sessionId}`)).json()) as { status: string }).status,
        {
          timeout: 20_000,
        },
      )
      .toBe("live");
  });

  const viewer = await phonePage(browser, PHONE);
  const small = await phonePage(browser, SMALL_PHONE);

  await test.step("the desk shows the herbal preset; viewers on 412 and 360 px phones see it over the video", async () => {
    for (const page of [viewer, small]) {
      await page.goto(`/live/${sessionId}`);
      await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await expect.poll(() => videoTime(page), { timeout: 20_000 }).toBeGreaterThan(0.5);
      await expect(page.getByTestId("safety-notice")).toHaveCount(0);
    }
    const desk = await seller.context().newPage();
    await desk.goto(`/ban-hang/live/${sessionId}/phat`);
    await expect(desk.getByTestId("cast-state")).toHaveText("Kết nối: Đang phát");
    await desk.getByTestId("cast-tab-products").click();
    const control = desk.getByTestId("notice-control");
    // A herbal live is offered the herbal warning first.
    await expect(control.getByRole("button").first()).toHaveText(NOTICE);
    await control.getByRole("button", { name: NOTICE }).click();
    await expect(control.getByRole("status")).toContainText(`Đang hiện: ${NOTICE}`);
    await expect(control.getByRole("button", { name: NOTICE })).toHaveAttribute("aria-pressed", "true");
    await desk.screenshot({ path: "test-results/screenshots/live-notice-desk-412.png" });
    await desk.close();

    for (const [page, size] of [
      [viewer, PHONE.viewport],
      [small, SMALL_PHONE.viewport],
    ] as const) {
      const notice = page.getByTestId("safety-notice");
      await expect(notice).toContainText(NOTICE, { timeout: 15_000 });
      const video = await box(page.getByTestId("live-video"));
      const shown = await box(notice);
      // Over the video, inside the screen, clear of the header.
      expect(shown.y).toBeGreaterThanOrEqual(video.y);
      expect(shown.x + shown.width).toBeLessThanOrEqual(size.width);
      expect(shown.y + shown.height).toBeLessThan(size.height * 0.35);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    }
    await viewer.screenshot({ path: "test-results/screenshots/live-notice-412.png" });
    await small.screenshot({ path: "test-results/screenshots/live-notice-360.png" });
  });

  await test.step("a viewer opens the live rules from the viewer page and comes back", async () => {
    await small.getByRole("link", { name: "Quy định live" }).click();
    await expect(small).toHaveURL(/\/quy-dinh-live$/);
    await expect(small.getByRole("heading", { level: 1, name: "Quy định livestream bán hàng" })).toBeVisible();
    await expect(small.getByTestId("live-rules")).toContainText("Người bán không biết ai đã báo cáo");
    await screenshotAs(small, "live-rules-360");
    await small.goBack();
    await expect(small.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  });

  await test.step("a signed-in viewer reports the live in two taps: Báo cáo, then a reason", async () => {
    // Someone not signed in is asked to sign in first.
    await small.getByRole("button", { name: "Báo cáo" }).click();
    const sheet = small.getByRole("dialog", { name: "Báo cáo buổi live" });
    await expect(sheet.getByRole("link", { name: "Đăng nhập để báo cáo" })).toBeVisible();
    await sheet.getByRole("button", { name: "Đóng" }).first().click();

    await waitForCodeSlot(viewer, VIEWER);
    await viewer.goto(`/dang-nhap?next=${encodeURIComponent(`/live/${sessionId}`)}`);
    await signIn(viewer, VIEWER);
    await expect(viewer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await viewer.getByRole("button", { name: "Báo cáo" }).click();
    const report = viewer.getByRole("dialog", { name: "Báo cáo buổi live" });
    await expect(report.getByRole("button", { name: "Thông tin sai sự thật" })).toBeVisible();
    await report.getByLabel("Mô tả thêm").fill(REPORT_TEXT);
    await viewer.screenshot({ path: "test-results/screenshots/live-report-412.png" });
    await report.getByRole("button", { name: "Thông tin sai sự thật" }).click();
    await expect(report.getByRole("status")).toHaveText("Đã gửi báo cáo. Cán bộ OCOP sẽ xem ngay.");
    await report.getByRole("button", { name: "Đóng" }).first().click();
  });

  await test.step("staff see the report with its moment in the live and end the live from there", async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const staff = await context.newPage();
    await waitForCodeSlot(staff, STAFF);
    await staff.goto("/quan-tri/live");
    await signIn(staff, STAFF);
    const onAir = staff.getByTestId("staff-live").filter({ hasText: TITLE });
    const reports = onAir.getByTestId("live-reports");
    await expect(reports.getByRole("heading")).toHaveText("Báo cáo từ người xem (1)");
    const item = reports.getByTestId("live-report");
    await expect(item).toContainText("Thông tin sai sự thật");
    await expect(item).toContainText(REPORT_TEXT);
    await expect(item).toContainText(/Phút \d\d:\d\d · \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    // The seller learns nothing of who: the report names no one.
    await expect(item).not.toContainText(VIEWER.slice(-3));
    await onAir.getByRole("button", { name: `Kết thúc buổi live ${TITLE}` }).click();
    await onAir.getByLabel("Lý do (người bán sẽ nhận được)").fill(END_REASON);
    await staff.screenshot({ path: "test-results/screenshots/staff-live-reports-desktop.png", fullPage: true });
    await onAir.getByRole("button", { name: "Kết thúc buổi live", exact: true }).click();
    await expect(onAir).toContainText(`Lý do: ${END_REASON}`);
    await context.close();
    await expect(viewer.getByTestId("live-ended")).toContainText("Buổi live đã kết thúc", { timeout: 15_000 });
    await expect(viewer.getByTestId("safety-notice")).toHaveCount(0);
  });

  await test.step("the replay shows the notice over the recording from its moment, with the rules linked", async () => {
    await viewer.getByRole("link", { name: "Xem lại buổi live" }).click();
    await expect(viewer).toHaveURL(new RegExp(`/live/${sessionId}/replay$`));
    await expect(viewer.getByRole("link", { name: "Quy định live" })).toBeVisible();
    const video = viewer.getByTestId("replay-video");
    await expect(video).toHaveAttribute("src", /^\/recordings\//, { timeout: 30_000 });
    await expect
      .poll(() => video.evaluate((v) => (v as HTMLVideoElement).duration || 0), { timeout: 15_000 })
      .toBeGreaterThan(3);
    const replay = (await (await viewer.request.get(`/api/live/${sessionId}/replay`)).json()) as {
      notices: { atMs: number; text: string | null }[];
    };
    expect(replay.notices.map((n) => n.text)).toEqual([NOTICE]);
    const at = (replay.notices[0]?.atMs ?? 0) / 1000;
    await video.evaluate((v, t) => {
      (v as HTMLVideoElement).currentTime = t;
    }, at + 0.5);
    await expect(viewer.getByTestId("safety-notice")).toContainText(NOTICE);
    await viewer.screenshot({ path: "test-results/screenshots/live-replay-notice-412.png" });
    await video.evaluate(
      (v, t) => {
        (v as HTMLVideoElement).currentTime = t;
      },
      Math.max(0, at - 1),
    );
    if (at >= 1) await expect(viewer.getByTestId("safety-notice")).toHaveCount(0);
  });

  if (publisher && publisher.exitCode === null) publisher.kill("SIGINT");
  for (const page of [seller, viewer, small]) await page.context().close();
});
