import { mkdir, open, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { hmac, sameSecret } from "../account/secret";

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
}

export interface UploadTicketInput {
  key: string;
  contentType: string;
  maxBytes: number;
  seconds?: number;
}

export const StorageKey = /^(media|private)\/[a-z0-9][a-z0-9/_.-]{0,250}$/;

function checkKey(key: string) {
  if (!StorageKey.test(key) || key.includes("..")) throw new Error(`bad storage key: ${key}`);
}

function mediaPath(baseUrl: string, key: string) {
  if (!key.startsWith("media/")) throw new Error(`not a public key: ${key}`);
  return `${baseUrl}/${key.slice("media/".length)}`;
}

/** The fields a local upload form carries, signed like an S3 POST policy so the server can trust them. */
export function localTicketSignature(key: string, contentType: string, maxBytes: number, expires: number) {
  return hmac(`upload:${key}:${contentType}:${maxBytes}:${expires}`);
}

export function localReadSignature(key: string, expires: number) {
  return hmac(`read:${key}:${expires}`);
}

export class LocalStorage implements Storage {
  constructor(
    readonly root: string,
    readonly baseUrl = "/media",
  ) {}

  /** The file of a key, or undefined if the key would leave the storage folder. */
  pathOf(key: string): string | undefined {
    const base = resolve(this.root);
    const file = resolve(base, key);
    return StorageKey.test(key) && file.startsWith(base + sep) ? file : undefined;
  }

  async put(key: string, body: Uint8Array | string, _contentType: string) {
    checkKey(key);
    const file = this.pathOf(key);
    if (!file) throw new Error(`bad storage key: ${key}`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }

  async read(key: string): Promise<Buffer | undefined> {
    const file = this.pathOf(key);
    if (!file) return undefined;
    return readFile(file).catch(() => undefined);
  }

  publicUrl(key: string) {
    return mediaPath(this.baseUrl, key);
  }

  async presignUpload({ key, contentType, maxBytes, seconds = 600 }: UploadTicketInput) {
    checkKey(key);
    const expires = Math.floor(Date.now() / 1000) + seconds;
    return {
      url: "/local-upload",
      fields: {
        key,
        "Content-Type": contentType,
        "x-max-bytes": String(maxBytes),
        "x-expires": String(expires),
        "x-signature": localTicketSignature(key, contentType, maxBytes, expires),
      },
    };
  }

  /** Checks a local upload form the way S3 checks a POST policy. */
  static checkTicket(fields: Record<string, string>, now = Date.now()) {
    const { key = "", "Content-Type": contentType = "", "x-max-bytes": max = "", "x-expires": expires = "" } = fields;
    const signature = fields["x-signature"] ?? "";
    const expected = localTicketSignature(key, contentType, Number(max), Number(expires));
    if (!sameSecret(signature, expected)) return { ok: false as const, reason: "bad signature" };
    if (Number(expires) * 1000 < now) return { ok: false as const, reason: "expired" };
    return { ok: true as const, key, contentType, maxBytes: Number(max) };
  }

  async inspect(key: string) {
    const file = this.pathOf(key);
    if (!file) return undefined;
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

export class S3Storage implements Storage {
  private readonly s3: S3Client;
  constructor(
    readonly bucket: string,
    readonly baseUrl: string,
    s3?: S3Client,
  ) {
    this.s3 = s3 ?? new S3Client({});
  }

  async put(key: string, body: Uint8Array | string, contentType: string) {
    checkKey(key);
    await this.s3.send(
      new PutObjectCommand({
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
    return createPresignedPost(this.s3, {
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
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const part = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: "bytes=0-15" }));
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
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: seconds });
  }
}

let current: Storage | undefined;

/**
 * Chosen from configuration at start-up:
 *   STORAGE=s3 with BUCKET_NAME (AWS), otherwise a local folder UPLOAD_DIR (default .data/uploads);
 *   MEDIA_URL is the public base URL of media (default /media, same origin as the web app).
 */
export function storage(): Storage {
  if (current) return current;
  const baseUrl = process.env.MEDIA_URL ?? "/media";
  current =
    process.env.STORAGE === "s3"
      ? new S3Storage(process.env.BUCKET_NAME ?? "", baseUrl)
      : new LocalStorage(process.env.UPLOAD_DIR ?? resolve(".data/uploads"), baseUrl);
  return current;
}

export function useStorage(next: Storage) {
  current = next;
}
