import { expect } from "@playwright/test";
import { signIn, waitForCodeSlot } from "./accounts";
import { cards, fromTheSite, screenshotAs, test } from "./helpers";
import { FOOD_LABEL, fillFoodLabel } from "./label";
import { certificateScan, productPhoto } from "./png";
import { DESKTOP, PHONE } from "./viewports";

/**
 * One story, in order: a seller of a Sơn La producer lists a product from a phone; central staff approve it on a
 * desktop; shoppers find it and scan its QR label; another producer's product stays out of reach; a second
 * submission is rejected with a reason the seller reads; the figures show the shares by stars.
 * Each phone number asks for a sign-in code once (one per 30 s, 5 per hour are allowed).
 */
test.describe.configure({ mode: "serial" });

const SELLER = { phone: "0975 000 105", producer: "Công ty Cổ phần Nông sản Cao Nguyên Mộc Châu Xanh" };
const STAFF = "0900000001";
const SELLER_STATE = "test-results/state-seller.json";
const STAFF_STATE = "test-results/state-staff.json";
const tag = Date.now().toString(36).slice(-4);
const NAME = `Trà hoa ban Mộc Châu ${tag}`;
const REJECTED = `Mứt mận hậu Mộc Châu ${tag}`;
const DECISION = "1520/QĐ-UBND";
const REASON = "Ảnh giấy chứng nhận bị mờ, không đọc được số quyết định.";
let productId = "";
let traceUrl = "";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test.describe("a seller on a phone", () => {
  test.use(PHONE);

  test("signs in with the code from the outbox and lands in the seller portal", async ({ page }) => {
    await page.goto("/ban-hang");
    await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fban-hang$/);
    await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
    await signIn(page, SELLER.phone, { wrongFirst: true });
    await expect(page).toHaveURL(/\/ban-hang$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SELLER.producer);
    await expect(page.getByRole("link", { name: "Thêm sản phẩm" })).toBeVisible();
    const products = page.getByTestId("seller-product");
    await expect(products.first()).toBeVisible();
    await expect(products.filter({ hasText: "Đang bán" }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Tài khoản/ })).toBeVisible();
    await screenshotAs(page, "phone-seller-portal");
    await page.context().storageState({ path: SELLER_STATE });
  });

  test.describe(() => {
    test.use({ storageState: SELLER_STATE });

    test("creates a product with a photo and submits it with a 4★ certificate and its scan", async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto("/ban-hang");
      await page.getByRole("link", { name: "Thêm sản phẩm" }).click();
      await expect(page).toHaveURL(/\/ban-hang\/san-pham\/moi$/);

      await page.getByLabel("Tên sản phẩm").fill(NAME);
      // The label's fields follow the group: a handicraft is asked its material, a drink what a food label says.
      await page.getByLabel("Nhóm sản phẩm").selectOption("thu-cong-my-nghe");
      await expect(page.getByTestId("label-fields").locator(".pfield__label")).toHaveText([
        "Chất liệu",
        /Hướng dẫn sử dụng/,
        /Bảo quản/,
      ]);
      await page.getByLabel("Nhóm sản phẩm").selectOption("do-uong");
      await expect(page.getByTestId("label-fields").getByLabel("Giấy chứng nhận ATTP")).toBeVisible();
      await expect(page.getByTestId("label-fields").getByLabel("Chất liệu")).toHaveCount(0);
      const price = page.getByLabel("Giá bán");
      await price.fill("185000");
      await price.blur();
      await expect(price).toHaveValue("185.000");
      await page.getByLabel("Đơn vị bán").fill("hộp 100g");
      await page.getByLabel("Khối lượng (gam)").fill("150");
      await page.getByLabel("Tồn kho").fill("60");
      // Checked in the browser before anything is sent: type, then size.
      await page
        .getByLabel("Thêm ảnh")
        .setInputFiles({ name: "ghi-chu.txt", mimeType: "text/plain", buffer: Buffer.from("không phải ảnh") });
      await expect(page.getByText("Chỉ nhận tệp JPEG, PNG, WebP.")).toBeVisible();
      await page
        .getByLabel("Thêm ảnh")
        .setInputFiles({ name: "tra-hoa-ban.png", mimeType: "image/png", buffer: productPhoto() });
      const preview = page.getByRole("img", { name: "Ảnh 1" });
      await expect(preview).toBeVisible();
      await expect(page.getByText("Ảnh chính", { exact: true })).toBeVisible();
      await page.getByLabel("Câu chuyện sản phẩm").fill("Hoa ban trắng hái trên đồi Mộc Châu, sấy lạnh và ủ với chè.");
      await page.getByLabel("Từ khoá").fill("trà hoa, Mộc Châu");
      // Saved as a draft without its label; the review section says what it still lacks.
      await page.getByRole("button", { name: "Lưu bản nháp" }).click();

      await expect(page).toHaveURL(/\/ban-hang\/san-pham\/[0-9a-z]{26}$/);
      productId = page.url().split("/").pop() ?? "";
      await expect(page.getByTestId("editor-title")).toHaveText(NAME);
      await expect(page.getByTestId("status-panel")).toContainText("Nháp");
      await expect(page.getByTestId("label-missing")).toContainText("Thành phần, Định lượng");
      await screenshotAs(page, "phone-seller-label-fields");
      await fillFoodLabel(page);
      await page.getByRole("button", { name: "Lưu thay đổi" }).click();
      await expect(page.getByTestId("label-missing")).toHaveCount(0);

      // The certificate: 4★ with its score (75 points, the 4★ band), province level, a scan.
      await page.getByRole("radio", { name: /4 sao/ }).check();
      await page.getByLabel(/^A\. Sản phẩm/).fill("30");
      await page.getByLabel(/^B\. Khả năng tiếp thị/).fill("18");
      await page.getByLabel(/^C\. Chất lượng/).fill("27");
      await expect(page.getByText("Tổng: 75/100 điểm")).toBeVisible();
      await expect(page.getByTestId("score-band")).toHaveText("hạng 4★ (70–89 điểm)");
      await page.getByLabel("Số quyết định").fill(DECISION);
      await page.getByLabel("Ngày quyết định").fill(daysAgo(30));
      await expect(page.getByLabel("Cấp công nhận")).toHaveValue("province");
      await page.getByLabel("Cơ quan cấp").fill("UBND tỉnh Sơn La");
      await page
        .getByLabel("Bản scan giấy chứng nhận")
        .setInputFiles({ name: "giay-chung-nhan.png", mimeType: "image/png", buffer: certificateScan() });
      await expect(page.getByText("Đã tải lên", { exact: true })).toBeVisible();
      await page.getByRole("button", { name: "Gửi duyệt" }).click();
      await expect(page.getByText("Đã gửi duyệt. Cán bộ OCOP sẽ xem xét.")).toBeVisible();
      await expect(page.getByTestId("status-panel")).toContainText("Chờ duyệt");
      await expect(page.locator(".cert-history")).toContainText(DECISION);

      // A production batch, for the trace page.
      await page.getByText("Thêm lô sản xuất").click();
      await page.getByLabel("Mã lô").fill(`LO-${tag.toUpperCase()}`);
      await page.getByLabel("Số lượng").fill("120");
      await page.getByRole("button", { name: "Lưu lô sản xuất" }).click();
      await expect(page.getByRole("rowheader", { name: `LO-${tag.toUpperCase()}` })).toBeVisible();
      await screenshotAs(page, "phone-product-editor");
    });

    test("opening another producer's product says clearly that it is not theirs", async ({ page, request }) => {
      const other = (await (await request.get("/api/products?q=nuoc%20mam&limit=1")).json()) as {
        items: Array<{ productId: string }>;
      };
      const id = other.items[0]?.productId ?? "";
      await page.goto(`/ban-hang/san-pham/${id}`);
      await expect(page.getByRole("heading", { name: "Sản phẩm này thuộc chủ thể khác" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Về kênh người bán" })).toBeVisible();
      await page.goto(`/ban-hang/san-pham/${id}/tem`);
      await expect(page.getByRole("heading", { name: "Sản phẩm này thuộc chủ thể khác" })).toBeVisible();
    });
  });
});

test.describe("central staff on a desktop", () => {
  test.use(DESKTOP);

  test("find the submission in the review queue, see the scan beside its fields and approve it", async ({ page }) => {
    await page.goto("/quan-tri");
    await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-tri$/);
    await signIn(page, STAFF);
    await expect(page).toHaveURL(/\/quan-tri$/);
    await expect(page.getByTestId("staff-scope")).toHaveText("Cán bộ trung ương");
    await expect(page.getByRole("heading", { level: 1, name: "Duyệt sản phẩm" })).toBeVisible();

    await page.getByLabel("Tỉnh, thành phố").selectOption("14");
    await page.getByLabel("Hạng sao").selectOption("4");
    await expect(page).toHaveURL(/province=14/);
    const row = page.getByTestId("queue").getByRole("row").filter({ hasText: NAME });
    await expect(row).toContainText("Sơn La");
    await expect(row).toContainText("Chờ duyệt");
    await row.getByRole("link", { name: NAME, exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`/quan-tri/san-pham/${productId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
    await expect(page.getByTestId("review-decision")).toHaveText(DECISION);
    await expect(page.getByTestId("review-certificate")).toContainText("UBND tỉnh Sơn La");
    await expect(page.getByTestId("review-certificate")).toContainText("75/100 điểm");
    const scan = page.getByTestId("scan-image");
    await expect(scan).toBeVisible();
    await expect.poll(() => scan.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
    // Beside the fields, not under them.
    const fields = await page.getByTestId("review-certificate").boundingBox();
    const picture = await scan.boundingBox();
    expect((picture?.x ?? 0) > (fields?.x ?? 0) + (fields?.width ?? 0) - 1).toBe(true);
    await screenshotAs(page, "desktop-review");

    await page.getByRole("button", { name: "Duyệt, đưa lên Chợ" }).click();
    await expect(page.getByText("Đã duyệt. Sản phẩm đã lên Chợ OCOP.")).toBeVisible();
    await expect(page.locator(".review__meta").getByTestId("status")).toHaveText("Đang bán");
    await expect(page.getByTestId("audit-trail")).toContainText("Duyệt");
    await page.context().storageState({ path: STAFF_STATE });
  });
});

test.describe("shoppers find it and trace it", () => {
  test.describe(() => {
    test.use({ ...DESKTOP, storageState: SELLER_STATE });

    test("it is on the storefront, and its label sheet links to its trace page", async ({ page }) => {
      await page.goto("/");
      const box = page.getByRole("searchbox", { name: "Tìm sản phẩm OCOP" });
      await box.fill(NAME.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
      await box.press("Enter");
      const first = cards(page).first();
      await expect(first.locator(".card__name")).toHaveText(NAME);
      await first.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
      await expect(page.getByTestId("decision-number")).toHaveText(DECISION);

      await page.goto(`/ban-hang/san-pham/${productId}`);
      await page.getByRole("link", { name: "Tem QR" }).click();
      await expect(page).toHaveURL(new RegExp(`/ban-hang/san-pham/${productId}/tem$`));
      const labels = page.getByTestId("label-sheet").locator(".label");
      await expect(labels).toHaveCount(24);
      const label = labels.first();
      await expect(label).toContainText(NAME);
      await expect(label).toContainText(SELLER.producer);
      await expect(label.locator(".label__cert")).toHaveText(`GCN số ${DECISION.replace(/-/g, "\u2011")}`);
      await expect(label.getByRole("img", { name: "OCOP 4 sao" })).toBeVisible();
      const qr = label.locator(".label__qr");
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expect(page.getByRole("button", { name: "In tem" })).toBeVisible();
      await screenshotAs(page, "desktop-labels");

      await page.getByRole("link", { name: "Mở trang truy xuất" }).click();
      await expect(page).toHaveURL(new RegExp(`/truy-xuat/${productId}$`));
      traceUrl = new URL(page.url()).pathname;
      await expect(page.getByTestId("trace-decision")).toHaveText(DECISION);
      await expect(page.getByTestId("trace-validity")).toContainText("Giấy chứng nhận OCOP còn hiệu lực");
    });
  });

  test.describe(() => {
    test.use(PHONE);

    test("the trace page behind the QR code reads well on a phone", async ({ page, request }) => {
      const qr = await request.get(`/api/trace/${productId}/qr.svg`);
      expect(qr.headers()["content-type"]).toBe("image/svg+xml");
      await page.goto(traceUrl);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
      await expect(page.getByTestId("trace-validity")).toContainText(/còn [\d.]+ ngày/);
      await expect(page.getByTestId("trace-decision")).toHaveText(DECISION);
      await expect(page.getByTestId("trace-origin")).toContainText("Sơn La");
      await expect(page.getByTestId("trace-batches")).toContainText(`LO-${tag.toUpperCase()}`);
      await expect(page.getByRole("link", { name: SELLER.producer })).toBeVisible();
      await expect(page.getByRole("link", { name: "Xem sản phẩm" })).toBeVisible();
      await screenshotAs(page, "phone-trace");
    });
  });
});

test.describe("province staff on a desktop", () => {
  test.use(DESKTOP);

  test("see only their province's queue and the collections read-only", async ({ page }) => {
    await page.goto("/quan-tri");
    // The import story just before this one signs the same officer in: wait out the resend interval.
    await waitForCodeSlot(page, "0900000014");
    await signIn(page, "0900000014");
    await expect(page.getByTestId("staff-scope")).toHaveText("Cán bộ tỉnh Sơn La");
    await expect(page.getByLabel("Tỉnh, thành phố")).toBeDisabled();
    await expect(page.getByLabel("Tỉnh, thành phố")).toHaveText("Sơn La");
    await page.getByLabel("Trạng thái").selectOption("approved");
    const provinces = page.getByTestId("queue").locator("tbody td:first-of-type");
    await expect(provinces.first()).toBeVisible();
    for (const province of await provinces.allTextContents()) expect(province).toBe("Sơn La");
    await page.getByRole("link", { name: "Bộ sưu tập" }).click();
    await expect(page.getByText("Chỉ cán bộ trung ương sửa được trang chủ. Bạn đang xem.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Lưu bộ sưu tập" })).toHaveCount(0);
  });
});

test.describe("a rejection the seller reads, and the figures", () => {
  let rejectedId = "";

  test.describe(() => {
    test.use({ ...DESKTOP, storageState: STAFF_STATE });

    test("staff reject a submission with a reason", async ({ page, playwright, baseURL }) => {
      // The seller's second submission, made through the API with the seller's session.
      const seller = await playwright.request.newContext({
        baseURL,
        storageState: SELLER_STATE,
        extraHTTPHeaders: fromTheSite(),
      });
      const created = await seller.post("/api/seller/products", {
        data: {
          name: REJECTED,
          group: "thuc-pham",
          priceVnd: 95000,
          unit: "hũ 300g",
          weightGrams: 350,
          stock: 30,
          label: FOOD_LABEL,
        },
      });
      expect(created.status()).toBe(201);
      rejectedId = ((await created.json()) as { productId: string }).productId;
      const submitted = await seller.post(`/api/seller/products/${rejectedId}/submit`, {
        data: {
          certificate: {
            stars: 3,
            decisionNumber: "1533/QĐ-UBND",
            decisionDate: daysAgo(20),
            issuer: "UBND tỉnh Sơn La",
            level: "province",
          },
        },
      });
      expect(submitted.status()).toBe(200);
      await seller.dispose();

      await page.goto("/quan-tri?province=14");
      await page.getByTestId("queue").getByRole("link", { name: REJECTED, exact: true }).click();
      await expect(page.getByText("Người bán không gửi kèm bản scan.")).toBeVisible();
      const reason = page.getByLabel("Lý do từ chối");
      await reason.fill("mờ");
      await page.getByRole("button", { name: "Từ chối" }).click();
      await expect(page.getByText("Hãy ghi lý do (ít nhất 5 ký tự); người bán sẽ đọc được.")).toBeVisible();
      await expect(reason).toHaveAttribute("aria-invalid", "true");
      await reason.fill(REASON);
      await page.getByRole("button", { name: "Từ chối" }).click();
      await expect(page.getByText("Đã từ chối. Người bán sẽ thấy lý do.")).toBeVisible();
      await expect(page.locator(".review__meta").getByTestId("status")).toHaveText("Bị từ chối");
      await expect(page.getByTestId("audit-trail")).toContainText(REASON);
    });

    test("the dashboard shows listed products by stars with their shares", async ({ page }) => {
      await page.goto("/quan-tri/so-lieu");
      const shares = page.getByTestId("stars-shares");
      await expect(shares).toContainText(/\d+(,\d)?% 3★/);
      await expect(shares).toContainText(/\d+(,\d)?% 4★/);
      await expect(shares).toContainText(/\d+(,\d)?% 5★/);
      await expect(page.getByRole("img", { name: /Tỷ lệ sản phẩm theo hạng sao: .*% 3★/ })).toBeVisible();
      const sonLa = page.getByTestId("by-province").getByRole("row").filter({ hasText: "Sơn La" });
      await expect(sonLa).toBeVisible();
      await expect(page.getByTestId("by-group").getByRole("row")).toHaveCount(7);
      await screenshotAs(page, "desktop-dashboard");

      await page.getByRole("link", { name: "Nhật ký" }).click();
      await expect(page.getByTestId("audit")).toContainText(REASON);
      await page.getByRole("link", { name: "Sắp hết hạn" }).click();
      await expect(page.getByTestId("days-left").first()).toContainText(/còn [\d.]+ ngày/);
    });

    test("central staff curate a home page collection with the new product, then remove it", async ({ page }) => {
      await page.goto("/quan-tri/bo-suu-tap");
      await page.getByRole("button", { name: "Tạo bộ sưu tập" }).click();
      const form = page.getByRole("form", { name: "Bộ sưu tập mới" });
      await form.getByLabel("Tiêu đề (tiếng Việt)").fill(`Đặc sản Tây Bắc ${tag}`);
      await form.getByLabel("Tiêu đề (tiếng Anh)").fill(`Northwest specialities ${tag}`);
      await expect(form.getByLabel("Mã bộ sưu tập")).toHaveValue(`dac-san-tay-bac-${tag}`);
      await form.getByLabel("Thêm sản phẩm: tìm trên Chợ").fill(NAME);
      await form.getByRole("button", { name: "Tìm" }).click();
      await form
        .getByRole("list", { name: "Kết quả tìm" })
        .getByRole("listitem")
        .filter({ hasText: NAME })
        .getByRole("button", { name: /^Thêm/ })
        .click();
      await expect(form.locator(".coll-items").getByRole("listitem").filter({ hasText: NAME })).toBeVisible();
      await form.getByRole("button", { name: "Lưu bộ sưu tập" }).click();
      const saved = page.getByRole("form", { name: new RegExp(`Đặc sản Tây Bắc ${tag}`) });
      await expect(saved).toBeVisible();

      await page.goto("/");
      await expect(page.getByRole("heading", { name: `Đặc sản Tây Bắc ${tag}` })).toBeVisible();

      await page.goto("/quan-tri/bo-suu-tap");
      page.once("dialog", (dialog) => dialog.accept());
      await page
        .getByRole("form", { name: new RegExp(`Đặc sản Tây Bắc ${tag}`) })
        .getByRole("button", { name: "Xoá bộ sưu tập" })
        .click();
      await expect(page.getByRole("form", { name: new RegExp(`Đặc sản Tây Bắc ${tag}`) })).toHaveCount(0);
    });
  });

  test.describe(() => {
    test.use({ ...PHONE, storageState: SELLER_STATE });

    test("the seller sees the rejection and its reason", async ({ page }) => {
      await page.goto("/ban-hang");
      const card = page.getByTestId("seller-product").filter({ hasText: REJECTED });
      await expect(card).toContainText("Bị từ chối");
      await expect(card).toContainText(REASON);
      await card.click();
      await expect(page).toHaveURL(new RegExp(`/ban-hang/san-pham/${rejectedId}$`));
      await expect(page.getByTestId("status-reason")).toContainText(REASON);
      await expect(page.getByRole("heading", { name: "Gửi duyệt" })).toBeVisible();
    });
  });
});

test.describe("a seller invites a second seller, who accepts on their phone", () => {
  // A number no demo account uses, new each run.
  const INVITED = `0976${String(Date.now()).slice(-6)}`;

  test.describe(() => {
    test.use({ ...PHONE, storageState: SELLER_STATE });

    test("the seller sends an invitation and sees it pending", async ({ page }) => {
      await page.goto("/ban-hang#nguoi-ban");
      await page.getByLabel("Mời người bán bằng số điện thoại").fill(INVITED);
      await page.getByRole("button", { name: "Gửi lời mời" }).click();
      await expect(page.getByText(/Đã mời .* Họ thành người bán khi chấp nhận lời mời\./)).toBeVisible();
      await expect(page.getByTestId("invitations")).toContainText("chờ trả lời");
      // Invited is not enrolled: the sellers' list has not grown.
      await expect(page.getByTestId("members")).not.toContainText(INVITED.slice(-3));
      await screenshotAs(page, "phone-seller-invite");
    });
  });

  test.describe(() => {
    test.use(PHONE);

    test("the invited person signs in, sees the invitation and accepts it", async ({ page }) => {
      await page.goto("/ban-hang");
      await signIn(page, INVITED);
      await expect(page).toHaveURL(/\/ban-hang$/);
      const invitation = page.getByTestId("my-invitations");
      await expect(invitation).toContainText(`${SELLER.producer} mời bạn cùng bán hàng trên Chợ OCOP.`);
      await screenshotAs(page, "phone-invitation");
      await invitation.getByRole("button", { name: "Chấp nhận" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(SELLER.producer);
      await expect(page.getByTestId("members")).toContainText("bạn");
    });
  });
});
