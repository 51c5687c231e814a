import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

/**
 * Product images and certificate scans. Public media live under `media/` (served by CloudFront on AWS,
 * by our server locally); anything else stays private.
 */
export interface Storage {
  putPublic(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** The URL a browser uses for a public media key such as `products/<id>/1.svg`. */
  publicUrl(key: string): string;
}

export const MediaKey = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

function checkKey(key: string) {
  if (!MediaKey.test(key) || key.includes("..")) throw new Error(`bad storage key: ${key}`);
}

export class LocalStorage implements Storage {
  constructor(
    readonly root: string,
    readonly baseUrl = "/media",
  ) {}

  /** Resolves a public key to its file, or undefined if the key would leave the media folder. */
  pathOf(key: string): string | undefined {
    const base = resolve(this.root, "media");
    const file = resolve(base, key);
    return file.startsWith(base + sep) ? file : undefined;
  }

  async putPublic(key: string, body: Uint8Array | string, _contentType: string) {
    checkKey(key);
    const file = join(this.root, "media", key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }

  async read(key: string): Promise<Buffer | undefined> {
    const file = this.pathOf(key);
    if (!file) return undefined;
    return readFile(file).catch(() => undefined);
  }

  publicUrl(key: string) {
    return `${this.baseUrl}/${key}`;
  }
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

  async putPublic(key: string, body: Uint8Array | string, contentType: string) {
    checkKey(key);
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: `media/${key}`,
        Body: body,
        ContentType: contentType,
        CacheControl: "public, max-age=31536000, immutable",
      }),
    );
  }

  publicUrl(key: string) {
    return `${this.baseUrl}/${key}`;
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
