import { expect, type Page } from "@playwright/test";
import { inAwsMode, smsFromFakeSns } from "./aws-mode";

/** "0975 000 105" → "+84975000105": how the outbox writes the number a code went to. */
export const e164 = (phone: string) => `+84${phone.replace(/\D/g, "").slice(1)}`;

/**
 * Reads the newest sign-in code sent to a number, the way a person would locally: open the outbox page
 * (/dev/outbox, where the local server "sends" SMS) in another tab and read the message; in the AWS-shaped mode, the
 * SMS as SNS delivered it (there is no outbox on AWS).
 */
export async function codeFromOutbox(page: Page, phone: string): Promise<string> {
  if (inAwsMode()) {
    const text = (await smsFromFakeSns()).find((m) => m.to === e164(phone))?.text ?? "";
    const code = text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no sign-in code for ${phone} in the SMS SNS delivered`);
    return code;
  }
  const outbox = await page.context().newPage();
  try {
    await outbox.goto("/dev/outbox");
    await expect(outbox.getByRole("heading", { name: "Hộp thư đi" })).toBeVisible();
    const message = outbox
      .getByRole("listitem")
      .filter({ hasText: e164(phone) })
      .first();
    const text = (await message.locator(".text").textContent()) ?? "";
    const code = text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no sign-in code for ${phone} in the outbox`);
    return code;
  } finally {
    await outbox.close();
  }
}

/**
 * Signs in on the sign-in page the browser is on: asks for a code (once: a number may ask once per 30 s),
 * reads it from the outbox and types it. With `wrongFirst`, a wrong code is tried first and its message checked.
 */
export async function signIn(page: Page, phone: string, options: { wrongFirst?: boolean } = {}) {
  await expect(page).toHaveURL(/\/dang-nhap/);
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();
  await page.getByLabel("Số điện thoại di động").fill(phone);
  await page.getByRole("button", { name: "Nhận mã đăng nhập" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Đã gửi mã 6 số đến \d{4}\*\*\*\d{3}/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Gửi lại mã sau \d+ giây/ })).toBeDisabled();
  const code = await codeFromOutbox(page, phone);
  const input = page.getByLabel("Mã đăng nhập (6 số)");
  await expect(input).toHaveAttribute("inputmode", "numeric");
  await expect(input).toHaveAttribute("autocomplete", "one-time-code");
  if (options.wrongFirst) {
    await input.fill(code === "000000" ? "111111" : "000000");
    await expect(page.getByText("Mã không đúng. Bạn còn 4 lần thử.")).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");
  }
  await input.fill(code);
  await expect(page).not.toHaveURL(/\/dang-nhap/);
}

/**
 * A number may ask for a sign-in code once per 30 s. Another story of the run may have signed in with the same
 * number a moment ago (central staff do in two of them): wait out what is left of the 30 s, if anything.
 */
export async function waitForCodeSlot(page: Page, phone: string) {
  const messages = inAwsMode()
    ? await smsFromFakeSns()
    : ((await (await page.request.get("/api/dev/outbox")).json()) as Array<{
        to: string;
        sentAt: string;
        text: string;
      }>);
  const last = messages.find((m) => m.to === e164(phone) && /\b\d{6}\b/.test(m.text));
  if (!last) return;
  const wait = Date.parse(last.sentAt) + 31_000 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
}
