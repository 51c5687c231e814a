import { sameSecret } from "@cho-ocop/core/account/secret";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { LocalStorage, localReadSignature } from "@cho-ocop/core/storage/index";
import { useTicket } from "@cho-ocop/core/upload/ticket";
import { isLoopback } from "@cho-ocop/core/util/loopback";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { html } from "hono/html";
import { tooLarge } from "../api/body-limit";
import { errorJson, notFoundRoute } from "../api/error";

/** What a multipart form adds around its file: the boundaries, the part's headers and its file name. */
export const MULTIPART_ALLOWANCE = 16 * 1024;

type Ticket = Extract<ReturnType<typeof LocalStorage.checkTicket>, { ok: true }>;

/** The TCP peer of the request, as @hono/node-server gives it; never a header, which anyone can set. */
function peerAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "";
}

/** Decodes a path, or undefined for a malformed escape (`%E0%A4%A`), which names no file. */
export function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * What only the local server has: the upload endpoint that stands in for S3's presigned POST, signed reads of
 * private files, and the outbox page where sign-in codes sent "by SMS or e-mail" can be read (only from this machine).
 */
export function devRoutes(storage: LocalStorage) {
  const dev = new Hono<{ Variables: { ticket: Ticket } }>();
  const refused = (c: Context, vi: string, en: string) => errorJson(c, 403, "upload_refused", { vi, en });

  // The ticket is checked, and used up, before a byte of the body is read; the body may then be as large as the
  // ticket allows, and no larger.
  dev.post(
    "/local-upload",
    async (c, next) => {
      const ticket = LocalStorage.checkTicket(c.req.query());
      if (!ticket.ok) {
        return refused(c, "Phiếu tải lên không hợp lệ hoặc đã hết hạn.", `Upload refused: ${ticket.reason}.`);
      }
      const limit = ticket.maxBytes + MULTIPART_ALLOWANCE;
      if (Number(c.req.header("content-length") ?? 0) > limit) return tooLarge(c, limit);
      if (!(await useTicket(ticket.ticket, ticket.expires))) {
        return refused(c, "Phiếu tải lên này đã được dùng.", "This upload ticket has already been used.");
      }
      c.set("ticket", ticket);
      return bodyLimit({ maxSize: limit, onError: (c) => tooLarge(c, limit) })(c, next);
    },
    async (c) => {
      const ticket = c.var.ticket;
      const form = await c.req.parseBody().catch(() => undefined);
      const file = form?.file;
      if (!(file instanceof File)) {
        return errorJson(c, 400, "bad_request", {
          vi: "Cần một biểu mẫu multipart có tệp (file).",
          en: "Expected a multipart form with a file.",
        });
      }
      if (file.size < 1 || file.size > ticket.maxBytes) return tooLarge(c, ticket.maxBytes);
      if (file.type && file.type !== ticket.contentType) {
        return refused(c, "Loại tệp không khớp với phiếu tải lên.", "The file's type does not match the upload.");
      }
      await storage.put(ticket.key, new Uint8Array(await file.arrayBuffer()), ticket.contentType);
      return c.body(null, 204);
    },
  );

  dev.get("/local-files/*", async (c) => {
    const key = decodePath(c.req.path.slice("/local-files/".length)) ?? "";
    const expires = Number(c.req.query("expires"));
    const signature = c.req.query("signature") ?? "";
    if (!sameSecret(signature, localReadSignature(key, expires)) || expires * 1000 < Date.now()) {
      return errorJson(c, 403, "access_denied", {
        vi: "Đường dẫn đã hết hạn hoặc không hợp lệ.",
        en: "The link has expired or is invalid.",
      });
    }
    const body = await storage.read(key);
    if (!body) return errorJson(c, 404, "not_found", { vi: "Không tìm thấy tệp.", en: "File not found." });
    const type = key.endsWith(".pdf")
      ? "application/pdf"
      : key.endsWith(".png")
        ? "image/png"
        : key.endsWith(".webp")
          ? "image/webp"
          : "image/jpeg";
    return c.body(new Uint8Array(body), 200, { "content-type": type, "cache-control": "private, no-store" });
  });

  // Sign-in codes: only for whoever sits at this machine, even when the server listens on the network.
  dev.use("/api/dev/outbox", async (c, next) => (isLoopback(peerAddress(c)) ? next() : notFoundRoute(c)));
  dev.use("/dev/outbox", async (c, next) => (isLoopback(peerAddress(c)) ? next() : notFoundRoute(c)));

  // The latest 50, or with ?to=<number or address> the latest 50 of one recipient's (say, a reminder from hours ago).
  const messagesFor = async (to: string | undefined) =>
    to ? (await OutboxMessenger.recent(2000)).filter((m) => m.to === to).slice(0, 50) : OutboxMessenger.recent();
  dev.get("/api/dev/outbox", async (c) => c.json(await messagesFor(c.req.query("to"))));

  dev.get("/dev/outbox", async (c) => {
    const messages = await messagesFor(c.req.query("to"));
    return c.html(html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hộp thư đi (chỉ chạy trên máy) — Chợ OCOP</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;color:#1d2a1f}
li{border-bottom:1px solid #d7dfd5;padding:.5rem 0;list-style:none}ul{padding:0}small{color:#55624f}</style></head>
<body><h1>Hộp thư đi</h1>
<p>Tin nhắn SMS và e-mail mà máy chủ cục bộ “gửi” (không có gì rời khỏi máy). Trên AWS, tin được gửi qua SNS và SES.</p>
<ul>${messages.map(
      (m) =>
        html`<li><small>${m.sentAt} · ${m.channel.toUpperCase()} · ${m.to}</small><br><strong>${m.subject}</strong><br><span class="text">${m.text}</span></li>`,
    )}</ul>
${messages.length === 0 ? html`<p>Chưa có tin nào.</p>` : ""}
</body></html>`);
  });
  return dev;
}
