import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeS3, startFakeS3 } from "../../../testkit/src/fake-s3";
import type { Actor } from "../account/actor";
import { Upload } from "../upload";
import { S3Storage, useStorage } from "./index";

const BUCKET = "cho-ocop-media";
const MEDIA_URL = "https://cdn.cho-ocop.vn/media";

let fake: FakeS3;
let s3: S3Client;
let storage: S3Storage;
/** How far the fake's clock runs ahead of ours. */
let skew = 0;

beforeAll(async () => {
  fake = await startFakeS3({ buckets: [BUCKET], region: "ap-southeast-1", now: () => Date.now() + skew });
  s3 = new S3Client({
    endpoint: fake.url,
    region: fake.region,
    credentials: fake.credentials,
    forcePathStyle: true,
    maxAttempts: 1,
  });
  storage = new S3Storage(BUCKET, MEDIA_URL, s3);
});
afterEach(() => {
  skew = 0;
});
afterAll(async () => {
  s3?.destroy();
  await fake?.close();
});

/** A small JPEG-looking file: the SOI and JFIF APP0 marker, then filler. */
function jpeg(size: number) {
  const bytes = new Uint8Array(size).fill(0x42);
  bytes.set([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  ]);
  return bytes;
}

/** What a browser does with an upload ticket: a multipart POST of the fields, then the file. */
function upload(ticket: { url: string; fields: Record<string, string> }, file: Uint8Array, type: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append("file", new Blob([file], { type }), "photo.jpg");
  return fetch(ticket.url, { method: "POST", body: form });
}

describe("S3Storage against a local S3 server", () => {
  it("puts an object and inspects its size and first 16 bytes (HeadObject + ranged GetObject)", async () => {
    const body = jpeg(1234);
    await storage.put("media/products/nuoc-mam-phu-quoc.jpg", body, "image/jpeg");

    const stored = fake.object(BUCKET, "media/products/nuoc-mam-phu-quoc.jpg");
    expect(stored).toMatchObject({ contentType: "image/jpeg", cacheControl: "public, max-age=31536000, immutable" });
    expect(new Uint8Array(stored?.body ?? [])).toEqual(body);

    const seen = await storage.inspect("media/products/nuoc-mam-phu-quoc.jpg");
    expect(seen).toEqual({ size: 1234, head: body.slice(0, 16) });
    expect(fake.requests.slice(-3)).toMatchObject([
      { method: "PUT", auth: "header", status: 200 },
      { method: "HEAD", auth: "header", status: 200 },
      { method: "GET", auth: "header", range: "bytes=0-15", status: 206 },
    ]);
  });

  it("stores private keys as not cacheable", async () => {
    await storage.put("private/certificates/htx-a/cert.pdf", "%PDF-1.7", "application/pdf");
    expect(fake.object(BUCKET, "private/certificates/htx-a/cert.pdf")).toMatchObject({
      contentType: "application/pdf",
      cacheControl: "private, no-store",
    });
  });

  it("inspects a missing key as undefined (HeadObject 404)", async () => {
    expect(await storage.inspect("media/products/khong-co.jpg")).toBeUndefined();
    expect(fake.requests.at(-1)).toMatchObject({ method: "HEAD", status: 404 });
  });

  describe("browser uploads with a presigned POST policy", () => {
    const key = "media/products/htx-a/mat-ong-ban-the.jpg";
    const ticket = () => storage.presignUpload({ key, contentType: "image/jpeg", maxBytes: 2048 });

    it("accepts a JPEG under the limit and stores it with the declared Content-Type and media caching", async () => {
      const t = await ticket();
      expect(t.url).toBe(`${fake.url}/${BUCKET}`);
      const file = jpeg(1500);
      const res = await upload(t, file, "image/jpeg");
      expect(res.status).toBe(204);
      const stored = fake.object(BUCKET, key);
      expect(stored).toMatchObject({ contentType: "image/jpeg", cacheControl: "public, max-age=31536000, immutable" });
      expect(new Uint8Array(stored?.body ?? [])).toEqual(file);
      expect(await storage.inspect(key)).toEqual({ size: 1500, head: file.slice(0, 16) });
    });

    it("refuses a file over maxBytes (EntityTooLarge)", async () => {
      const other = "media/products/htx-a/qua-lon.jpg";
      const t = await storage.presignUpload({ key: other, contentType: "image/jpeg", maxBytes: 2048 });
      const res = await upload(t, jpeg(2049), "image/jpeg");
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("<Code>EntityTooLarge</Code>");
      expect(fake.object(BUCKET, other)).toBeUndefined();
    });

    it("refuses a Content-Type other than the one signed", async () => {
      const other = "media/products/htx-a/sai-kieu.jpg";
      const t = await storage.presignUpload({ key: other, contentType: "image/jpeg", maxBytes: 2048 });
      const res = await upload({ ...t, fields: { ...t.fields, "Content-Type": "text/html" } }, jpeg(100), "text/html");
      expect(res.status).toBe(403);
      const body = await res.text();
      expect(body).toContain("<Code>AccessDenied</Code>");
      expect(body).toContain(`Policy Condition failed: ["eq", "$Content-Type", "image/jpeg"]`);
      expect(fake.object(BUCKET, other)).toBeUndefined();
    });

    it("refuses a key other than the one signed", async () => {
      const t = await storage.presignUpload({
        key: "media/products/htx-a/dung.jpg",
        contentType: "image/jpeg",
        maxBytes: 2048,
      });
      const res = await upload(
        { ...t, fields: { ...t.fields, key: "media/products/htx-b/khac.jpg" } },
        jpeg(100),
        "image/jpeg",
      );
      expect(res.status).toBe(403);
      const body = await res.text();
      expect(body).toContain("<Code>AccessDenied</Code>");
      expect(body).toContain(`Policy Condition failed: ["eq", "$key", "media/products/htx-a/dung.jpg"]`);
      expect(fake.object(BUCKET, "media/products/htx-b/khac.jpg")).toBeUndefined();
      expect(fake.object(BUCKET, "media/products/htx-a/dung.jpg")).toBeUndefined();
    });

    it("refuses a ticket after it expires, and a tampered policy", async () => {
      const t = await storage.presignUpload({ key, contentType: "image/jpeg", maxBytes: 2048, seconds: 60 });
      skew = 61_000;
      const late = await upload(t, jpeg(100), "image/jpeg");
      expect(late.status).toBe(403);
      expect(await late.text()).toContain("Policy expired");
      skew = 0;

      const policy = JSON.parse(Buffer.from(t.fields.Policy ?? "", "base64").toString("utf8"));
      const bigger = policy.conditions.map((c: unknown) =>
        Array.isArray(c) && c[0] === "content-length-range" ? ["content-length-range", 1, 10_000_000] : c,
      );
      const forged = Buffer.from(JSON.stringify({ ...policy, conditions: bigger })).toString("base64");
      const res = await upload({ ...t, fields: { ...t.fields, Policy: forged } }, jpeg(100), "image/jpeg");
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
    });
  });

  describe("reading private objects by presigned GET", () => {
    const key = "private/certificates/htx-a/quyet-dinh-1520.jpg";

    it("gives a URL the server serves, while the bare object URL is refused", async () => {
      const body = jpeg(300);
      await storage.put(key, body, "image/jpeg");
      const url = await storage.readUrl(key, 60);
      expect(url.startsWith(`${fake.url}/${BUCKET}/${key}?`)).toBe(true);
      const params = new URL(url).searchParams;
      expect(params.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
      expect(params.get("X-Amz-Expires")).toBe("60");

      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/jpeg");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(body);
      expect(fake.requests.at(-1)).toMatchObject({ method: "GET", auth: "query", status: 200 });

      expect((await fetch(`${fake.url}/${BUCKET}/${key}`)).status).toBe(403);
    });

    it("stops serving the URL after its lifetime", async () => {
      const url = await storage.readUrl(key, 60);
      skew = 61_000;
      const res = await fetch(url);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("Request has expired");
    });

    it("refuses a URL whose signature was altered or that names another key", async () => {
      const url = new URL(await storage.readUrl(key, 60));
      const signature = url.searchParams.get("X-Amz-Signature") ?? "";
      url.searchParams.set("X-Amz-Signature", `${signature.slice(0, -1)}${signature.endsWith("0") ? "1" : "0"}`);
      expect((await fetch(url)).status).toBe(403);

      const other = new URL(await storage.readUrl(key, 60));
      other.pathname = other.pathname.replace("quyet-dinh-1520", "quyet-dinh-khac");
      expect((await fetch(other)).status).toBe(403);
    });
  });

  it("gives public URLs for media keys only", () => {
    expect(storage.publicUrl("media/x/y.jpg")).toBe(`${MEDIA_URL}/x/y.jpg`);
    expect(() => storage.publicUrl("private/certificates/x.jpg")).toThrow(/not a public key/);
  });

  it("copies an object to another key with the new key's type and caching, and removes objects", async () => {
    const body = jpeg(200);
    await storage.put("private/uploads/media/products/htx-a/chep.jpg", body, "image/jpeg");
    await storage.copy("private/uploads/media/products/htx-a/chep.jpg", "media/products/htx-a/chep.jpg", "image/jpeg");
    expect(fake.object(BUCKET, "media/products/htx-a/chep.jpg")).toMatchObject({
      contentType: "image/jpeg",
      cacheControl: "public, max-age=31536000, immutable",
    });
    expect(new Uint8Array(fake.object(BUCKET, "media/products/htx-a/chep.jpg")?.body ?? [])).toEqual(body);
    await storage.remove("private/uploads/media/products/htx-a/chep.jpg");
    expect(fake.object(BUCKET, "private/uploads/media/products/htx-a/chep.jpg")).toBeUndefined();
  });

  it("refuses a key with '..', '.' or empty segments, a backslash, an absolute path or another prefix, before anything reaches S3", async () => {
    const count = fake.requests.length;
    for (const bad of [
      "media/products/../../private/certificates/x.jpg",
      "media/products/htx-a/../../../private/certificates/htx-b/x.jpg",
      "media/./x.jpg",
      "media//x.jpg",
      "media/x\\..\\y.jpg",
      "/private/certificates/x.jpg",
      "uploads/x.jpg",
      "",
    ]) {
      await expect(storage.put(bad, "x", "image/jpeg"), bad).rejects.toThrow(/bad storage key/);
      await expect(storage.presignUpload({ key: bad, contentType: "image/jpeg", maxBytes: 10 })).rejects.toThrow(
        /bad storage key/,
      );
      await expect(storage.readUrl(bad)).rejects.toThrow(/bad storage key/);
      await expect(storage.inspect(bad)).rejects.toThrow(/bad storage key/);
      await expect(storage.copy("media/x.jpg", bad, "image/jpeg")).rejects.toThrow(/bad storage key/);
      await expect(storage.copy(bad, "media/x.jpg", "image/jpeg")).rejects.toThrow(/bad storage key/);
      await expect(storage.remove(bad)).rejects.toThrow(/bad storage key/);
    }
    expect(fake.requests).toHaveLength(count);
  });

  describe("a seller's upload (Upload.presign, the browser's POST, Upload.verify)", () => {
    const seller = {
      kind: "user",
      user: { userId: "u-seller", role: "seller", producerId: "htx-a", createdAt: "2026-01-01T00:00:00Z" },
    } as Actor;
    beforeAll(() => useStorage(storage));

    it("goes to an upload key; the checked file is copied to its key, and the ticket used again changes nothing anyone reads", async () => {
      const ticket = await Upload.presign(seller, { purpose: "product-image", contentType: "image/jpeg", size: 500 });
      expect(ticket.key).toMatch(/^media\/products\/htx-a\/[0-9a-z]{26}\.jpg$/);
      expect(ticket.fields.key).toBe(`private/uploads/${ticket.key}`);
      const good = jpeg(500);
      expect((await upload(ticket, good, "image/jpeg")).status).toBe(204);
      expect(fake.object(BUCKET, ticket.key)).toBeUndefined();

      expect(await Upload.verify(ticket.key, { purpose: "product-image", producerId: "htx-a" })).toBe(ticket.key);
      const accepted = fake.object(BUCKET, ticket.key);
      expect(accepted).toMatchObject({
        contentType: "image/jpeg",
        cacheControl: "public, max-age=31536000, immutable",
      });
      expect(new Uint8Array(accepted?.body ?? [])).toEqual(good);
      expect(fake.object(BUCKET, ticket.fields.key ?? "")).toBeUndefined();

      // S3 cannot make a presigned POST single-use: the second POST is stored, but only at the upload key.
      const other = jpeg(400).fill(0x66, 20);
      expect((await upload(ticket, other, "image/jpeg")).status).toBe(204);
      expect(await Upload.verify(ticket.key, { purpose: "product-image", producerId: "htx-a" })).toBe(ticket.key);
      expect(new Uint8Array(fake.object(BUCKET, ticket.key)?.body ?? [])).toEqual(good);
    });

    it("leaves nothing at the key when the uploaded bytes are not what the file claims", async () => {
      const ticket = await Upload.presign(seller, { purpose: "product-image", contentType: "image/jpeg", size: 100 });
      expect((await upload(ticket, new Uint8Array(100).fill(0x3c), "image/jpeg")).status).toBe(204);
      await expect(Upload.verify(ticket.key, { purpose: "product-image", producerId: "htx-a" })).rejects.toMatchObject({
        status: 400,
        code: "invalid_upload",
      });
      expect(fake.object(BUCKET, ticket.key)).toBeUndefined();
    });

    it("refuses (400) a key that climbs out of the producer's folder into another's private files", async () => {
      await storage.put("private/certificates/htx-b/giay-chung-nhan.jpg", jpeg(300), "image/jpeg");
      const count = fake.requests.length;
      for (const key of [
        "media/products/htx-a/../../private/certificates/htx-b/giay-chung-nhan.jpg",
        "media/products/htx-a/..%2F..%2Fprivate%2Fcertificates%2Fhtx-b%2Fgiay-chung-nhan.jpg",
      ]) {
        await expect(Upload.verify(key, { purpose: "product-image", producerId: "htx-a" })).rejects.toMatchObject({
          status: 400,
          code: "invalid_upload",
        });
      }
      expect(fake.requests).toHaveLength(count);
    });
  });
});
