import { extname } from "node:path";
import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireSeller } from "../account/actor";
import { isStorageKey, storage } from "../storage";
import { DomainError } from "../util/error";

/**
 * Uploads go straight from the browser to storage with a presigned form, then are checked before use.
 * The form writes to an upload key under `private/uploads/`; only when a file passes its check is it copied to its
 * key, which no form can write. So a ticket used again (S3 cannot make a presigned POST single-use) replaces
 * nothing anyone reads.
 */
export namespace Upload {
  const IMAGE = ["image/jpeg", "image/png", "image/webp"] as const;
  export const PURPOSES = {
    "product-image": { prefix: "media/products", types: IMAGE, maxBytes: 5 * 1024 * 1024 },
    "producer-photo": { prefix: "media/producers", types: IMAGE, maxBytes: 5 * 1024 * 1024 },
    "certificate-scan": {
      prefix: "private/certificates",
      types: [...IMAGE, "application/pdf"] as const,
      maxBytes: 10 * 1024 * 1024,
    },
    // A seller's own identity papers (seller/verification): under their producer and their own id.
    "identity-card": { prefix: "private/identity", types: IMAGE, maxBytes: 10 * 1024 * 1024, perSeller: true },
    "business-registration": {
      prefix: "private/identity",
      types: [...IMAGE, "application/pdf"] as const,
      maxBytes: 10 * 1024 * 1024,
      perSeller: true,
    },
    // Evidence of an OCOP dossier (dossier/): photos from the phone's camera and PDFs.
    "dossier-evidence": {
      prefix: "private/dossiers",
      types: [...IMAGE, "application/pdf"] as const,
      maxBytes: 10 * 1024 * 1024,
    },
  } as const;
  export type Purpose = keyof typeof PURPOSES;

  const EXTENSION: Record<string, string> = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
  };
  const TYPE_OF: Record<string, string> = Object.fromEntries(Object.entries(EXTENSION).map(([t, e]) => [e, t]));

  /** Where the browser's form puts the file of `key`; storage expires it after a day (stacks/Storage.ts). */
  export const UPLOAD_PREFIX = "private/uploads";
  export const uploadKeyOf = (key: string) => `${UPLOAD_PREFIX}/${key}`;
  /** An upload ticket is good for this long. */
  export const TICKET_SECONDS = 600;

  /** The first bytes each accepted type must start with: a file is what it is, not what it claims. */
  const MAGIC: Record<string, (head: Uint8Array) => boolean> = {
    ".jpg": (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
    ".png": (h) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => h[i] === b),
    ".webp": (h) => ascii(h, 0, 4) === "RIFF" && ascii(h, 8, 12) === "WEBP",
    ".pdf": (h) => ascii(h, 0, 5) === "%PDF-",
  };
  const ascii = (h: Uint8Array, from: number, to: number) => String.fromCharCode(...h.slice(from, to));

  export const Request = z.object({
    purpose: z.enum([
      "product-image",
      "producer-photo",
      "certificate-scan",
      "identity-card",
      "business-registration",
      "dossier-evidence",
    ]),
    contentType: z.string().max(100),
    size: z.number().int().min(1, "the file is empty"),
  });

  export async function presign(actor: Actor, input: z.input<typeof Request>) {
    const seller = requireSeller(actor);
    const { purpose, contentType, size } = Request.parse(input);
    const rule = PURPOSES[purpose];
    if (!(rule.types as readonly string[]).includes(contentType)) {
      throw new DomainError(
        415,
        "unsupported_type",
        {
          vi: `Chỉ nhận tệp ${rule.types.map((t) => EXTENSION[t]).join(", ")}.`,
          en: `Only ${rule.types.map((t) => EXTENSION[t]).join(", ")} files are accepted.`,
        },
        "contentType",
      );
    }
    if (size > rule.maxBytes) {
      const mb = rule.maxBytes / 1024 / 1024;
      throw new DomainError(
        413,
        "too_large",
        { vi: `Tệp quá lớn: tối đa ${mb} MB.`, en: `File too large: at most ${mb} MB.` },
        "size",
      );
    }
    const owner = "perSeller" in rule ? `${seller.producerId}/${seller.userId}` : seller.producerId;
    const key = `${rule.prefix}/${owner}/${ulid().toLowerCase()}${EXTENSION[contentType]}`;
    const form = await storage().presignUpload({
      key: uploadKeyOf(key),
      contentType,
      maxBytes: rule.maxBytes,
      seconds: TICKET_SECONDS,
    });
    return { key, maxBytes: rule.maxBytes, ...form };
  }

  const invalid = (field: string, vi: string, en: string) => new DomainError(400, "invalid_upload", { vi, en }, field);

  /**
   * Before a key is attached to anything: it must be this producer's (for a seller's own papers, `producerId` is
   * `<producerId>/<userId>`), of this purpose, stored, within the size
   * limit, and its bytes must match its type. The first time, the uploaded file is copied to the key; the copy, not
   * the upload, is what is checked, so a file replaced meanwhile through its ticket cannot slip past.
   */
  export async function verify(key: string, expect: { purpose: Purpose; producerId: string }, field = "key") {
    const rule = PURPOSES[expect.purpose];
    const ext = extname(key);
    if (!isStorageKey(key) || !key.startsWith(`${rule.prefix}/${expect.producerId}/`) || !MAGIC[ext]) {
      throw invalid(field, "Tệp này không thuộc về bạn hoặc sai loại.", "This file is not yours or not of this kind.");
    }
    const store = storage();
    let found = await store.inspect(key);
    let copied = false;
    if (!found) {
      const upload = uploadKeyOf(key);
      if (!(await store.inspect(upload))) {
        throw invalid(field, "Chưa tải tệp lên xong.", "The file has not been uploaded.");
      }
      await store.copy(upload, key, TYPE_OF[ext] ?? "application/octet-stream");
      copied = true;
      found = await store.inspect(key);
      if (!found) throw invalid(field, "Chưa tải tệp lên xong.", "The file has not been uploaded.");
    }
    const problem =
      found.size > rule.maxBytes
        ? invalid(field, "Tệp quá lớn.", "The file is too large.")
        : !MAGIC[ext]?.(found.head)
          ? invalid(field, "Nội dung tệp không đúng định dạng.", "The file's content does not match its type.")
          : undefined;
    if (problem) {
      // Refused bytes do not stay at the key: under media/ they would be public.
      if (copied) await store.remove(key);
      throw problem;
    }
    if (copied) await store.remove(uploadKeyOf(key)).catch(() => undefined);
    return key;
  }
}
