import { expect } from "@playwright/test";
import { cards, screenshot, test, vnDate } from "./helpers";

test("a product page shows its certificate: stars, decision, issuer, valid-until and days left", async ({
  page,
  request,
}, info) => {
  await page.goto("/san-pham?q=nuoc+mam");
  const first = cards(page).first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/san-pham\/[0-9a-z]{26}$/);
  const id = page.url().split("/").pop() ?? "";
  const product = await (await request.get(`/api/products/${id}`)).json();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.name);
  const cert = page.getByTestId("certificate");
  await expect(cert.getByRole("heading", { name: "Giấy chứng nhận OCOP" })).toBeVisible();
  await expect(cert.getByTestId("decision-number")).toHaveText(product.certificate.decisionNumber);
  await expect(cert.getByTestId("valid-until")).toHaveText(vnDate(product.certificate.validUntil));
  await expect(cert).toContainText(vnDate(product.certificate.decisionDate));
  await expect(cert).toContainText(product.certificate.issuer);
  await expect(cert.getByRole("img", { name: `OCOP ${product.certificate.stars} sao` })).toBeVisible();
  await expect(cert.getByTestId("validity")).toContainText(/Còn hiệu lực|Sắp hết hạn/);
  await expect(cert.getByTestId("validity")).toContainText(/còn \d+ ngày/);
  if (product.certificate.score) await expect(cert).toContainText("Tổng điểm");

  await expect(page.getByText(/\d{1,3}(\.\d{3})*\s₫/).first()).toBeVisible();
  await expect(page.getByTestId("origin")).toContainText(product.producer.wardName);
  if (product.formerProvince)
    await expect(page.getByTestId("origin")).toContainText(`trước đây: ${product.formerProvince}`);

  // The first photo is the page's main image: not lazy, fetched first.
  const main = page.locator(".gallery__main img");
  await expect(main).toHaveAttribute("fetchpriority", "high");
  await expect(main).toHaveAttribute("loading", "eager");
  await screenshot(page, info, "product");

  await page.getByRole("link", { name: new RegExp(product.producer.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/chu-the/${product.producer.producerId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.producer.name);
  await expect(page.getByRole("link", { name: new RegExp(product.name) })).toBeVisible();
  await screenshot(page, info, "producer");
});

test("a food product's page shows what its label says, in the law's order, also on a 360 px phone", async ({
  page,
  request,
}, info) => {
  await page.goto("/san-pham?q=nuoc+mam");
  await cards(page).first().click();
  await expect(page).toHaveURL(/\/san-pham\/[0-9a-z]{26}$/);
  const id = page.url().split("/").pop() ?? "";
  const product = (await (await request.get(`/api/products/${id}`)).json()) as {
    label: { field: string; text: string }[];
  };
  const label = page.getByTestId("product-label");
  await expect(label.getByRole("heading", { name: "Thông tin trên nhãn" })).toBeVisible();
  await expect(label.locator("dt")).toHaveText([
    "Thành phần",
    "Định lượng",
    "Ngày sản xuất",
    "Hạn sử dụng",
    "Bảo quản",
    "Giấy chứng nhận ATTP",
  ]);
  await expect(label.locator("dd")).toHaveText(product.label.map((l) => l.text));
  await expect(label.locator("dd").nth(1)).toHaveText(/^(\d+ × )?\d+ (ml|g|kg|lít)$/);
  await label.scrollIntoViewIfNeeded();
  await screenshot(page, info, "product-label");
  if (info.project.name === "phone") {
    await page.setViewportSize({ width: 360, height: 740 });
    const box = await label.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(360);
    await label.scrollIntoViewIfNeeded();
    await screenshot(page, info, "product-label-360");
  }
});

test("a product that is not on sale shows a not-found state", async ({ page }) => {
  await page.goto("/san-pham/00000000000000000000000000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy sản phẩm");
  await expect(page.getByRole("link", { name: "Xem tất cả sản phẩm" })).toBeVisible();
});

test("an API failure shows an error with a retry that recovers", async ({ page }) => {
  let fail = true;
  await page.route("**/api/home", (route) =>
    fail
      ? route.fulfill({
          status: 500,
          contentType: "application/json",
          body: '{"error":{"code":"internal","message":"Đã có lỗi phía máy chủ."}}',
        })
      : route.continue(),
  );
  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Đã có lỗi phía máy chủ.");
  fail = false;
  await alert.getByRole("button", { name: "Thử lại" }).click();
  await expect(cards(page).first()).toBeVisible();
});
