import { sameSecret } from "@cho-ocop/core/account/secret";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { LocalStorage, localReadSignature } from "@cho-ocop/core/storage/index";
import { Hono } from "hono";
import { html } from "hono/html";

/**
 * What only the local server has: the upload endpoint that stands in for S3's presigned POST, signed reads of
 * private files, and the outbox page where sign-in codes sent "by SMS or e-mail" can be read.
 */
export function devRoutes(storage: LocalStorage) {
  const dev = new Hono();

  dev.post("/local-upload", async (c) => {
    const form = await c.req.parseBody().catch(() => undefined);
    if (!form) return c.json({ error: { code: "bad_request", message: "expected a multipart form" } }, 400);
    const fields = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >;
    const ticket = LocalStorage.checkTicket(fields);
    if (!ticket.ok)
      return c.json({ error: { code: "access_denied", message: `upload refused: ${ticket.reason}` } }, 403);
    const file = form.file;
    if (!(file instanceof File)) return c.json({ error: { code: "bad_request", message: "missing file" } }, 400);
    if (file.size < 1 || file.size > ticket.maxBytes) {
      return c.json({ error: { code: "entity_too_large", message: "the file is larger than the upload allows" } }, 413);
    }
    if (file.type && file.type !== ticket.contentType) {
      return c.json({ error: { code: "access_denied", message: "content type does not match the upload" } }, 403);
    }
    await storage.put(ticket.key, new Uint8Array(await file.arrayBuffer()), ticket.contentType);
    return c.body(null, 204);
  });

  dev.get("/local-files/*", async (c) => {
    const key = decodeURIComponent(c.req.path.slice("/local-files/".length));
    const expires = Number(c.req.query("expires"));
    const signature = c.req.query("signature") ?? "";
    if (!sameSecret(signature, localReadSignature(key, expires)) || expires * 1000 < Date.now()) {
      return c.json({ error: { code: "access_denied", message: "link expired or invalid" } }, 403);
    }
    const body = await storage.read(key);
    if (!body) return c.json({ error: { code: "not_found", message: "no such file" } }, 404);
    const type = key.endsWith(".pdf")
      ? "application/pdf"
      : key.endsWith(".png")
        ? "image/png"
        : key.endsWith(".webp")
          ? "image/webp"
          : "image/jpeg";
    return c.body(new Uint8Array(body), 200, { "content-type": type, "cache-control": "private, no-store" });
  });

  dev.get("/api/dev/outbox", async (c) => c.json(await OutboxMessenger.recent()));

  dev.get("/dev/outbox", async (c) => {
    const messages = await OutboxMessenger.recent();
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
