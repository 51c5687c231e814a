import { formatCount, formatDecimal } from "./format";

/**
 * Pure rules the seller and staff screens check before the API does, so a mistake is shown while typing.
 * They mirror packages/core (Certificate, VnMobile, Upload) without pulling server code into the browser.
 */

export type Stars = 3 | 4 | 5;
export type Level = "province" | "central";

/** Scoring sheet of Decision 148/QĐ-TTg: A product and community strength, B marketing, C quality. */
export const SCORE_MAX = { a: 40, b: 25, c: 35 } as const;
export type ScorePart = keyof typeof SCORE_MAX;
export type Score = Record<ScorePart, number>;

export function scoreTotal(score: Score): number {
  return score.a + score.b + score.c;
}

/** Star band of a total (Decision 148): 5★ 90–100, 4★ 70–<90, 3★ 50–<70, 2★ 30–<50, 1★ below 30. */
export function starsForTotal(total: number): 1 | 2 | 3 | 4 | 5 {
  if (total >= 90) return 5;
  if (total >= 70) return 4;
  if (total >= 50) return 3;
  if (total >= 30) return 2;
  return 1;
}

/** The lowest and highest total of a star band. */
export function bandOf(stars: number): { min: number; max: number } {
  switch (stars) {
    case 5:
      return { min: 90, max: 100 };
    case 4:
      return { min: 70, max: 89 };
    case 3:
      return { min: 50, max: 69 };
    case 2:
      return { min: 30, max: 49 };
    default:
      return { min: 0, max: 29 };
  }
}

/** Since Decision 1489/QĐ-TTg (July 2025) the province certifies 3★ and 4★, the central level 5★. */
export function levelForStars(stars: number): Level {
  return stars >= 5 ? "central" : "province";
}

export type ScoreReading =
  | { state: "empty" }
  | { state: "partial" }
  | { state: "invalid"; part: ScorePart }
  | { state: "complete"; score: Score; total: number; stars: 1 | 2 | 3 | 4 | 5 };

/**
 * Reads the three optional score inputs: all blank is "no score", some blank is "partial",
 * a part outside 0..max (or not a whole number) is "invalid" naming the part.
 */
export function readScore(raw: Record<ScorePart, string>): ScoreReading {
  const parts = Object.keys(SCORE_MAX) as ScorePart[];
  const filled = parts.filter((p) => raw[p].trim() !== "");
  if (filled.length === 0) return { state: "empty" };
  const score: Partial<Score> = {};
  for (const part of filled) {
    const text = raw[part].trim();
    const n = Number(text);
    if (!/^\d{1,3}$/.test(text) || n > SCORE_MAX[part]) return { state: "invalid", part };
    score[part] = n;
  }
  if (filled.length < parts.length) return { state: "partial" };
  const full = score as Score;
  const total = scoreTotal(full);
  return { state: "complete", score: full, total, stars: starsForTotal(total) };
}

/** The API's upper bound for an amount (MAX_VND in core). */
export const MAX_VND = 10_000_000_000;

export type VndReading =
  | { ok: true; value: number }
  | { ok: false; reason: "empty" | "invalid" | "fraction" | "tooLarge" };

/**
 * Reads a price typed the Vietnamese way: "150.000", "150000", "150 000 đ", "150.000₫", "1.250.000 VND".
 * Đồng have no minor unit, so "150,5" or "150.5" is refused rather than rounded.
 */
export function parseVnd(input: string): VndReading {
  const text = input
    .trim()
    .replace(/\s*(₫|đ|đồng|vnd|vnđ)$/i, "")
    .replace(/[\s\u00a0]/g, "");
  if (text === "") return { ok: false, reason: "empty" };
  let digits: string;
  if (/^\d+$/.test(text)) digits = text;
  else if (/^\d{1,3}(\.\d{3})+$/.test(text) || /^\d{1,3}(,\d{3})+$/.test(text)) digits = text.replace(/[.,]/g, "");
  else if (/^\d+[.,]\d{1,2}$/.test(text)) return { ok: false, reason: "fraction" };
  else return { ok: false, reason: "invalid" };
  const value = Number(digits);
  if (value > MAX_VND) return { ok: false, reason: "tooLarge" };
  return { ok: true, value };
}

/** 150000 → "150.000" ("150,000" in English): how a price input shows an amount (the ₫ sign sits beside the input). */
export function formatVndInput(amount: number): string {
  return formatCount(amount);
}

/** "+84 912.000-101" → "0912000101": the form the API keeps. Anything else is returned stripped. */
export function normalizePhone(raw: string): string {
  return raw
    .trim()
    .replace(/[\s.\-()]/g, "")
    .replace(/^(\+?84)(?=[35789]\d{8}$)/, "0");
}

/** A Vietnamese mobile number (03x, 05x, 07x, 08x, 09x and 8 more digits), in any usual writing. */
export function isVnMobile(raw: string): boolean {
  return /^0[35789]\d{8}$/.test(normalizePhone(raw));
}

/** "0912000101" → "0912 000 101"; leaves what is not a mobile number as it was typed. */
export function formatPhone(raw: string): string {
  const n = normalizePhone(raw);
  if (!/^0\d{9}$/.test(n)) return raw.trim();
  return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
}

export function isEmail(raw: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(raw.trim());
}

/** What the browser may send to storage, by purpose (Upload.PURPOSES in core). */
export const UPLOAD_RULES = {
  "product-image": { types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 5 * 1024 * 1024 },
  "producer-photo": { types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 5 * 1024 * 1024 },
  "certificate-scan": {
    types: ["image/jpeg", "image/png", "image/webp", "application/pdf"],
    maxBytes: 10 * 1024 * 1024,
  },
  "identity-card": { types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 10 * 1024 * 1024 },
  "business-registration": {
    types: ["image/jpeg", "image/png", "image/webp", "application/pdf"],
    maxBytes: 10 * 1024 * 1024,
  },
  "dossier-evidence": {
    types: ["image/jpeg", "image/png", "image/webp", "application/pdf"],
    maxBytes: 10 * 1024 * 1024,
  },
} as const;
export type UploadPurpose = keyof typeof UPLOAD_RULES;

export type FileProblem = { code: "type"; accepted: string } | { code: "size"; maxMb: number } | { code: "empty" };

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "application/pdf": "PDF",
};

/** The types a purpose accepts, for a file input's `accept` and for messages ("JPEG, PNG, WebP"). */
export function acceptedTypes(purpose: UploadPurpose): { accept: string; names: string } {
  const types = UPLOAD_RULES[purpose].types;
  return { accept: types.join(","), names: types.map((t) => EXTENSIONS[t] ?? t).join(", ") };
}

/** Checks a chosen file before asking for an upload form: its type and size; null when it may be sent. */
export function checkFile(file: { type: string; size: number }, purpose: UploadPurpose): FileProblem | null {
  const rule = UPLOAD_RULES[purpose];
  if (!(rule.types as readonly string[]).includes(file.type)) {
    return { code: "type", accepted: acceptedTypes(purpose).names };
  }
  if (file.size < 1) return { code: "empty" };
  if (file.size > rule.maxBytes) return { code: "size", maxMb: rule.maxBytes / 1024 / 1024 };
  return null;
}

/** "1,2 MB", "830 KB": a file size for people. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${formatDecimal(bytes / 1024 / 1024, 1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "đặc sản, quà Tết , , trà" → ["đặc sản", "quà Tết", "trà"]: tags typed with commas, without repeats. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[,;\n]/)) {
    const tag = raw.trim().replace(/^#/, "").replace(/\s+/g, " ");
    const key = tag.toLowerCase();
    if (tag.length < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push(tag.slice(0, 40));
  }
  return out;
}

/**
 * Where to go after signing in: only a path of this site ("/ban-hang"), never another origin
 * ("//evil.example", "https://…") or the sign-in page itself.
 */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  if (next.startsWith("/dang-nhap")) return undefined;
  return next;
}

/** A storage key as a browser URL: public `media/…` keys are served at `/media/…` (locally and by CloudFront). */
export function mediaUrl(key: string): string {
  if (/^(https?:|blob:|data:|\/)/.test(key)) return key;
  return `/${key}`;
}

/** Whether a (signed) URL or key points at a PDF, judged by its path, not its query string. */
export function isPdf(url: string): boolean {
  return /\.pdf$/i.test(url.split(/[?#]/)[0] ?? "");
}

/** 65.9 → "65,9%" ("65.9%" in English): a share the API gives in percent. */
export function formatShare(percent: number): string {
  return `${formatDecimal(percent, 1)}%`;
}

/** "Đặc sản Tây Bắc" → "dac-san-tay-bac": a collection id from its title (a–z, 0–9 and dashes, at most 40). */
export function slugify(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
