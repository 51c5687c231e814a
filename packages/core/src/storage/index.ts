import { randomBytes } from "node:crypto";
import { copyFile, mkdir, open, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { hmac, sameSecret } from "../account/secret";
import { adapterSlot } from "../util/adapter";
import { DomainError } from "../util/error";

/**
 * Product images, producer photos and certificate scans. Keys are bucket keys: `media/…` is public
 * (CloudFront on AWS, our server locally, both at /media/…), `private/…` is reached only by short-lived signed URLs.
 */
export interface Storage {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** The URL a browser uses for a `media/…` key. */
  publicUrl(key: string): string;
  /** A browser upload form (POST multipart: the fields, then `file`) for exactly this key, type and size limit. */
  presignUpload(input: UploadTicketInput): Promise<{ url: string; fields: Record<string, string> }>;
  /** Size and first bytes of a stored object, or undefined when it is not there. */
  inspect(key: string): Promise<{ size: number; head: Uint8Array } | undefined>;
  /** A short-lived URL to read a private object. */
  readUrl(key: string, seconds?: number): Promise<string>;
  /** Copies an object to another key, stored as `contentType` with the caching of its new key. */
  copy(from: string, to: string, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface UploadTicketInput {
  key: string;
  contentType: string;
  maxBytes: number;
  seconds?: number;
}

export const StorageKey = /^(media|private)\/[a-z0-9][a-z0-9/_.-]{0,250}$/;

/**
 * The one check of a key, on every read, inspect, write and signed URL of both adapters: under `media/` or
 * `private/`, no `.`, `..` or empty segment (so no way out of its prefix), no backslash, not absolute.
 */
export function isStorageKey(key: string): boolean {
  return StorageKey.test(key) && !key.includes("..") && key.split("/").every((part) => part !== "" && part !== ".");
}

const badKey = (key: string) =>
  new DomainError(400, "bad_storage_key", {
    vi: "Khóa tệp không hợp lệ.",
    en: `bad storage key: ${key.slice(0, 300)}`,
  });

function checkKey(key: string) {
  if (!isStorageKey(key)) throw badKey(key);
}

function mediaPath(baseUrl: string, key: string) {
  if (!key.startsWith("media/")) throw new Error(`not a public key: ${key}`);
  return `${baseUrl}/${key.slice("media/".length)}`;
}

/** What a local upload URL carries, signed like an S3 POST policy so the server can trust it before the body. */
export function localTicketSignature(
  ticket: string,
  key: string,
  contentType: string,
  maxBytes: number,
  expires: number,
) {
  return hmac(`upload:${ticket}:${key}:${contentType}:${maxBytes}:${expires}`);
}

export function localReadSignature(key: string, expires: number) {
  return hmac(`read:${key}:${expires}`);
}

export class LocalStorage implements Storage {
  constructor(
    readonly root: string,
    readonly baseUrl = "/media",
  ) {}

  /** The file of a key; refuses a key that is not a storage key or would leave the storage folder. */
  pathOf(key: string): string {
    checkKey(key);
    const base = resolve(this.root);
    const file = resolve(base, key);
    if (!file.startsWith(base + sep)) throw badKey(key);
    return file;
  }

  async put(key: string, body: Uint8Array | string, _contentType: string) {
    const file = this.pathOf(key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }

  async read(key: string): Promise<Buffer | undefined> {
    return readFile(this.pathOf(key)).catch(() => undefined);
  }

  async copy(from: string, to: string, _contentType: string) {
    const source = this.pathOf(from);
    const target = this.pathOf(to);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
  }

  async remove(key: string) {
    await rm(this.pathOf(key), { force: true });
  }

  publicUrl(key: string) {
    return mediaPath(this.baseUrl, key);
  }

  /**
   * The ticket travels in the URL, so that the server checks it (and uses it up) before it reads the body;
   * the form then carries only the file.
   */
  async presignUpload({ key, contentType, maxBytes, seconds = 600 }: UploadTicketInput) {
    checkKey(key);
    const expires = Math.floor(Date.now() / 1000) + seconds;
    const ticket = randomBytes(16).toString("base64url");
    const query = new URLSearchParams({
      ticket,
      key,
      type: contentType,
      max: String(maxBytes),
      expires: String(expires),
      signature: localTicketSignature(ticket, key, contentType, maxBytes, expires),
    });
    return { url: `/local-upload?${query}`, fields: {} as Record<string, string> };
  }

  /** Checks a local upload URL's query the way S3 checks a POST policy. */
  static checkTicket(query: Record<string, string | undefined>, now = Date.now()) {
    const { ticket = "", key = "", type: contentType = "", max = "", expires = "", signature = "" } = query;
    const expected = localTicketSignature(ticket, key, contentType, Number(max), Number(expires));
    if (!ticket || !sameSecret(signature, expected)) return { ok: false as const, reason: "bad signature" };
    if (Number(expires) * 1000 < now) return { ok: false as const, reason: "expired" };
    if (!isStorageKey(key)) return { ok: false as const, reason: "bad key" };
    return { ok: true as const, ticket, key, contentType, maxBytes: Number(max), expires: Number(expires) };
  }

  async inspect(key: string) {
    const file = this.pathOf(key);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const handle = await open(file, "r");
    try {
      const head = new Uint8Array(16);
      const { bytesRead } = await handle.read(head, 0, 16, 0);
      return { size: info.size, head: head.slice(0, bytesRead) };
    } finally {
      await handle.close();
    }
  }

  async readUrl(key: string, seconds = 300) {
    checkKey(key);
    const expires = Math.floor(Date.now() / 1000) + seconds;
    return `/local-files/${key}?expires=${expires}&signature=${localReadSignature(key, expires)}`;
  }
}

/** Media keys are never rewritten (each upload gets a new key), so they can be cached for good. */
function cacheControl(key: string) {
  return key.startsWith("media/") ? "public, max-age=31536000, immutable" : "private, no-store";
}

type S3Sdk = typeof import("@aws-sdk/client-s3") &
  Pick<typeof import("@aws-sdk/s3-presigned-post"), "createPresignedPost"> &
  Pick<typeof import("@aws-sdk/s3-request-presigner"), "getSignedUrl">;
let s3Sdk: Promise<S3Sdk> | undefined;

/** The S3 client and its helpers, loaded on the first call that needs them rather than at cold start. */
function loadS3Sdk(): Promise<S3Sdk> {
  s3Sdk ??= Promise.all([
    import("@aws-sdk/client-s3"),
    import("@aws-sdk/s3-presigned-post"),
    import("@aws-sdk/s3-request-presigner"),
  ]).then(([client, { createPresignedPost }, { getSignedUrl }]) => ({ ...client, createPresignedPost, getSignedUrl }));
  return s3Sdk;
}

export class S3Storage implements Storage {
  private s3: S3Client | undefined;
  constructor(
    readonly bucket: string,
    readonly baseUrl: string,
    s3?: S3Client,
  ) {
    this.s3 = s3;
  }

  private async sdk() {
    const sdk = await loadS3Sdk();
    this.s3 ??= new sdk.S3Client({});
    return { sdk, s3: this.s3 };
  }

  async put(key: string, body: Uint8Array | string, contentType: string) {
    checkKey(key);
    const { sdk, s3 } = await this.sdk();
    await s3.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        CacheControl: cacheControl(key),
      }),
    );
  }

  publicUrl(key: string) {
    return mediaPath(this.baseUrl, key);
  }

  async presignUpload({ key, contentType, maxBytes, seconds = 600 }: UploadTicketInput) {
    checkKey(key);
    const { sdk, s3 } = await this.sdk();
    return sdk.createPresignedPost(s3, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [
        ["content-length-range", 1, maxBytes],
        ["eq", "$Content-Type", contentType],
      ],
      Fields: { "Content-Type": contentType, "Cache-Control": cacheControl(key) },
      Expires: seconds,
    });
  }

  async inspect(key: string) {
    checkKey(key);
    const { sdk, s3 } = await this.sdk();
    try {
      const head = await s3.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const part = await s3.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key, Range: "bytes=0-15" }));
      const bytes = (await part.Body?.transformToByteArray()) ?? new Uint8Array();
      return { size: head.ContentLength ?? 0, head: bytes };
    } catch (err) {
      if ((err as { name?: string }).name === "NotFound" || (err as { name?: string }).name === "NoSuchKey") {
        return undefined;
      }
      throw err;
    }
  }

  async readUrl(key: string, seconds = 300) {
    checkKey(key);
    const { sdk, s3 } = await this.sdk();
    return sdk.getSignedUrl(s3, new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: seconds });
  }

  async copy(from: string, to: string, contentType: string) {
    checkKey(from);
    checkKey(to);
    const { sdk, s3 } = await this.sdk();
    await s3.send(
      new sdk.CopyObjectCommand({
        Bucket: this.bucket,
        CopySource: `${this.bucket}/${from}`,
        Key: to,
        MetadataDirective: "REPLACE",
        ContentType: contentType,
        CacheControl: cacheControl(to),
      }),
    );
  }

  async remove(key: string) {
    checkKey(key);
    const { sdk, s3 } = await this.sdk();
    await s3.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

const current = adapterSlot<Storage>("storage", "file storage (S3 bucket or local folder)");

/** S3 on AWS, a local folder for `pnpm start` and the tests: chosen by the composition root at start-up. */
export function storage(): Storage {
  return current.get();
}

export function useStorage(next: Storage) {
  current.use(next);
}
