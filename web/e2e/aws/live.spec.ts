import { expect } from "@playwright/test";
import { test } from "../helpers";
import { closeOpenLives, phonePage, signInOnLives } from "../live-helpers";

/**
 * The live story on the production path (`pnpm start --aws-local`): the API runs through its Lambda handler, the
 * live is an IVS channel and an IVS Chat room on the testkit's servers. A seller of Kẹo Dừa Thanh Phong schedules a
 * live from a phone; the broadcast desk shows the OBS/Larix server and key IVS gave (the web broadcast SDK needs
 * IVS's WebRTC ingest, which no local server offers).
 */
test.describe.configure({ mode: "serial" });

const SELLER = { phone: "0903 000 132", producer: "Công ty TNHH Kẹo Dừa Thanh Phong" };
const PRODUCT = "Kẹo dừa sầu riêng";
const TITLE = "Kẹo dừa Bến Tre trên IVS — giá riêng buổi live";
const shots = (name: string) => `test-results/screenshots/live-aws-${name}.png`;
const session = { id: "" };

test("on IVS: a seller schedules a live and the desk gives the OBS/Larix server and key", async ({ browser }) => {
  test.setTimeout(240_000);
  const seller = await phonePage(browser);
  seller.on("dialog", (d) => void d.accept());

  await test.step("the seller schedules a live with a featured product", async () => {
    await signInOnLives(seller, SELLER.phone);
    await expect(seller.getByRole("heading", { level: 1, name: "Buổi live của bạn" })).toBeVisible();
    await closeOpenLives(seller, { check: (reply) => expect(reply.status()).toBe(200) });
    await seller.getByRole("link", { name: "Lên lịch buổi live" }).click();
    await seller.getByLabel("Tên buổi live").fill(TITLE);
    await seller.getByRole("checkbox", { name: new RegExp(PRODUCT) }).check();
    await seller.getByRole("button", { name: "Lên lịch", exact: true }).click();
    await expect(seller).toHaveURL(/\/ban-hang\/live\/[0-9a-z]{26}\/phat$/);
    session.id = seller.url().split("/").at(-2) ?? "";
  });

  await test.step("the desk shows the IVS channel's ingest server and its key, hidden until asked", async () => {
    await expect(seller.getByRole("heading", { level: 1 })).toHaveText(`Phát live · ${TITLE}`);
    const controls = seller.getByRole("navigation", { name: "Điều khiển buổi live" });
    await controls.getByRole("button", { name: "Thêm" }).click();
    await seller.getByTestId("cast-sheet").getByText("Phát bằng OBS hoặc Larix").click();
    await expect(seller.getByTestId("ingest-url")).toHaveText(/^rtmps?:\/\/.+\/app\/?$/);
    await expect(seller.getByTestId("stream-key")).toHaveText(/^•+.{4}$/);
    await seller.getByRole("button", { name: "Hiện khoá" }).click();
    // An IVS stream key, as CreateChannel gave it.
    await expect(seller.getByTestId("stream-key")).toHaveText(/^sk_[a-z0-9-]+_[A-Za-z0-9]+$/);
    await seller.screenshot({ path: shots("1-desk"), fullPage: true });
    await seller.getByRole("button", { name: "Ẩn khoá" }).click();
    await seller.getByRole("button", { name: "Đóng" }).click();
  });
  await seller.context().close();
});
