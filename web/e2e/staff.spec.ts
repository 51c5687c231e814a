import { expect, type Page } from "@playwright/test";
import { e164, signIn, waitForCodeSlot } from "./accounts";
import { fromTheSite, screenshotAs, test } from "./helpers";
import { FOOD_LABEL } from "./label";
import { DESKTOP, PHONE, SMALL_PHONE } from "./viewports";

/**
 * One story, in order: a new Sơn La producer's seller types the tags of a product key by key on a phone; Sơn La's
 * staff, opening another province's product, are told whose it is (desktop and phones); they reject the seller's
 * submission; the seller is told by SMS with the reason and a link, and sees it in the portal; staff approve the
 * fixed submission and the seller is told again; the audit log names who did what.
 */
test.describe.configure({ mode: "serial" });

const SELLER = `0977${String(Date.now()).slice(-6)}`;
const STAFF = "0900000014";
const SELLER_STATE = "test-results/state-staff-story-seller.json";
const STAFF_STATE = "test-results/state-staff-story-staff.json";
const tag = Date.now().toString(36).slice(-4);
const PRODUCER = `HTX Chè Tà Xùa ${tag}`;
const NAME = `Chè Shan tuyết Tà Xùa ${tag}`;
const REASON = "Số quyết định trên bản scan không khớp với số đã nhập.";
const TAGS = [
  "đặc sản",
  "quà Tết",
  "chè shan",
  "Tà Xùa",
  "Sơn La",
  "trà xanh",
  "cây cổ thụ",
  "hữu cơ",
  "quà biếu",
  "OCOP 4 sao",
];
let productId = "";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const certificate = () => ({
  stars: 4,
  decisionNumber: "1620/QĐ-UBND",
  decisionDate: daysAgo(40),
  issuer: "UBND tỉnh Sơn La",
  level: "province",
});

/** The newest outbox message to this number about the product, read on the local outbox page as a person would. */
async function messageTo(page: Page, phone: string, about: string): Promise<string> {
  const outbox = await page.context().newPage();
  try {
    await outbox.goto("/dev/outbox");
    const item = outbox
      .getByRole("listitem")
      .filter({ hasText: e164(phone) })
      .filter({ hasText: about })
      .first();
    await expect(item).toBeVisible();
    return ((await item.locator(".text").textContent()) ?? "").trim();
  } finally {
    await outbox.close();
  }
}

const chips = (page: Page) => page.getByTestId("tag-chips").getByRole("listitem");

test.describe("a seller on a phone lists a product with its tags", () => {
  test.use(PHONE);

  test("signs in and registers a Sơn La producer", async ({ page }) => {
    await page.goto("/ban-hang");
    await signIn(page, SELLER);
    await expect(page).toHaveURL(/\/ban-hang$/);
    const ward = ((await (await page.request.get("/api/provinces/14/wards")).json()) as Array<{ code: string }>)[0];
    const registered = await page.request.post("/api/seller/producer", {
      headers: fromTheSite(),
      data: {
        name: PRODUCER,
        kind: "cooperative",
        provinceCode: "14",
        wardCode: ward?.code,
        street: "Bản Tà Xùa",
        phone: SELLER,
        taxCode: "5500987654",
        story: "Chè shan tuyết cổ thụ trên đỉnh Tà Xùa.",
      },
    });
    expect(registered.status()).toBe(201);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRODUCER);
    await page.context().storageState({ path: SELLER_STATE });
  });

  test.describe(() => {
    test.use({ storageState: SELLER_STATE });

    test("types tags key by key: comma or Enter makes a chip, Backspace takes one back, the limits are shown", async ({
      page,
    }) => {
      test.setTimeout(60_000);
      await page.goto("/ban-hang/san-pham/moi");
      await page.getByLabel("Tên sản phẩm").fill(NAME);
      await page.getByLabel("Nhóm sản phẩm").selectOption("do-uong");
      await page.getByLabel("Giá bán").fill("240000");
      await page.getByLabel("Đơn vị bán").fill("hộp 100g");
      await page.getByLabel("Khối lượng (gam)").fill("150");
      await page.getByLabel("Tồn kho").fill("40");

      const field = page.getByRole("textbox", { name: /^Từ khoá/ });
      const count = page.getByTestId("tags-count");
      const note = page.getByTestId("tags-note");
      await expect(count).toHaveText("0/10 từ khoá");
      // Every letter stays in the field while it is typed.
      await field.pressSequentially("đặc sản", { delay: 20 });
      await expect(field).toHaveValue("đặc sản");
      await field.press(",");
      await expect(chips(page)).toHaveText(["#đặc sản"]);
      await expect(field).toHaveValue("");
      await field.pressSequentially("quà Tết", { delay: 20 });
      await field.press("Enter");
      // Enter made a chip; it did not save the form.
      await expect(page).toHaveURL(/\/ban-hang\/san-pham\/moi$/);
      await expect(chips(page)).toHaveText(["#đặc sản", "#quà Tết"]);
      await expect(count).toHaveText("2/10 từ khoá");

      // Too short: it stays in the field, with the reason.
      await field.pressSequentially("x");
      await field.press("Enter");
      await expect(note).toHaveText("Từ khoá cần ít nhất 2 ký tự.");
      await expect(field).toHaveValue("x");
      await field.press("Backspace");
      await field.press("Backspace");
      await expect(chips(page)).toHaveText(["#đặc sản"]);
      await expect(note).toHaveText("Đã xoá từ khoá “quà Tết”.");
      // A repeat is said once and not added.
      await field.pressSequentially("Đặc sản,", { delay: 20 });
      await expect(note).toHaveText("Từ khoá này đã có.");
      await expect(chips(page)).toHaveCount(1);

      for (const t of TAGS.slice(1)) await field.pressSequentially(`${t},`, { delay: 10 });
      await expect(chips(page)).toHaveText(TAGS.map((t) => `#${t}`));
      await expect(count).toHaveText("10/10 từ khoá");
      await expect(field).toHaveAttribute("placeholder", "Đã đủ từ khoá");
      await field.pressSequentially("một nữa,", { delay: 10 });
      await expect(note).toHaveText("Đã đủ 10 từ khoá: xoá bớt một từ để thêm từ khác.");
      await expect(field).toHaveValue("một nữa,");
      await screenshotAs(page, "phone-seller-tags");

      // Saving with a tag that cannot be added says so beside the field; removing one makes room for it.
      await page.getByRole("button", { name: "Lưu bản nháp" }).click();
      await expect(page.locator("#product-tags-error")).toHaveText("Đã đủ 10 từ khoá: xoá bớt một từ để thêm từ khác.");
      await page.getByRole("button", { name: "Xoá từ khoá OCOP 4 sao" }).click();
      await expect(chips(page)).toHaveCount(9);
      await field.fill("");
      await field.pressSequentially("Shan tuyết cổ thụ", { delay: 10 });

      // The tag still being typed is saved with the others.
      const saved = page.waitForRequest((r) => r.url().endsWith("/api/seller/products") && r.method() === "POST");
      await page.getByRole("button", { name: "Lưu bản nháp" }).click();
      const expected = [...TAGS.slice(0, 9), "Shan tuyết cổ thụ"];
      expect(((await saved).postDataJSON() as { tags: string[] }).tags).toEqual(expected);
      await expect(page).toHaveURL(/\/ban-hang\/san-pham\/[0-9a-z]{26}$/);
      productId = page.url().split("/").pop() ?? "";

      await page.reload();
      await expect(page.getByTestId("editor-title")).toHaveText(NAME);
      await expect(chips(page)).toHaveText(expected.map((t) => `#${t}`));
      await expect(count).toHaveText("10/10 từ khoá");
      await screenshotAs(page, "phone-seller-tags-saved");

      const labelled = await page.request.patch(`/api/seller/products/${productId}`, {
        headers: fromTheSite(),
        data: { label: FOOD_LABEL },
      });
      expect(labelled.status()).toBe(200);
      const submitted = await page.request.post(`/api/seller/products/${productId}/submit`, {
        headers: fromTheSite(),
        data: { certificate: certificate() },
      });
      expect(submitted.status()).toBe(200);
    });
  });
});

test.describe("Sơn La's staff", () => {
  test.describe(() => {
    test.use(DESKTOP);

    test("opening another province's product are told whose it is, not left on a loading page", async ({ page }) => {
      const haNoi = (await (await page.request.get("/api/products?province=01&limit=1")).json()) as {
        items: Array<{ productId: string; name: string }>;
      };
      const other = haNoi.items[0];
      expect(other).toBeDefined();
      await page.goto("/quan-tri");
      await waitForCodeSlot(page, STAFF);
      await signIn(page, STAFF);
      await expect(page.getByTestId("staff-scope")).toHaveText("Cán bộ tỉnh Sơn La");
      await page.context().storageState({ path: STAFF_STATE });

      await page.goto(`/quan-tri/san-pham/${other?.productId}`);
      const refusal = page.getByRole("alert");
      await expect(refusal.getByRole("heading", { level: 1 })).toHaveText("Không thuộc thẩm quyền của bạn");
      await expect(refusal).toContainText(
        "Sản phẩm này thuộc Thành phố Hà Nội: chỉ cán bộ OCOP của Thành phố Hà Nội (hoặc cấp trung ương) mới duyệt được.",
      );
      await expect(page.locator(".skeleton")).toHaveCount(0);
      await screenshotAs(page, "desktop-staff-refusal");
      await refusal.getByRole("link", { name: "Về danh sách duyệt" }).click();
      await expect(page).toHaveURL(/\/quan-tri$/);
    });
  });

  for (const [name, viewport] of [
    ["phone", PHONE],
    ["small-phone", SMALL_PHONE],
  ] as const) {
    test.describe(() => {
      test.use({ ...viewport, storageState: STAFF_STATE });

      test(`see the same refusal on a ${name}`, async ({ page }) => {
        const haNoi = (await (await page.request.get("/api/products?province=01&limit=1")).json()) as {
          items: Array<{ productId: string }>;
        };
        await page.goto(`/quan-tri/san-pham/${haNoi.items[0]?.productId}`);
        const refusal = page.getByRole("alert");
        await expect(refusal.getByRole("heading", { level: 1 })).toHaveText("Không thuộc thẩm quyền của bạn");
        await expect(refusal).toContainText("Sản phẩm này thuộc Thành phố Hà Nội");
        await expect(refusal.getByRole("link", { name: "Về danh sách duyệt" })).toBeInViewport();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(viewport.viewport.width);
        await screenshotAs(page, `${name}-staff-refusal`);
      });
    });
  }

  test.describe(() => {
    test.use({ ...DESKTOP, storageState: STAFF_STATE });

    test("reject the seller's submission with a reason", async ({ page }) => {
      await page.goto("/quan-tri");
      await page.getByTestId("queue").getByRole("link", { name: NAME, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
      await expect(page.getByText("chè shan, Tà Xùa")).toBeVisible();
      await page.getByLabel("Lý do từ chối").fill(REASON);
      await page.getByRole("button", { name: "Từ chối" }).click();
      await expect(page.getByText("Đã từ chối. Người bán sẽ thấy lý do.")).toBeVisible();
      const trail = page.getByTestId("audit-trail");
      await expect(trail).toContainText("Từ chối");
      await expect(trail).toContainText("Cán bộ OCOP tỉnh Sơn La");
    });
  });
});

test.describe("the seller is told", () => {
  test.use({ ...PHONE, storageState: SELLER_STATE });

  test("by SMS, with the reason and a link to the product, and in the portal", async ({ page }) => {
    const text = await messageTo(page, SELLER, NAME);
    expect(text).toContain(`Chợ OCOP: sản phẩm “${NAME}” của ${PRODUCER} chưa được duyệt. Lý do: ${REASON}`);
    const link = text.match(/https?:\/\/\S+$/)?.[0] ?? "";
    expect(new URL(link).pathname).toBe(`/ban-hang/san-pham/${productId}`);

    await page.goto("/ban-hang");
    const notices = page.getByTestId("review-notices");
    await expect(notices).toContainText(`Cán bộ OCOP chưa duyệt “${NAME}”. Lý do: ${REASON}`);
    await screenshotAs(page, "phone-seller-review-notice");

    await page.goto(new URL(link).pathname);
    await expect(page.getByTestId("status-panel")).toContainText("Bị từ chối");
    await expect(page.getByTestId("status-reason")).toContainText(REASON);

    const again = await page.request.post(`/api/seller/products/${productId}/submit`, {
      headers: fromTheSite(),
      data: { certificate: { ...certificate(), decisionNumber: "1621/QĐ-UBND" } },
    });
    expect(again.status()).toBe(200);
  });
});

test.describe("approval, and the audit log", () => {
  test.describe(() => {
    test.use({ ...DESKTOP, storageState: STAFF_STATE });

    test("staff approve the fixed submission and find both decisions in the audit log by name", async ({ page }) => {
      await page.goto(`/quan-tri/san-pham/${productId}`);
      await page.getByRole("button", { name: "Duyệt, đưa lên Chợ" }).click();
      await expect(page.getByText("Đã duyệt. Sản phẩm đã lên Chợ OCOP.")).toBeVisible();

      await page.getByRole("link", { name: "Nhật ký" }).click();
      const rows = page.getByTestId("audit").getByRole("row").filter({ hasText: NAME });
      await expect(rows).toHaveCount(2);
      const rejected = rows.filter({ hasText: "Từ chối" });
      await expect(rejected.getByTestId("audit-who")).toHaveText("Cán bộ OCOP tỉnh Sơn La Cán bộ tỉnh Sơn La");
      // Names, not ids: the product and its producer.
      await expect(rejected.getByTestId("audit-target")).toHaveText(`Sản phẩm ${NAME} · ${PRODUCER}`);
      await expect(rejected).toContainText(REASON);
      await expect(rejected.getByRole("link", { name: NAME })).toHaveAttribute(
        "href",
        `/quan-tri/san-pham/${productId}`,
      );
      await screenshotAs(page, "desktop-audit-log");
      await rejected.getByRole("link", { name: NAME }).click();
      await expect(page).toHaveURL(new RegExp(`/quan-tri/san-pham/${productId}$`));
    });
  });

  test.describe(() => {
    test.use({ ...PHONE, storageState: SELLER_STATE });

    test("the seller is told of the approval too", async ({ page }) => {
      const text = await messageTo(page, SELLER, "đã được duyệt");
      expect(text).toContain(`Chợ OCOP: sản phẩm “${NAME}” của ${PRODUCER} đã được duyệt và đang bán trên Chợ OCOP.`);
      await page.goto("/ban-hang");
      await expect(page.getByTestId("review-notices")).toContainText(`“${NAME}” đã được duyệt và đang bán trên Chợ.`);
      await expect(page.getByTestId("review-notices")).not.toContainText(REASON);
    });
  });
});
