import { readFileSync } from "node:fs";
import { type BrowserContext, expect, type Locator, type Page } from "@playwright/test";
import { e164, signIn } from "./accounts";
import { screenshotAs, test } from "./helpers";
import { DESKTOP, PHONE, SMALL_PHONE } from "./viewports";

/**
 * Paying by VietQR on the phone that pays: the amount and the content are above the fold (412 and 360 px) with copy
 * buttons that really fill the clipboard, the QR saves as a picture for the banking app's "scan from gallery", and
 * the bank-app buttons open the shopper's bank with the amount and content filled in. On a desktop the QR is big
 * and the bank apps fold away. Then a parcel ships: its tracking number links to the carrier, for the seller and
 * the shopper, and the texts the shopper gets link to the order and the carrier.
 */
test.describe.configure({ mode: "serial" });

const PRODUCT = "Trà lá sâm Lai Châu túi lọc";
const SELLER = "0389 000 106";
const PRODUCER = "HTX Dược Liệu Sâm Lai Châu Mường Tè";
const SHOPPERS = { phone: "0398 000 611", small: "0398 000 612" };
const SHOPPER_STATE = "test-results/state-pay-shopper.json";
const TRACKING = "GHNPAY12345";
const CLIPBOARD = ["clipboard-read", "clipboard-write"];

interface Placed {
  orderId: string;
  code: string;
  totalVnd: number;
}

async function fillAddress(page: Page, phone: string) {
  await page.getByLabel("Họ tên người nhận").fill("Phạm Thu Hà");
  await expect(page.getByLabel("Số điện thoại di động")).toHaveValue(phone);
  const province = page.getByLabel("Tỉnh, thành phố", { exact: true });
  if ((await province.inputValue()) !== "01") await province.selectOption("01");
  const ward = page.getByLabel("Xã, phường, đặc khu");
  await expect(ward).toBeEnabled();
  await ward.selectOption({ index: 1 });
  await page.getByLabel("Số nhà, đường, thôn, xóm").fill("8 Tràng Tiền");
}

/** From the catalog to a placed order, signing in at checkout the first time. */
async function order(page: Page, phone: string, method: "vietqr" | "cod", signedIn = false): Promise<Placed> {
  await page.goto("/san-pham?q=tra+la+sam");
  await page.getByTestId("product-card").filter({ hasText: PRODUCT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRODUCT);
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
  await expect(page.getByText("Đã thêm vào giỏ hàng.")).toBeVisible();
  await page.goto("/thanh-toan");
  if (!signedIn) {
    await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fthanh-toan$/);
    await signIn(page, phone);
  }
  await expect(page).toHaveURL(/\/thanh-toan$/);
  // A first order's address becomes the default of the book: later orders start from it (with "Đổi").
  const name = page.getByLabel("Họ tên người nhận");
  await expect(name.or(page.getByRole("button", { name: /^Đổi/ }))).toBeVisible();
  if (await name.isVisible()) await fillAddress(page, phone);
  if (method === "vietqr") await page.getByRole("radio", { name: /Chuyển khoản ngân hàng bằng VietQR/ }).check();
  else await page.getByRole("radio", { name: /Thanh toán khi nhận hàng/ }).check();
  await page.getByRole("button", { name: /^Đặt hàng · / }).click();
  await expect(page).toHaveURL(/\/don-hang\/[0-9a-z]{26}\?moi=1$/);
  const orderId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const placed = (await (await page.request.get(`/api/orders/${orderId}`)).json()) as Placed;
  return { orderId, code: placed.code, totalVnd: placed.totalVnd };
}

/** Whether a thing is on the first screen of the page, without scrolling. */
async function expectAboveTheFold(page: Page, what: Locator) {
  await expect(what).toBeVisible();
  const box = await what.boundingBox();
  const { top, height } = await page.evaluate(() => ({ top: window.scrollY, height: window.innerHeight }));
  expect(box, "the element has a box").not.toBeNull();
  expect((box?.y ?? 0) + top + (box?.height ?? 0)).toBeLessThanOrEqual(height);
}

const vnd = (n: number) => new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(n);

/** What a person on the phone that pays does with the VietQR panel: read, copy, save, and see their bank apps. */
async function payOnThePhone(page: Page, placed: Placed, shot: string) {
  const amount = page.getByTestId("vietqr-amount");
  const content = page.getByTestId("vietqr-content");
  await expect(amount).toHaveText(vnd(placed.totalVnd));
  await expect(content).toHaveText(placed.code);
  const copyAmount = page.getByRole("button", { name: "Chép số tiền" });
  const copyContent = page.getByRole("button", { name: "Chép nội dung chuyển khoản" });
  for (const what of [amount, content, copyAmount, copyContent, page.getByTestId("deadline")]) {
    await expectAboveTheFold(page, what);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 0,
  );
  await screenshotAs(page, shot);

  await copyAmount.click();
  await expect(copyAmount).toContainText("Đã chép");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(String(placed.totalVnd));
  await copyContent.click();
  await expect(copyContent).toContainText("Đã chép");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(placed.code);

  // The bank apps: the most used as buttons, the rest one tap away; each opens with our account, amount, content.
  const apps = page.getByTestId("bank-app");
  await expect(apps).toHaveCount(6);
  await expect(apps.first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Chuyển khoản bằng Vietcombank" })).toBeVisible();
  await page.getByRole("button", { name: /^Ngân hàng khác \(\d+\)$/ }).click();
  expect(await apps.count()).toBeGreaterThan(20);
  for (const href of await apps.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe("https://dl.vietqr.io/pay");
    expect(url.searchParams.get("app")).toMatch(/^[a-z0-9-]+$/);
    expect(url.searchParams.get("ba")).toBe("1234567890@vcb");
    expect(url.searchParams.get("am")).toBe(String(placed.totalVnd));
    expect(url.searchParams.get("tn")).toBe(placed.code);
    expect(url.searchParams.get("url")).toMatch(new RegExp(`/don-hang/${placed.orderId}$`));
  }

  // "Lưu ảnh QR": a real PNG, named after the order, that opens as an image.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Lưu ảnh QR" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`VietQR-${placed.code}.png`);
  const png = readFileSync((await download.path()) ?? "");
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  expect(png.readUInt32BE(16)).toBe(720);
  expect(png.readUInt32BE(20)).toBeGreaterThan(720);
  const size = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = URL.createObjectURL(
      new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: "image/png" }),
    );
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, png.toString("base64"));
  expect(size[0]).toBe(720);
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu ảnh." })).toBeVisible();
}

test.describe("a shopper pays by VietQR on a 412 px phone", () => {
  test.use({ ...PHONE, permissions: CLIPBOARD });

  test("sees amount and content first, copies them, saves the QR and finds their bank app; on a desktop the QR leads", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const placed = await order(page, SHOPPERS.phone, "vietqr");
    await payOnThePhone(page, placed, "phone-vietqr-pay");
    await page.context().storageState({ path: SHOPPER_STATE });

    // The same order on a desktop: the QR to scan with the phone, big; the bank apps folded into one line.
    const desk = await browser.newContext({ ...DESKTOP, storageState: SHOPPER_STATE });
    const screen = await desk.newPage();
    await screen.goto(`/don-hang/${placed.orderId}`);
    const qr = screen.getByTestId("vietqr-image");
    await expect(qr).toBeVisible();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(280);
    await expect(screen.getByText("Quét mã bằng ứng dụng ngân hàng trên điện thoại.")).toBeVisible();
    await expect(screen.getByTestId("bank-apps")).toHaveJSProperty("open", false);
    await expect(screen.getByTestId("bank-app").first()).toBeHidden();
    await expect(screen.getByText("Đang xem trên điện thoại? Mở thẳng ứng dụng ngân hàng")).toBeVisible();
    await screenshotAs(screen, "desktop-vietqr");
    await desk.close();
  });
});

test.describe("a shopper pays by VietQR on a 360 px phone", () => {
  test.use({ ...SMALL_PHONE, permissions: CLIPBOARD });

  test("still has the amount, the content and their copy buttons above the fold", async ({ page }) => {
    test.setTimeout(90_000);
    const placed = await order(page, SHOPPERS.small, "vietqr");
    await payOnThePhone(page, placed, "small-phone-vietqr-pay");
  });
});

test.describe("a parcel on its way", () => {
  let placed: Placed;

  test("the seller ships it with GHN, and the tracking number links to GHN's tracking page", async ({ browser }) => {
    test.setTimeout(90_000);
    const shopperContext: BrowserContext = await browser.newContext({ ...PHONE, storageState: SHOPPER_STATE });
    placed = await order(await shopperContext.newPage(), SHOPPERS.phone, "cod", true);
    await shopperContext.close();

    const sellerContext = await browser.newContext({ ...PHONE });
    const page = await sellerContext.newPage();
    await page.goto("/ban-hang/don-hang");
    await signIn(page, SELLER);
    await expect(page).toHaveURL(/\/ban-hang\/don-hang$/);
    const card = page.locator(`[data-testid="fulfilment"][data-code="${placed.code}"]`);
    await expect(card).toContainText(PRODUCT);
    await card.getByRole("button", { name: "Đã đóng gói" }).click();
    await expect(card.getByTestId("parcel-status")).toHaveText("Đã đóng gói");
    await card.getByLabel("Đơn vị vận chuyển").fill("Giao Hàng Nhanh (GHN)");
    await card.getByLabel("Mã vận đơn").fill(TRACKING);
    await card.getByRole("button", { name: "Đã gửi hàng" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã ghi nhận: đang giao." })).toBeVisible();
    await page.getByRole("button", { name: /^Đang giao/ }).click();
    await expect(card.getByTestId("carrier")).toHaveText(`Giao Hàng Nhanh (GHN) · mã vận đơn ${TRACKING}`);
    const link = card.getByTestId("carrier").getByTestId("tracking-link");
    await expect(link).toHaveText(TRACKING);
    await expect(link).toHaveAttribute("href", `https://donhang.ghn.vn/?order_code=${TRACKING}`);
    await expect(link).toHaveAttribute("target", "_blank");
    await screenshotAs(page, "phone-seller-tracking-link");
    await sellerContext.close();
  });

  test("the shopper's order page links the number to GHN, and their texts link the order and the carrier", async ({
    browser,
  }) => {
    const context = await browser.newContext({ ...PHONE, storageState: SHOPPER_STATE });
    const page = await context.newPage();
    await page.goto(`/don-hang/${placed.orderId}`);
    const parcel = page.getByTestId("order-parcel").filter({ hasText: PRODUCER });
    await expect(parcel.getByTestId("parcel-status")).toHaveText("Đang giao");
    await expect(parcel.getByTestId("tracking-number")).toHaveText(`Mã vận đơn: ${TRACKING}`);
    const link = parcel.getByRole("link", {
      name: new RegExp(`^${TRACKING} \\(mở trang theo dõi của Giao Hàng Nhanh`),
    });
    await expect(link).toHaveAttribute("href", `https://donhang.ghn.vn/?order_code=${TRACKING}`);
    await expect(link).toHaveAttribute("rel", /noopener/);
    await screenshotAs(page, "phone-order-tracking-link");

    const outbox = (await (await page.request.get("/api/dev/outbox")).json()) as Array<{ to: string; text: string }>;
    const texts = outbox
      .filter((m) => m.to === e164(SHOPPERS.phone) && m.text.includes(placed.code))
      .map((m) => m.text);
    const pageUrl = new URL(`/don-hang/${placed.orderId}`, page.url()).href;
    expect(texts.find((t) => t.includes("đã nhận đơn"))).toContain(`Xem đơn: ${pageUrl}`);
    const shipped = texts.find((t) => t.includes("mã vận đơn"));
    expect(shipped).toContain(`Theo dõi: https://donhang.ghn.vn/?order_code=${TRACKING}`);
    expect(shipped).toContain(`Xem đơn: ${pageUrl}`);
    await context.close();
  });
});
