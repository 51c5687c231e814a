import { unzipSync } from "fflate";
import { DomainError } from "../util/error";

/**
 * The first sheet of an Excel workbook (.xlsx) as rows of text, each with its row number in the sheet. An .xlsx is
 * a zip of XML parts; only the few parts that hold the first sheet's cells are unpacked, and only up to a bound,
 * so a zip bomb or an oversized sheet is refused before it is read. Cells with a date format, stored as serial
 * numbers, come out as dd/mm/yyyy, the way a Vietnamese sheet shows them.
 */
export namespace Xlsx {
  /** The file as uploaded. */
  export const MAX_BYTES = 1024 * 1024;
  /** The parts read, unpacked, added up. */
  export const MAX_UNPACKED = 16 * 1024 * 1024;
  export const MAX_ROWS = 5000;

  export interface SheetRow {
    /** The row's number in the sheet (1 for its first row). */
    line: number;
    cells: string[];
  }

  const fileError = (vi: string, en: string) => new DomainError(400, "invalid_file", { vi, en });
  const notXlsx = () =>
    fileError(
      "Tệp không phải là bảng tính Excel (.xlsx) đọc được. Hãy mở lại trong Excel và lưu dưới dạng .xlsx hoặc “CSV UTF-8”.",
      "The file is not a readable Excel workbook (.xlsx). Open it in Excel and save it as .xlsx or “CSV UTF-8”.",
    );

  const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  export function unescapeXml(text: string) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (ENTITIES[e.toLowerCase()] ?? ""),
    );
  }

  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  /** The text of every <t> inside a string item (rich text keeps its runs in several). */
  const textOf = (xml: string) =>
    [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((m) => unescapeXml(m[1] ?? "")).join("");

  /** "C12" → 2 (zero-based column). */
  export function columnIndex(ref: string): number | undefined {
    const letters = ref.match(/^([A-Z]{1,3})\d*$/i)?.[1]?.toUpperCase();
    if (!letters) return undefined;
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }

  /** Excel's 1900 date system, with its phantom 29 February 1900 (serial 60). */
  export function serialToDate(serial: number): string | undefined {
    if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
    const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
    const d = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
    const two = (n: number) => String(n).padStart(2, "0");
    return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  }

  /** Built-in date formats (14–22, 27–36 and 50–58 in East Asian locales, 45–47) or a custom code with d, m or y. */
  function dateStyles(styles: string | undefined): Set<number> {
    const dates = new Set<number>();
    if (!styles) return dates;
    const custom = new Map<number, string>();
    for (const m of styles.matchAll(/<numFmt\s[^>]*>/g)) {
      custom.set(Number(attr(m[0], "numFmtId")), unescapeXml(attr(m[0], "formatCode") ?? ""));
    }
    const isDate = (id: number) => {
      if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
        return true;
      const code = custom.get(id)?.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
      return !!code && /[dy]/i.test(code);
    };
    const xfs = styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? "";
    [...xfs.matchAll(/<xf\s[^>]*?\/?>/g)].forEach((m, i) => {
      if (isDate(Number(attr(m[0], "numFmtId") ?? 0))) dates.add(i);
    });
    return dates;
  }

  function unpack(bytes: Uint8Array): Record<string, Uint8Array> {
    if (bytes.length > MAX_BYTES) {
      throw fileError("Tệp quá lớn: tối đa 1 MB.", "The file is too large: at most 1 MB.");
    }
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notXlsx();
    let declared = 0;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, {
        filter: (f) => {
          const wanted =
            f.name === "xl/workbook.xml" ||
            f.name === "xl/_rels/workbook.xml.rels" ||
            f.name === "xl/sharedStrings.xml" ||
            f.name === "xl/styles.xml" ||
            f.name.startsWith("xl/worksheets/");
          if (wanted && !f.name.startsWith("xl/worksheets/_rels")) declared += f.originalSize;
          return wanted;
        },
      });
    } catch {
      throw notXlsx();
    }
    const unpacked = Object.values(files).reduce((n, f) => n + f.length, 0);
    if (declared > MAX_UNPACKED || unpacked > MAX_UNPACKED) {
      throw fileError(
        "Bảng tính giải nén ra quá lớn (tối đa 16 MB); hãy chia thành nhiều tệp.",
        "The workbook unpacks too large (at most 16 MB); split it into several files.",
      );
    }
    return files;
  }

  /** The first sheet's part: the workbook's first <sheet>, through its relationship; sheet1.xml if those are absent. */
  function firstSheetPath(files: Record<string, Uint8Array>, text: (name: string) => string | undefined) {
    const workbook = text("xl/workbook.xml");
    const rels = text("xl/_rels/workbook.xml.rels");
    const sheet = workbook?.match(/<(?:\w+:)?sheet\s[^>]*>/)?.[0];
    const rid = sheet?.match(/\s(?:\w+:)?id="([^"]*)"/)?.[1];
    const target = rid
      ? [...(rels?.matchAll(/<Relationship\s[^>]*>/g) ?? [])].map((m) => m[0]).find((r) => attr(r, "Id") === rid)
      : undefined;
    const to = target && attr(target, "Target");
    const path = to ? (to.startsWith("/") ? to.slice(1) : `xl/${to.replace(/^\.\//, "")}`) : undefined;
    if (path && files[path]) return path;
    if (files["xl/worksheets/sheet1.xml"]) return "xl/worksheets/sheet1.xml";
    throw fileError("Tệp Excel không có trang tính nào đọc được.", "The Excel file has no worksheet that can be read.");
  }

  export function read(bytes: Uint8Array): SheetRow[] {
    const files = unpack(bytes);
    const decoder = new TextDecoder("utf-8");
    const text = (name: string) => {
      const f = files[name];
      return f ? decoder.decode(f) : undefined;
    };
    const sheet = text(firstSheetPath(files, text)) ?? "";
    const shared = [...(text("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
      textOf(m[1] ?? ""),
    );
    const dates = dateStyles(text("xl/styles.xml"));

    const rows: SheetRow[] = [];
    let previous = 0;
    for (const r of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const line = Number(attr(r[0].slice(0, r[0].indexOf(">") + 1), "r") ?? previous + 1);
      previous = line;
      const cells: string[] = [];
      let column = 0;
      for (const c of (r[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const open = `<c${c[1]}>`;
        const ref = attr(open, "r");
        column = (ref ? columnIndex(ref) : undefined) ?? column;
        const inner = c[2] ?? "";
        const type = attr(open, "t") ?? "n";
        const v = inner.match(/<v>([\s\S]*?)<\/v>/)?.[1];
        let value = "";
        if (type === "s") value = shared[Number(v)] ?? "";
        else if (type === "inlineStr") value = textOf(inner.match(/<is>([\s\S]*?)<\/is>/)?.[1] ?? "");
        else if (type === "b") value = v === "1" ? "TRUE" : v === "0" ? "FALSE" : "";
        else if (v !== undefined) {
          value = unescapeXml(v);
          if (type === "n" && dates.has(Number(attr(open, "s") ?? -1))) value = serialToDate(Number(v)) ?? value;
        }
        cells[column] = value;
        column++;
      }
      const filled = Array.from(cells, (c) => c ?? "");
      if (filled.some((c) => c.trim() !== "")) {
        rows.push({ line, cells: filled });
        if (rows.length > MAX_ROWS + 1) {
          throw fileError(
            `Bảng tính có quá nhiều dòng: tối đa ${MAX_ROWS}.`,
            `The sheet has too many rows: at most ${MAX_ROWS}.`,
          );
        }
      }
    }
    return rows;
  }
}
