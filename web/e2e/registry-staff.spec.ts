import { expect } from "@playwright/test";
import { signIn, waitForCodeSlot } from "./accounts";
import { screenshot, test } from "./helpers";
import { DESKTOP } from "./viewports";

/** Sơn La's OCOP officer (demo), who imports the province's own 3★/4★. */
const STAFF = "0900000014";

test.use(DESKTOP);

test("Sơn La's officer previews a province list, sees the bad rows named, then imports a clean one into the lookup", async ({
  page,
}, info) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const header = "Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Số giấy chứng nhận,Ngày cấp,Ngày hết hạn";
  const rows = [
    `Miến dong Sơn La,HTX Miến Dong,Sơn La,3,E2E-${stamp}-1,01/04/2025,01/04/2028`,
    `Thịt trâu gác bếp,HTX Tây Bắc,Sơn La,4 sao,E2E-${stamp}-2,10/05/2025,10/05/2028`,
  ];
  const file = (lines: string[]) => ({
    name: "ocop-son-la.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${[header, ...lines].join("\r\n")}\r\n`, "utf8"),
  });

  await page.goto("/quan-tri/nhap-ocop");
  await waitForCodeSlot(page, STAFF);
  await signIn(page, STAFF);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập danh sách sản phẩm OCOP của tỉnh");

  // A list with a 6-star row and a Hà Nội row: named by line, nothing to import.
  const input = page.getByLabel("Tệp CSV");
  await input.setInputFiles(
    file([
      ...rows,
      `Sai sao,HTX Sai,Sơn La,6,E2E-${stamp}-3,01/01/2025,01/01/2028`,
      `Ngoài tỉnh,HTX HN,Hà Nội,4,E2E-${stamp}-4,01/01/2025,01/01/2028`,
    ]),
  );
  await page.getByRole("button", { name: "Xem trước", exact: true }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("4 dòng: 2 mới, 0 đã có, 2 lỗi");
  await expect(page.getByTestId("import-failed")).toContainText("Dòng 4");
  await expect(page.getByTestId("import-failed")).toContainText("Dòng 5");
  await expect(page.getByRole("button", { name: /Nhập 2 giấy chứng nhận/ })).toBeDisabled();
  await screenshot(page, info, "registry-import-failed");

  // Not UTF-8 (Windows-1258 bytes): refused before anything is sent.
  await input.setInputFiles({ name: "cu.csv", mimeType: "text/csv", buffer: Buffer.from([0x54, 0xea, 0x6e, 0x0a]) });
  await expect(page.getByTestId("import-error")).toContainText("không phải UTF-8");

  // The clean list: a preview of the rows, then the import.
  await input.setInputFiles(file(rows));
  await page.getByRole("button", { name: "Xem trước", exact: true }).click();
  await expect(report).toContainText("2 dòng: 2 mới, 0 đã có, 0 lỗi");
  await expect(page.getByTestId("import-added")).toContainText(`E2E-${stamp}-1`);
  await expect(page.getByTestId("import-added")).toContainText("Thịt trâu gác bếp");
  await screenshot(page, info, "registry-import-preview");
  await page.getByRole("button", { name: "Nhập 2 giấy chứng nhận" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã nhập 2 giấy chứng nhận." })).toBeVisible();

  // Another layout, as a district's own spreadsheet has it: the officer matches the columns, then imports.
  const other = "Tên SP,Cơ sở,Tỉnh/TP,Sao,Số GCN,Ngày cấp GCN,Hiệu lực đến";
  await input.setInputFiles({
    name: "danh-sach-huyen.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${other}\r\nMận hậu Mộc Châu,HTX Mận Hậu,Sơn La,3,E2E-${stamp}-5,02/06/2025,02/06/2028\r\n`),
  });
  await page.getByRole("button", { name: "Xem trước", exact: true }).click();
  const mapping = page.getByTestId("import-mapping");
  await expect(mapping).toContainText("Ghép cột");
  await expect(mapping.getByText("(chưa có cột)").first()).toBeVisible();
  const pairs: [string, string][] = [
    ["Tên sản phẩm", "Tên SP"],
    ["Chủ thể", "Cơ sở"],
    ["Tỉnh, thành phố", "Tỉnh/TP"],
    ["Hạng sao", "Sao"],
    ["Số giấy chứng nhận", "Số GCN"],
    ["Ngày cấp", "Ngày cấp GCN"],
    ["Ngày hết hạn", "Hiệu lực đến"],
  ];
  for (const [field, column] of pairs) await mapping.getByLabel(field).selectOption(column);
  await screenshot(page, info, "registry-import-mapping");
  await page.getByRole("button", { name: "Xem trước với các cột đã chọn" }).click();
  await expect(report).toContainText("1 dòng: 1 mới, 0 đã có, 0 lỗi");
  await expect(page.getByTestId("import-added")).toContainText("Mận hậu Mộc Châu");
  await page.getByRole("button", { name: "Nhập 1 giấy chứng nhận" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã nhập 1 giấy chứng nhận." })).toBeVisible();
  await page.goto(`/chung-nhan/E2E-${stamp}-5`);
  await expect(page.getByTestId("certificate-product")).toHaveText("Mận hậu Mộc Châu");

  await page.goto(`/chung-nhan/E2E-${stamp}-2`);
  await expect(page.getByTestId("certificate-product")).toHaveText("Thịt trâu gác bếp");
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực");
});
