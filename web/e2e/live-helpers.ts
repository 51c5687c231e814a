import type { Browser, Locator, Page } from "@playwright/test";
import { signIn, waitForCodeSlot } from "./accounts";
import { fromTheSite } from "./helpers";
import { PHONE } from "./viewports";

/** A page in a new phone context, in Vietnamese and Vietnam's time (optionally signed in from a saved state). */
export async function phonePage(browser: Browser, viewport: typeof PHONE = PHONE, storageState?: string) {
  const context = await browser.newContext({
    ...viewport,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    ...(storageState ? { storageState } : {}),
  });
  return context.newPage();
}

export type Box = { x: number; y: number; width: number; height: number };

/** Where a locator is on screen; it must be there. */
export async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} is not on screen`);
  return b;
}

/** The seller signs in on their lives page (`/ban-hang/live`). */
export async function signInOnLives(seller: Page, phone: string) {
  await waitForCodeSlot(seller, phone);
  await seller.goto("/ban-hang/live");
  await signIn(seller, phone);
}

/**
 * A server reused from an earlier run may hold the seller's sessions still open: the one on air and the coming ones
 * are ended (or, with `cancel`, a coming one cancelled), each reply given to `check`; then, since a channel whose live
 * was just ended refuses streams for 30 s, it waits when one was on air (or, with `waitAfterAny`, when there was any).
 */
export async function closeOpenLives(
  seller: Page,
  options: {
    cancel?: boolean;
    waitAfterAny?: boolean;
    check?: (reply: { ok(): boolean; status(): number }) => void;
  } = {},
) {
  const open = (await (await seller.request.get("/api/seller/live")).json()) as Array<{
    sessionId: string;
    status: string;
  }>;
  for (const s of open.filter((s) => s.status === "live" || s.status === "scheduled")) {
    const close = options.cancel && s.status === "scheduled" ? "cancel" : "end";
    const reply = await seller.request.post(`/api/live/${s.sessionId}/${close}`, { headers: fromTheSite() });
    options.check?.(reply);
  }
  if (options.waitAfterAny ? open.length > 0 : open.some((s) => s.status === "live"))
    await seller.waitForTimeout(31_000);
}
