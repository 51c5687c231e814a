import { expect } from "@playwright/test";
import { type PDFDocument as Doc, PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { screenshot, test, vnDate } from "./helpers";
import { SMALL_PHONE } from "./viewports";

/** The demo's imported Sơn La list (packages/functions/src/local/demo/registry.ts). */
const VALID = "GCN-14-2025-015";
const EXPIRING = "GCN-14-2023-042";
const REVOKED = "GCN-14-2024-031";

/** The URIs of the link annotations on a PDF's pages, as a PDF reader would open them. */
function linkUris(doc: Doc): string[] {
  return doc.getPages().flatMap((p) => {
    const annots = p.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    return (annots?.asArray() ?? []).flatMap((ref) => {
      const action = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of("A"), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString);
      return uri ? [uri.decodeText()] : [];
    });
  });
}

test("a shopper checks a certificate by the number on the label and sees its status, stars, decision and issuer", async ({
  page,
  request,
}, info) => {
  const cert = await (await request.get(`/api/certificates/${VALID}`)).json();
  await page.goto("/tra-cuu-ocop");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tra cứu sản phẩm OCOP");
  await page.getByRole("textbox", { name: "Số giấy chứng nhận" }).fill(VALID.toLowerCase());
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await expect(page).toHaveURL(new RegExp(`/chung-nhan/${VALID}$`));
  await expect(page.getByTestId("certificate-product")).toHaveText("Chè Shan tuyết cổ thụ Tà Xùa");
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực");
  await expect(page.getByRole("img", { name: "OCOP 4 sao" })).toBeVisible();
  await expect(page.getByTestId("certificate-issuer")).toHaveText("UBND tỉnh Sơn La");
  await expect(page.getByTestId("certificate-valid-until")).toHaveText(vnDate(cert.validUntil));
  await expect(page.getByRole("img", { name: `Mã QR mở trang giấy chứng nhận ${VALID}` })).toBeVisible();
  await screenshot(page, info, "registry-valid");

  // The printable certificate: the link over its QR opens this very page.
  const pdfLink = page.getByRole("link", { name: "Tải giấy chứng nhận (PDF)" });
  await expect(pdfLink).toBeVisible();
  const pdf = await request.get((await pdfLink.getAttribute("href")) ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const doc = await PDFDocument.load(await pdf.body());
  expect(doc.getTitle()).toBe(`Giấy chứng nhận sản phẩm OCOP ${VALID}`);
  const [uri, ...more] = linkUris(doc);
  expect(more).toEqual([]);
  expect(new URL(uri ?? "").pathname).toBe(`/chung-nhan/${VALID}`);
  await page.goto(uri ?? "");
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực");

  await page.goto(`/chung-nhan/${EXPIRING}`);
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực, sắp hết hạn");

  await page.goto(`/chung-nhan/${REVOKED}`);
  await expect(page.getByTestId("certificate-status")).toHaveText("Đã bị thu hồi");
  await expect(page.getByText("Lý do thu hồi")).toBeVisible();
  await screenshot(page, info, "registry-revoked");

  await page.goto("/chung-nhan/GCN-99-1999-000");
  await expect(page.getByRole("heading", { name: "Không có giấy chứng nhận này" })).toBeVisible();
});

test("a shopper finds certificates by product name and province, accents optional", async ({ page }, info) => {
  await page.goto("/tra-cuu-ocop");
  await page.getByRole("textbox", { name: "Tên sản phẩm hoặc chủ thể" }).fill("man hau moc chau");
  await page.getByRole("combobox", { name: "Tỉnh, thành phố" }).selectOption({ label: "Sơn La" });
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  const results = page.getByTestId("registry-results");
  await expect(results).toContainText("Mận hậu sấy dẻo Mộc Châu");
  await expect(results).toContainText(EXPIRING);
  await screenshot(page, info, "registry-search");
  await results.getByRole("link", { name: /Mận hậu sấy dẻo Mộc Châu/ }).click();
  await expect(page).toHaveURL(new RegExp(`/chung-nhan/${EXPIRING}$`));
});

test.describe("on the narrowest phone", () => {
  test.use(SMALL_PHONE);
  test("the certificate page fits 360 px without sideways scrolling", async ({ page }, info) => {
    await page.goto(`/chung-nhan/${VALID}`);
    await expect(page.getByTestId("certificate-status")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, info, "registry-360");
  });
});
