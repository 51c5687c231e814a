import { expect, type Locator, type Page } from "@playwright/test";
import { cards, openFilters, pickForCombo, screenshotAs, test } from "./helpers";
import { PHONE, SMALL_PHONE } from "./viewports";

/**
 * The contrast ratio (WCAG 2) between an input's text and what is behind it: the first ancestor with an opaque
 * background, as a person sees it.
 */
async function textContrast(input: Locator): Promise<number> {
  return input.evaluate((el) => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [R, G, B] = [r, g, b].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (R ?? 0) + 0.7152 * (G ?? 0) + 0.0722 * (B ?? 0);
    };
    let behind: string | undefined;
    for (let node: Element | null = el; node && !behind; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      const alpha = rgb(bg)[3];
      if (bg !== "transparent" && (alpha === undefined || alpha > 0.9)) behind = bg;
    }
    const fg = luminance(rgb(getComputedStyle(el).color));
    const bg = luminance(rgb(behind ?? "rgb(255, 255, 255)"));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function boxOf(name: string, locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, name).not.toBeNull();
  return { name, ...(box as Omit<Box, "name">) };
}

for (const [label, viewport] of [
  ["412", PHONE],
  ["360", SMALL_PHONE],
] as const) {
  test.describe(`on a ${label} px phone`, () => {
    test.use(viewport);

    test("the home page's search box shows what is typed, as the catalog's does", async ({ page }) => {
      await page.goto("/");
      const box = page.getByRole("searchbox", { name: "Tìm sản phẩm OCOP" });
      await box.fill("nuoc mam");
      await expect(box).toHaveValue("nuoc mam");
      expect(await textContrast(box)).toBeGreaterThanOrEqual(4.5);
      await screenshotAs(page, `storefront-${label}-home-search`);

      await box.press("Enter");
      await expect(page).toHaveURL(/\/san-pham\?q=nuoc\+mam$/);
      const catalogBox = page.getByRole("searchbox", { name: "Tìm sản phẩm OCOP" });
      await expect(catalogBox).toHaveValue("nuoc mam");
      expect(await textContrast(catalogBox)).toBeGreaterThanOrEqual(4.5);
    });

    test("the header's links, cart and switches sit side by side inside the screen with a cart", async ({ page }) => {
      // A shopper with something in the cart: the badge on the cart is what crowds the header.
      await page.goto("/san-pham?q=tra+tim+sen");
      await cards(page).filter({ hasText: "Trà tim sen Tháp Mười" }).click();
      await page.getByRole("button", { name: "Thêm 1" }).click();
      await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
      await expect(page.getByText("Đã thêm vào giỏ hàng.")).toBeVisible();
      await page.goto("/");
      await expect(page.getByTestId("cart-count")).toHaveText("2");

      const header = page.locator(".site-header");
      const nav = header.getByRole("navigation");
      const boxes = [
        await boxOf("logo", header.getByRole("link", { name: /về trang chủ/ })),
        await boxOf("Sản phẩm", nav.getByRole("link", { name: "Sản phẩm", exact: true })),
        await boxOf("Quà tặng", nav.getByRole("link", { name: "Quà tặng", exact: true })),
        await boxOf("Live", nav.getByRole("link", { name: "Live", exact: true })),
        await boxOf("cart", header.getByRole("link", { name: /^Giỏ hàng/ })),
        await boxOf("badge", page.getByTestId("cart-count")),
        await boxOf("account", header.getByRole("link", { name: /Đăng nhập/ })),
        await boxOf("language", header.getByRole("group", { name: /Ngôn ngữ|Language/ })),
      ];
      const width = viewport.viewport.width;
      for (const b of boxes) {
        expect(b.x, `${b.name} starts inside the screen`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `${b.name} ends inside the screen`).toBeLessThanOrEqual(width);
      }
      const badge = boxes.find((b) => b.name === "badge") as Box;
      const cart = boxes.find((b) => b.name === "cart") as Box;
      const others = boxes.filter((b) => b !== badge);
      for (let i = 0; i < others.length; i++) {
        for (const other of others.slice(i + 1)) {
          const one = others[i] as Box;
          expect(overlaps(one, other), `${one.name} overlaps ${other.name}`).toBe(false);
        }
      }
      // The badge belongs to the cart: on it, and on nothing else.
      expect(overlaps(badge, cart)).toBe(true);
      for (const other of others.filter((b) => b !== cart)) {
        expect(overlaps(badge, other), `the cart's badge covers ${other.name}`).toBe(false);
      }
      // Nothing of the nav is cut off: its links fit without scrolling sideways.
      expect(await nav.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screenshots/storefront-${label}-header.png` });
    });
  });
}

test.describe("the gift combo builder on a phone", () => {
  test.use(PHONE);

  test("“Lưu & chia sẻ” tapped right after choosing the box gives the link, with copy and share", async ({ page }) => {
    await page.goto("/qua-tang/tu-chon");
    await pickForCombo(page, "me xung", "Mè xửng Huế");
    await pickForCombo(page, "tra cung dinh", "Trà cung đình Huế");
    await page.getByRole("radio", { name: /Hộp giấy kraft in hoa văn/ }).check();
    // A person taps at once, without waiting for the price to come back.
    await page.getByRole("button", { name: "Lưu & chia sẻ" }).click({ force: true, timeout: 1000 });
    const link = page.getByTestId("share-link");
    await expect(link).toHaveValue(/\/qua-tang\/[0-9a-z]{26}$/);
    await expect(page.getByRole("button", { name: "Chép Đường dẫn hộp quà" })).toBeVisible();
    await expect(page.getByTestId("combo-total")).toContainText("₫");
    await screenshotAs(page, "storefront-412-combo-shared");

    await page.goto(new URL(await link.inputValue()).pathname);
    await expect(page.getByRole("heading", { name: "Trong hộp quà (2/8)" })).toBeVisible();
    await expect(page.getByRole("radio", { name: /Hộp giấy kraft in hoa văn/ })).toBeChecked();
  });

  test("offers no live koi, bonsai or tour for a box, and says why", async ({ page }) => {
    await page.goto("/qua-tang/tu-chon");
    const results = page.getByRole("list", { name: "Sản phẩm tìm được" });
    await expect(results).toBeVisible();
    await page.getByLabel("Tìm sản phẩm").fill("koi");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await expect(page.getByText(/Sinh vật cảnh và dịch vụ du lịch không đóng vào hộp quà/)).toBeVisible();
    await expect(page.getByRole("button", { name: /^Chọn Cá Koi/ })).toHaveCount(0);

    await page.getByLabel("Tìm sản phẩm").fill("bonsai");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await expect(page.getByText(/Sinh vật cảnh và dịch vụ du lịch không đóng vào hộp quà/)).toBeVisible();
    await expect(page.getByRole("button", { name: /^Chọn Bonsai/ })).toHaveCount(0);

    // The catalog still sells the koi on its own.
    await page.goto("/san-pham?q=koi");
    await expect(cards(page).filter({ hasText: "Cá Koi Kohaku" })).toBeVisible();
  });
});

test.describe("the catalog's filters on a phone", () => {
  test.use(PHONE);

  async function countsShown(page: Page, select: string): Promise<Map<string, number>> {
    const options = page.locator(`${select} option`);
    await expect(options.filter({ hasText: /\(\d+\)$/ }).first()).toBeAttached();
    const shown = new Map<string, number>();
    for (const option of await options.all()) {
      const value = await option.getAttribute("value");
      const text = (await option.textContent()) ?? "";
      const n = text.match(/\((\d+)\)$/)?.[1];
      if (value && n !== undefined) shown.set(value, Number(n));
    }
    return shown;
  }

  async function expected(page: Page, query: string, key: "provinceCode" | "group"): Promise<Map<string, number>> {
    const body = (await (await page.request.get(`/api/products?${query}&limit=48`)).json()) as {
      items: Array<{ provinceCode: string; group: string }>;
      cursor: string | null;
    };
    expect(body.cursor).toBeNull();
    const counts = new Map<string, number>();
    for (const item of body.items) counts.set(item[key], (counts.get(item[key]) ?? 0) + 1);
    return counts;
  }

  test("province and group counts follow the search text and the other filters", async ({ page }) => {
    await page.goto("/san-pham?q=mat+ong");
    await expect(cards(page).first()).toBeVisible();
    await openFilters(page);
    const byProvince = await expected(page, "q=mat%20ong", "provinceCode");
    expect(byProvince.size).toBeGreaterThan(1);
    await expect
      .poll(async () => {
        const shown = await countsShown(page, "#f-province");
        return [...shown].filter(([code, n]) => n !== (byProvince.get(code) ?? 0));
      })
      .toEqual([]);
    const byGroup = await expected(page, "q=mat%20ong", "group");
    await expect
      .poll(async () => [...(await countsShown(page, "#f-group"))].filter(([g, n]) => n !== (byGroup.get(g) ?? 0)))
      .toEqual([]);
    await screenshotAs(page, "storefront-412-catalog-counts");

    // With a group chosen, the provinces count only that group's matches; the group list still counts every group.
    await page.getByLabel("Nhóm sản phẩm").selectOption("duoc-lieu");
    await expect(page).toHaveURL(/group=duoc-lieu/);
    const herbal = await expected(page, "q=mat%20ong&group=duoc-lieu", "provinceCode");
    await expect
      .poll(async () =>
        [...(await countsShown(page, "#f-province"))].filter(([code, n]) => n !== (herbal.get(code) ?? 0)),
      )
      .toEqual([]);
    await expect
      .poll(async () => [...(await countsShown(page, "#f-group"))].filter(([g, n]) => n !== (byGroup.get(g) ?? 0)))
      .toEqual([]);
  });
});

test.describe("numbers in English on a phone", () => {
  test.use(PHONE);

  test("prices and shares are written the English way", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
    const card = cards(page).first();
    await expect(card).toContainText(/₫\d{1,3}(,\d{3})+/);
    await expect(card).not.toContainText(/\d\.\d{3}/);
    const stars = page.locator(".stars-bar");
    await expect(stars).toContainText(/\(\d+(\.\d)?%\)/);
    await expect(stars).not.toContainText(/\d,\d/);
    await screenshotAs(page, "storefront-412-home-en");

    await page.goto("/san-pham?minPrice=100000");
    await expect(page.getByRole("button", { name: /from ₫100,000/ })).toBeVisible();
    await page.goto("/");
    await page.getByRole("button", { name: /Tiếng Việt/ }).click();
    await expect(cards(page).first()).toContainText(/\d{1,3}(\.\d{3})+\s₫/);
  });
});
