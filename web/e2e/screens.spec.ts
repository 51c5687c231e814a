import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { signIn, waitForCodeSlot } from "./accounts";
import { cards, fromTheSite, screenshotAs, test } from "./helpers";
import { closeOpenLives, signInOnLives } from "./live-helpers";
import { PHONE, SMALL_PHONE } from "./viewports";

/**
 * Every run leaves a picture of each page a person meets, on the 360 px and the 412 px phone, under
 * test-results/screenshots/screens-<page>-<width>.png: home, catalog, product, combo builder, checkout, VietQR,
 * live viewer, broadcast and staff pages. Each page must show its main content and must not scroll sideways.
 *
 * The live pages use their own demo producer (Yến Sào Khánh Hòa, used by no other live story), on air with a
 * portrait test pattern published by ffmpeg to the ingest URL and key its broadcast page shows, as a phone app would.
 */
test.describe.configure({ mode: "serial" });

const PHONES = [SMALL_PHONE, PHONE] as const;
const SHOPPER = "0398 000 616";
const STAFF = "0900000001";
const SELLER = "0868 000 128";
const PRODUCT = "Chè Shan tuyết cổ thụ Suối Giàng";
const BOUGHT = "Hạt điều rang muối vỏ lụa Bình Phước";
const LIVE_PRODUCTS = ["Tổ yến sào tinh chế Khánh Hòa", "Nước yến chưng đường phèn"];
const TITLE = "Yến sào Khánh Hòa — xem tổ yến thật trước khi mua";

const signedIn = { shopper: undefined as unknown, staff: undefined as unknown, seller: undefined as unknown };
let publisher: ChildProcess | undefined;

test.afterAll(async () => {
  const child = publisher;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGINT");
  await exited;
});

async function open(browser: Browser, viewport: (typeof PHONES)[number], state?: unknown): Promise<BrowserContext> {
  return browser.newContext({
    ...viewport,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    ...(state ? { storageState: state as never } : {}),
  });
}

/** Nothing sticks out sideways, then the picture: the full page, or the screen for a page that streams video. */
async function capture(page: Page, name: string, options: { streaming?: boolean } = {}) {
  const width = page.viewportSize()?.width ?? 0;
  const overflow = () => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(await overflow(), `${name} at ${width} px is wider than the screen`).toBeLessThanOrEqual(width);
  if (options.streaming) await page.screenshot({ path: `test-results/screenshots/screens-${name}-${width}.png` });
  else await screenshotAs(page, `screens-${name}-${width}`);
  // Scrolling through loaded what was below the fold: still nothing sideways.
  expect(await overflow(), `${name} at ${width} px is wider than the screen`).toBeLessThanOrEqual(width);
}

async function productId(page: Page, name: string): Promise<string> {
  const res = await page.request.get(`/api/products?q=${encodeURIComponent(name)}`);
  const { items } = (await res.json()) as { items: Array<{ productId: string; name: string }> };
  const found = items.find((p) => p.name === name)?.productId;
  expect(found, name).toBeTruthy();
  return found ?? "";
}

test("the storefront pages at 360 and 412 px: home, catalog, product, combo builder", async ({ browser }) => {
  test.setTimeout(240_000);
  for (const viewport of PHONES) {
    const context = await open(browser, viewport);
    // How far what is on screen moves while the page loads (the layout-shift entries a browser reports).
    await context.addInitScript(() => {
      const w = window as unknown as { shifted: number };
      w.shifted = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
          if (!e.hadRecentInput) w.shifted += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const page = await context.newPage();

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Đặc sản OCOP/);
    // The demo's lives coming up are in their strip, above the shelves, from the first time the shelves show.
    await expect(page.getByRole("region", { name: "Live bán hàng" }).getByTestId("live-card").first()).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Sản phẩm nổi bật" }).getByTestId("product-card").first(),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Mua theo vùng miền" }).getByRole("link")).toHaveCount(6);
    await page.waitForLoadState("networkidle");
    const shifted = await page.evaluate(() => (window as unknown as { shifted: number }).shifted);
    expect(shifted, "the home page moved under the shopper's eyes while it loaded").toBeLessThan(0.02);
    await capture(page, "home");

    await page.goto("/san-pham");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(cards(page).first()).toBeVisible();
    if (viewport === PHONE) {
      // A market, not one bottle: each card's picture is a drawing of its kind of product.
      const kinds = new Map<string, string>();
      for (const card of await cards(page).all()) {
        const name = (await card.locator(".card__name").textContent()) ?? "";
        // Products other stories listed on this server may have no photo (the card shows its "no image" frame).
        if ((await card.locator("img").count()) === 0) continue;
        const src = (await card.locator("img").getAttribute("src")) ?? "";
        const svg = await (await page.request.get(src)).text();
        kinds.set(name, svg.match(/data-kind="([a-z-]+)"/)?.[1] ?? "");
      }
      expect(new Set(kinds.values()).size, JSON.stringify([...kinds])).toBeGreaterThanOrEqual(8);
      const drawnAs: Array<[string, string]> = [
        ["Nước mắm", "fish-sauce"],
        ["Chè", "tea"],
        ["Mật ong", "honey"],
        ["Cà phê", "coffee"],
        ["Tour", "tour"],
      ];
      const shown = drawnAs.flatMap(([start, kind]) =>
        [...kinds].filter(([name]) => name.startsWith(start)).map(([name, drawn]) => ({ name, drawn, kind })),
      );
      expect(shown.length).toBeGreaterThanOrEqual(2);
      for (const { name, drawn, kind } of shown) expect(drawn, name).toBe(kind);
    }
    await capture(page, "catalog");

    await page.goto(`/san-pham/${await productId(page, PRODUCT)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRODUCT);
    await expect(page.getByRole("button", { name: "Thêm vào giỏ" })).toBeVisible();
    await capture(page, "product");

    await page.goto("/qua-tang/tu-chon");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await capture(page, "combo-builder");
    await context.close();
  }
});

test("checkout and the VietQR page at 360 and 412 px", async ({ browser }) => {
  test.setTimeout(240_000);
  const first = await open(browser, SMALL_PHONE);
  const page = await first.newPage();
  await page.goto(`/san-pham/${await productId(page, BOUGHT)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(BOUGHT);
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
  await expect(page.getByText("Đã thêm vào giỏ hàng.")).toBeVisible();
  await waitForCodeSlot(page, SHOPPER);
  await page.goto("/thanh-toan");
  await signIn(page, SHOPPER);
  await expect(page).toHaveURL(/\/thanh-toan$/);
  signedIn.shopper = await first.storageState();
  await first.close();

  for (const viewport of PHONES) {
    const context = await open(browser, viewport, signedIn.shopper);
    const shopper = await context.newPage();
    await shopper.goto("/thanh-toan");
    await expect(shopper.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(shopper.getByText(BOUGHT).first()).toBeVisible();
    await capture(shopper, "checkout");
    await context.close();
  }

  // A VietQR order placed as the checkout page places it (its address from the ward list of Huế).
  const placing = await open(browser, PHONE, signedIn.shopper);
  const request = (await placing.newPage()).request;
  const wards = (await (await request.get("/api/provinces/46/wards")).json()) as Array<{ code: string }>;
  const placed = await request.post("/api/orders", {
    headers: { ...fromTheSite(), "idempotency-key": `screens-${Date.now()}` },
    data: {
      address: {
        name: "Lê Thị Hoa",
        phone: SHOPPER,
        provinceCode: "46",
        wardCode: wards[0]?.code,
        street: "5 Đống Đa",
      },
      paymentMethod: "vietqr",
    },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const orderId = ((await placed.json()) as { order: { orderId: string } }).order.orderId;
  await placing.close();

  for (const viewport of PHONES) {
    const context = await open(browser, viewport, signedIn.shopper);
    const shopper = await context.newPage();
    await shopper.goto(`/don-hang/${orderId}`);
    const qr = shopper.getByTestId("vietqr-image");
    await expect(qr).toBeVisible();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(shopper.getByTestId("vietqr-amount")).toBeVisible();
    await capture(shopper, "vietqr");
    await context.close();
  }
});

test("the live viewer and the broadcast page at 360 and 412 px, with a seller on air", async ({ browser }) => {
  test.setTimeout(180_000);
  const desk = await open(browser, PHONE);
  const seller = await desk.newPage();
  await signInOnLives(seller, SELLER);
  await expect(seller.getByRole("heading", { level: 1 })).toBeVisible();
  signedIn.seller = await desk.storageState();
  await closeOpenLives(seller);
  const mine = (await (await seller.request.get("/api/seller/products")).json()) as Array<{
    productId: string;
    name: string;
  }>;
  const productIds = LIVE_PRODUCTS.map((name) => mine.find((p) => p.name === name)?.productId ?? "");
  expect(productIds.every(Boolean)).toBe(true);
  const scheduled = await seller.request.post("/api/seller/live", {
    headers: fromTheSite(),
    data: { title: TITLE, startAt: new Date().toISOString(), productIds },
  });
  expect(scheduled.status()).toBe(201);
  const sessionId = ((await scheduled.json()) as { sessionId: string }).sessionId;
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
      { timeout: 20_000 },
    )
    .toBe("live");
  const pinned = await seller.request.post(`/api/seller/live/${sessionId}/pin`, {
    headers: fromTheSite(),
    data: { productId: productIds[0] },
  });
  expect(pinned.status()).toBe(200);
  await desk.close();

  for (const viewport of PHONES) {
    const context = await open(browser, viewport);
    const viewer = await context.newPage();
    await viewer.goto(`/live/${sessionId}`);
    await expect(viewer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect
      .poll(() => viewer.getByTestId("live-video").evaluate((v) => (v as HTMLVideoElement).currentTime), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0.5);
    await expect(viewer.getByTestId("pin-card")).toContainText(LIVE_PRODUCTS[0] ?? "", { timeout: 15_000 });
    await capture(viewer, "live-viewer", { streaming: true });
    await context.close();

    const own = await open(browser, viewport, signedIn.seller);
    const cast = await own.newPage();
    await cast.goto(`/ban-hang/live/${sessionId}/phat`);
    await expect(cast.getByRole("heading", { level: 1 })).toContainText(TITLE);
    await expect
      .poll(() => cast.getByTestId("camera-preview").evaluate((v) => (v as HTMLVideoElement).videoWidth))
      .toBeGreaterThan(0);
    await capture(cast, "broadcast", { streaming: true });
    await own.close();
  }

  const ending = await open(browser, PHONE, signedIn.seller);
  const page = await ending.newPage();
  expect((await page.request.post(`/api/live/${sessionId}/end`, { headers: fromTheSite() })).status()).toBe(200);
  await ending.close();
});

test("the staff pages at 360 and 412 px: the review queue and the dashboard", async ({ browser }) => {
  test.setTimeout(240_000);
  for (const viewport of PHONES) {
    const context = await open(browser, viewport, signedIn.staff);
    const page = await context.newPage();
    await page.goto("/quan-tri");
    if (!signedIn.staff) {
      await waitForCodeSlot(page, STAFF);
      await signIn(page, STAFF);
      signedIn.staff = await context.storageState();
    }
    await expect(page).toHaveURL(/\/quan-tri$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await capture(page, "staff-queue");

    await page.goto("/quan-tri/so-lieu");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await capture(page, "staff-dashboard");
    await context.close();
  }
});
