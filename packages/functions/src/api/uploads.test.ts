import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { LocalStorage } from "@cho-ocop/core/storage/index";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { producerInput, productInput, sonLaWard } from "../../test/catalogue";
import { localApp } from "../local/server";

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const storage = new LocalStorage(process.env.UPLOAD_DIR ?? "");
const server = localApp({ webDist: "/nonexistent", storage });
const listening = serve({ fetch: server.fetch, port: 0, hostname: "127.0.0.1" });
const origin = () => `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => listening.close(() => resolve())));

interface Ticket {
  key: string;
  maxBytes: number;
  url: string;
  fields: Record<string, string>;
}

let seller: string;
let producerId: string;
let otherProducerId: string;

async function sellerOfNewProducer(name: string) {
  const token = await tokenFor();
  const res = await call<{ producerId: string }>("POST", "/api/seller/producer", {
    token,
    body: { ...producerInput(await sonLaWard(), name), phone: phone() },
  });
  expect(res.status).toBe(201);
  return { token, producerId: res.body.producerId };
}

async function presign(purpose = "product-image", contentType = "image/jpeg", size = JPEG.length) {
  const res = await call<Ticket>("POST", "/api/seller/uploads", {
    token: seller,
    body: { purpose, contentType, size },
  });
  expect(res.status).toBe(201);
  return res.body;
}

function form(ticket: Ticket, bytes: Uint8Array, type = "image/jpeg") {
  const body = new FormData();
  for (const [k, v] of Object.entries(ticket.fields)) body.append(k, v);
  body.append("file", new Blob([new Uint8Array(bytes)], { type }), "anh.jpg");
  return body;
}

const post = (ticket: Ticket, bytes: Uint8Array) =>
  server.request(ticket.url, { method: "POST", body: form(ticket, bytes) });

/** Where the form put the file, before any product takes it. */
const uploaded = (ticket: Ticket) => storage.read(`private/uploads/${ticket.key}`);

beforeAll(async () => {
  ({ token: seller, producerId } = await sellerOfNewProducer("HTX Tải Lên Mộc Châu"));
  ({ producerId: otherProducerId } = await sellerOfNewProducer("HTX Hàng Xóm"));
});

describe("upload tickets", () => {
  it("are single-use: a second upload with the same ticket is refused (403) and the stored file stays as it was", async () => {
    const ticket = await presign();
    expect((await post(ticket, JPEG)).status).toBe(204);
    const other = new Uint8Array([...JPEG.slice(0, 4), ...new Uint8Array(16).fill(0x41)]);
    const again = await post(ticket, other);
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({
      error: { code: "upload_refused", message: "Phiếu tải lên này đã được dùng." },
    });
    expect(new Uint8Array((await uploaded(ticket)) ?? [])).toEqual(JPEG);

    const created = await call<{ images: string[] }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput(), images: [ticket.key] },
    });
    expect(created.status).toBe(201);
    expect(new Uint8Array((await storage.read(ticket.key)) ?? [])).toEqual(JPEG);
    expect((await post(ticket, other)).status).toBe(403);
    expect(new Uint8Array((await storage.read(ticket.key)) ?? [])).toEqual(JPEG);
  });

  it("sent twice at once, only one of the two uploads is accepted", async () => {
    const ticket = await presign();
    const statuses = await Promise.all([post(ticket, JPEG), post(ticket, JPEG)].map(async (r) => (await r).status));
    expect(statuses.sort()).toEqual([204, 403]);
  });

  it("refuses (413) a body whose Content-Length is over the ticket's size before reading it; the ticket stays usable", async () => {
    const ticket = await presign();
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${origin()}${ticket.url}`, {
        method: "POST",
        headers: {
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(ticket.maxBytes + 64 * 1024),
        },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on("error", reject);
      // Headers only: the answer comes while not one byte of the body has been sent.
      req.flushHeaders();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "too_large" } });
    expect(await uploaded(ticket)).toBeUndefined();
    expect((await post(ticket, JPEG)).status).toBe(204);
  });

  it("refuses (413) a streamed body without Content-Length once it passes the ticket's size, storing nothing", async () => {
    const ticket = await presign();
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > ticket.maxBytes * 2) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await server.request(ticket.url, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "too_large" } });
    expect(sent).toBeLessThan(ticket.maxBytes * 2);
    expect(await uploaded(ticket)).toBeUndefined();
  });

  it("refuses a forged ticket (403) without reading the body", async () => {
    const ticket = await presign();
    const url = new URL(ticket.url, "http://local");
    url.searchParams.set("max", String(100 * 1024 * 1024));
    const res = await server.request(`${url.pathname}${url.search}`, { method: "POST", body: form(ticket, JPEG) });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "upload_refused" } });
  });
});

describe("keys that climb out of their folder", () => {
  it("cannot attach another producer's private certificate scan as a product image (400, nothing changed)", async () => {
    const scanKey = `private/certificates/${otherProducerId}/giay-chung-nhan.jpg`;
    await storage.put(scanKey, JPEG, "image/jpeg");
    const photo = await presign();
    expect((await post(photo, JPEG)).status).toBe(204);
    const created = await call<{ productId: string; images: string[]; version: number }>(
      "POST",
      "/api/seller/products",
      {
        token: seller,
        body: { ...productInput("Mật ong bạc hà thử"), images: [photo.key] },
      },
    );
    expect(created.status).toBe(201);

    for (const key of [
      `media/products/${producerId}/../../private/certificates/${otherProducerId}/giay-chung-nhan.jpg`,
      `media/products/${producerId}/..%2F..%2Fprivate%2Fcertificates%2F${otherProducerId}%2Fgiay-chung-nhan.jpg`,
      `media/products/${producerId}/./x.jpg`,
    ]) {
      const res = await call("PATCH", `/api/seller/products/${created.body.productId}`, {
        token: seller,
        body: { images: [photo.key, key] },
      });
      expect(res.status, key).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "invalid_upload", field: "images.1" } });
    }
    const after = await call<{ product: { images: string[]; version: number } }>(
      "GET",
      `/api/seller/products/${created.body.productId}`,
      { token: seller },
    );
    expect(after.body.product.images).toEqual([photo.key]);
    expect(after.body.product.version).toBe(created.body.version);
  });
});
