import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { signIn, waitForCodeSlot } from "./accounts";
import { screenshotAs, test } from "./helpers";
import { SMALL_PHONE } from "./viewports";

/** The central OCOP office's statistics officer (demo): sees every province and sets any province's target. */
const STAFF = "0900000165";
const SHARE = String.raw`\d+(,\d)?%`;

async function noHorizontalOverflow(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(width);
}

/** Clicks an export link and returns the file's lines (without the BOM that lets Excel read the accents). */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const path = await file.path();
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  return { name: file.suggestedFilename(), lines: text.split("\r\n").filter(Boolean) };
}

test("central staff read the programme's figures, download them and set a province's target", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await page.goto("/quan-tri/so-lieu");
  await waitForCodeSlot(page, STAFF);
  await signIn(page, STAFF);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Số liệu chương trình");

  // The star distribution as the programme reports it, and its chart stating the same figures.
  await expect(page.getByTestId("star-distribution")).toHaveText(
    new RegExp(`^${SHARE} 3★ · ${SHARE} 4★ · ${SHARE} 5★ · ${SHARE} 5★ tiềm năng$`),
  );
  const summary = (await page.getByTestId("star-distribution").textContent()) ?? "";
  expect(summary).not.toBe("");
  await expect(page.getByRole("img", { name: /^Phân hạng [\d.]+ sản phẩm OCOP: / })).toHaveAccessibleName(
    new RegExp(`^Phân hạng [\\d.]+ sản phẩm OCOP: ${summary}$`),
  );

  // The pipeline: a chart of the dossiers at each stage, pass rates, and the table by province.
  await expect(page.getByTestId("pipeline-chart")).toHaveAccessibleName(
    /^Hồ sơ theo giai đoạn: Đang soạn \d+, Xã kiểm tra \d+, Hội đồng tỉnh \d+, Hội đồng trung ương \d+, Có quyết định \d+, Trả lại bổ sung \d+$/,
  );
  await expect(page.getByText("Xã chuyển lên tỉnh")).toBeVisible();
  const pipeline = page.getByTestId("pipeline-table");
  await expect(pipeline.getByRole("columnheader", { name: "Xã kiểm tra" })).toBeVisible();
  expect(await pipeline.locator("tbody tr").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("time-in-stage").getByRole("row", { name: /Hội đồng tỉnh/ })).toBeVisible();

  // Nationally: toward 10.000 products of 3★ or more and 400–500 at 5★.
  await expect(page.getByTestId("national-progress").getByRole("img").first()).toHaveAccessibleName(
    new RegExp(`^Cả nước: [\\d.]+ / 10\\.000 sản phẩm 3★ trở lên \\(${SHARE}\\)$`),
  );
  await expect(page.getByTestId("national-progress").getByRole("img").nth(1)).toHaveAccessibleName(
    new RegExp(`^Cả nước: [\\d.]+ / 400–500 sản phẩm 5★ \\(${SHARE}\\)$`),
  );
  await screenshotAs(page, `${info.project.name}-dashboard`);

  // The three exports, as a spreadsheet opens them.
  const pipelineCsv = await download(page, "Hồ sơ theo tỉnh và giai đoạn");
  expect(pipelineCsv.name).toBe("ocop-pipeline.csv");
  expect(pipelineCsv.lines[0]).toMatch(/^Mã tỉnh,"Tỉnh, thành phố",Đang soạn,Xã kiểm tra,/);
  expect(pipelineCsv.lines.length).toBeGreaterThan(30);
  const stars = await download(page, "Phân hạng sao");
  expect(stars.lines[0]).toBe("Hạng,Số lượng,Tỷ lệ (%)");
  expect(stars.lines.slice(1, 5).map((l) => l.split(",")[0])).toEqual(["3★", "4★", "5★", "5★ tiềm năng"]);
  const targets = await download(page, "Mục tiêu và tiến độ");
  expect(targets.lines[0]).toMatch(/^Phạm vi,Tên,Sản phẩm 3★ trở lên,Mục tiêu,/);
  expect(targets.lines[1]).toMatch(/^VN,Cả nước,\d+,10000,/);

  // A province's target: a 5★ target above the whole is refused with the API's message and changes nothing.
  const form = page.getByRole("form", { name: "Đặt mục tiêu của tỉnh" });
  await form.getByLabel("Tỉnh, thành phố").selectOption({ label: "Lạng Sơn" });
  await form.getByLabel("Số sản phẩm 3★ trở lên").fill("5");
  await form.getByLabel("Trong đó 5★").fill("10");
  await form.getByRole("button", { name: "Lưu mục tiêu" }).click();
  await expect(form.getByRole("alert")).toContainText('Dữ liệu không hợp lệ ở trường "fiveStars"');

  // A target it can meet: the progress toward it shows at once, and again when it changes.
  const target = 100 + (Date.now() % 800);
  await form.getByLabel("Số sản phẩm 3★ trở lên").fill(String(target));
  await form.getByLabel("Trong đó 5★").fill("4");
  await form.getByRole("button", { name: "Lưu mục tiêu" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã lưu mục tiêu của Lạng Sơn.");
  await expect(form.getByRole("alert")).toHaveCount(0);
  const progress = form.getByTestId("province-progress").getByRole("img").first();
  await expect(progress).toHaveAccessibleName(
    new RegExp(`^Lạng Sơn: \\d+ / ${target} sản phẩm 3★ trở lên \\(${SHARE}\\)$`),
  );
  await expect(page.getByTestId("province-targets").getByRole("row", { name: /Lạng Sơn/ })).toContainText(
    `/ ${target} (`,
  );
  const actual = Number((await progress.getAttribute("aria-label"))?.match(/: (\d+) \//)?.[1]);
  await form.getByLabel("Số sản phẩm 3★ trở lên").fill(String(target * 2));
  await form.getByRole("button", { name: "Lưu mục tiêu" }).click();
  const percent = `${(Math.round((actual / (target * 2)) * 1000) / 10).toString().replace(".", ",")}%`;
  await expect(progress).toHaveAccessibleName(
    `Lạng Sơn: ${actual} / ${(target * 2).toLocaleString("vi-VN")} sản phẩm 3★ trở lên (${percent})`,
  );
  await screenshotAs(page, `${info.project.name}-dashboard-target`);

  // On the narrowest phone nothing scrolls sideways: wide tables scroll inside their own box.
  await page.setViewportSize(SMALL_PHONE.viewport);
  await noHorizontalOverflow(page);
  await screenshotAs(page, `${info.project.name}-dashboard-360`);
  await page.setViewportSize({ width: 412, height: 915 });
  await noHorizontalOverflow(page);
});
