import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireStaff } from "../account/actor";
import { Audit, AuditEntity } from "../audit";
import { Certificate, CertificateEntity, CertificateNumberEntity } from "../certificate/index";
import { recordIdOf, UnclaimedProducerEntity } from "../claim/entities";
import { lazyClient, tableName } from "../db/client";
import { serviceOnFirstUse } from "../db/on-first-use";
import { PROVINCES, province } from "../geo/province";
import { IsoDate } from "../util/date";
import { DomainError } from "../util/error";
import { fold } from "../util/fold";
import { VnMobile } from "../util/phone";
import { IMPORT_FIELDS, type ImportField } from "./import-fields";
import { Xlsx } from "./xlsx";

const ImportService = serviceOnFirstUse(
  {
    certificate: CertificateEntity,
    certificateNumber: CertificateNumberEntity,
    unclaimed: UnclaimedProducerEntity,
    audit: AuditEntity,
  },
  { client: lazyClient, table: tableName() },
);

/**
 * A province's existing OCOP list brought into the register from a spreadsheet, as CSV (UTF-8) or the first sheet
 * of an Excel workbook (.xlsx), with the
 * columns the national system publishes (product name, producer, province, stars, certificate number, issued on,
 * expiry date) or any others mapped onto them. All or nothing: a file with a row that cannot be read writes nothing
 * and names every such row; a row whose number is already in the register is left as it is, so a re-import
 * changes nothing.
 */
export namespace RegistryImport {
  export const FIELDS = IMPORT_FIELDS;
  export type Field = ImportField;
  const REQUIRED: Field[] = ["productName", "producerName", "province", "stars", "number", "issuedOn", "expiresOn"];

  /** Headers as provinces and the national system write them, folded (no accents, lower case). */
  const HEADERS: Record<Field, string[]> = {
    productName: ["ten san pham", "san pham", "product name", "product", "ten"],
    producerName: ["chu the", "ten chu the", "chu the ocop", "co so san xuat", "producer", "manufacturer"],
    province: ["tinh", "tinh/thanh pho", "tinh thanh pho", "dia phuong", "province"],
    stars: ["so sao", "hang sao", "xep hang", "sao", "stars", "ocop star", "ocop_star"],
    number: [
      "so giay chung nhan",
      "so gcn",
      "so chung nhan",
      "ma chung nhan",
      "certificate number",
      "ocop_certificate_number",
    ],
    issuedOn: ["ngay cap", "ngay cong nhan", "ngay quyet dinh", "issued on", "issued_on"],
    expiresOn: ["ngay het han", "han hieu luc", "hieu luc den", "expiry date", "expiry_date"],
    decisionNumber: ["so quyet dinh", "quyet dinh", "decision number"],
    issuer: ["co quan cap", "don vi cap", "issuer"],
    phone: ["so dien thoai", "dien thoai", "sdt", "so dt", "dien thoai lien he", "phone"],
  };

  export const Input = z
    .object({
      /** The spreadsheet saved as CSV (comma or semicolon separated). */
      csv: z.string().min(1, "the file is empty").max(60_000).optional(),
      /** Or an Excel workbook (.xlsx), base64: its first sheet is read. */
      xlsx: z
        .string()
        .min(1, "the file is empty")
        .max(Math.ceil(Xlsx.MAX_BYTES / 3) * 4, "the file is too large: at most 1 MB")
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, "not base64")
        .optional(),
      /** For other layouts: the file's header for each field. */
      mapping: z.partialRecord(z.enum(FIELDS), z.string().trim().min(1).max(100)).optional(),
      /** false: only read the file and show what it would do. */
      commit: z.boolean().default(false),
    })
    .refine((i) => (i.csv === undefined) !== (i.xlsx === undefined), {
      message: "send either csv or xlsx",
      path: ["csv"],
    });

  export interface Row {
    productName: string;
    producerName: string;
    provinceCode: string;
    stars: number;
    number: string;
    issuedOn: string;
    expiresOn: string;
    decisionNumber: string;
    issuer: string;
    /** The producer's phone when the list gives one: signing in with it lets the producer claim its record at once. */
    phone?: string;
  }

  export interface Report {
    /** Rows the file holds (its header not counted). Lines are the CSV's lines, or the sheet's row numbers. */
    rows: number;
    /** Each row that cannot be read: its line in the file and what is wrong. */
    failed: Array<{ line: number; errors: string[] }>;
    /** Rows that would be (or were) added; rows already in the register. */
    added: Array<Row & { line: number }>;
    unchanged: Array<{ line: number; number: string }>;
    /** Which header was read for each field: for a file whose layout is not known, the suggestion to map from. */
    columns: Partial<Record<Field, string>>;
    /** The file's header cells, and the required fields none of them was read as: the mapping step's choices. */
    headers: string[];
    missingColumns: Field[];
    committed: boolean;
  }

  /** The province's People's Committee, which signs its 3★/4★ decisions: "UBND tỉnh Sơn La", "UBND Thành phố Hà Nội". */
  function provinceCommittee(code: string) {
    const name = province(code)?.name ?? "";
    return `UBND ${name.startsWith("Thành phố") ? name : `tỉnh ${name}`}`;
  }

  const fileError = (vi: string, en: string) => new DomainError(400, "invalid_file", { vi, en });

  /** RFC 4180: quoted cells may hold the separator, quotes ("") and line breaks. */
  export function parseCsv(text: string): string[][] {
    const firstLine = text.slice(0, text.search(/\r?\n|$/));
    const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell === "") quoted = true;
      else if (ch === separator) {
        row.push(cell);
        cell = "";
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(cell);
        rows.push(row);
        row = [];
        cell = "";
      } else cell += ch;
    }
    if (quoted) throw fileError("Tệp có một ô mở ngoặc kép không đóng.", "The file has an unclosed quoted cell.");
    if (cell !== "" || row.length) {
      row.push(cell);
      rows.push(row);
    }
    return rows.filter((r) => r.some((c) => c.trim() !== ""));
  }

  /** A date as written in Vietnam (15/03/2024, 15-03-2024) or ISO (2024-03-15). */
  export function parseDate(value: string): string | undefined {
    const v = value.trim();
    const vn = v.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
    const iso = vn ? `${vn[3]}-${vn[2]?.padStart(2, "0")}-${vn[1]?.padStart(2, "0")}` : v;
    return IsoDate.safeParse(iso).success ? iso : undefined;
  }

  export function parseStars(value: string): number | undefined {
    const m = value.trim().match(/^([1-5])\s*(sao|★|\*|stars?)?$/i);
    return m ? Number(m[1]) : undefined;
  }

  export function provinceOf(value: string): string | undefined {
    const v = fold(value.trim()).replace(/^(tinh|thanh pho|tp\.?)\s+/, "");
    const byCode = PROVINCES.find((p) => p.code === value.trim().padStart(2, "0"));
    if (byCode) return byCode.code;
    return PROVINCES.find(
      (p) => fold(p.short) === v || fold(p.name) === fold(value.trim()) || p.formerly.some((f) => fold(f) === v),
    )?.code;
  }

  function columnsOf(header: string[], mapping: Partial<Record<Field, string>> | undefined) {
    const folded = header.map((h) => fold(h.trim()));
    const index: Partial<Record<Field, number>> = {};
    const columns: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const wanted = mapping?.[field];
      if (wanted && !folded.includes(fold(wanted))) {
        throw new DomainError(
          400,
          "unknown_column",
          {
            vi: `Tệp không có cột “${wanted}” (ghép cho ${field}).`,
            en: `The file has no column “${wanted}” (mapped to ${field}).`,
          },
          `mapping.${field}`,
        );
      }
      const at = wanted ? folded.indexOf(fold(wanted)) : folded.findIndex((h) => HEADERS[field].includes(h));
      if (at >= 0) {
        index[field] = at;
        columns[field] = header[at]?.trim();
      }
    }
    const missing = REQUIRED.filter((f) => index[f] === undefined);
    return { index, columns, missing };
  }

  function requireColumns(missing: Field[]) {
    if (missing.length) {
      throw new DomainError(400, "missing_columns", {
        vi: `Tệp thiếu cột: ${missing.join(", ")}. Hãy chọn cột tương ứng ở bước ghép cột.`,
        en: `The file lacks the columns: ${missing.join(", ")}. Map them to the file's headers.`,
      });
    }
  }

  /** Text from a file's bytes: UTF-8 only (with or without its BOM); anything else is refused as a whole. */
  export function decode(bytes: Uint8Array): string {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      throw fileError(
        "Tệp không phải UTF-8. Trong Excel hãy lưu dưới dạng “CSV UTF-8”.",
        "The file is not UTF-8. In Excel, save it as “CSV UTF-8”.",
      );
    }
  }

  /** The CSV's rows, numbered as lines of the file (its header is line 1). */
  function readCsv(csv: string): Xlsx.SheetRow[] {
    if (csv.includes("\uFFFD")) {
      throw fileError(
        "Tệp có ký tự không đọc được (sai bảng mã). Hãy lưu dưới dạng “CSV UTF-8”.",
        "The file has unreadable characters (a wrong encoding). Save it as “CSV UTF-8”.",
      );
    }
    return parseCsv(csv.replace(/^\uFEFF/, "")).map((cells, i) => ({ line: i + 1, cells }));
  }

  /**
   * Reads the file and, when asked and every row is readable, writes what is new. Province staff import their
   * province's 3★ and 4★; a row outside the caller's scope is a row that fails.
   */
  export async function run(actor: Actor, input: z.input<typeof Input>): Promise<Report> {
    if (actor.kind !== "system") requireStaff(actor);
    const { csv, xlsx, mapping, commit } = Input.parse(input);
    const [head, ...body] = xlsx !== undefined ? Xlsx.read(Buffer.from(xlsx, "base64")) : readCsv(csv ?? "");
    const header = head?.cells;
    if (!header || body.length === 0) throw fileError("Tệp không có dòng dữ liệu nào.", "The file has no data rows.");
    const { index, columns, missing } = columnsOf(header, mapping);
    const headers = header.map((h) => h.trim()).filter(Boolean);
    if (missing.length && !commit) {
      return {
        rows: body.length,
        failed: [],
        added: [],
        unchanged: [],
        columns,
        headers,
        missingColumns: missing,
        committed: false,
      };
    }
    requireColumns(missing);
    const staffScope = actor.kind === "user" ? actor.user.staffScope : "central";

    const failed: Report["failed"] = [];
    const rows: Array<Row & { line: number }> = [];
    const seen = new Map<string, number>();
    body.forEach(({ line, cells }) => {
      const cell = (f: Field) => (index[f] === undefined ? "" : (cells[index[f] as number] ?? "").trim());
      const errors: string[] = [];
      const productName = cell("productName");
      const producerName = cell("producerName");
      if (productName.length < 2) errors.push("productName: missing");
      if (producerName.length < 2) errors.push("producerName: missing");
      const provinceCode = provinceOf(cell("province"));
      if (!provinceCode) errors.push(`province: “${cell("province")}” is not one of the 34 provinces`);
      const stars = parseStars(cell("stars"));
      if (!stars || stars < 3) errors.push(`stars: “${cell("stars")}” is not 3, 4 or 5`);
      const number = Certificate.RegistryNumber.safeParse(cell("number"));
      if (!number.success) errors.push(`number: “${cell("number")}” is not a certificate number`);
      else if (seen.has(number.data)) errors.push(`number: ${number.data} is also on line ${seen.get(number.data)}`);
      else seen.set(number.data, line);
      const issuedOn = parseDate(cell("issuedOn"));
      if (!issuedOn) errors.push(`issuedOn: “${cell("issuedOn")}” is not a date`);
      const expiresOn = parseDate(cell("expiresOn"));
      if (!expiresOn) errors.push(`expiresOn: “${cell("expiresOn")}” is not a date`);
      else if (issuedOn && expiresOn <= issuedOn) errors.push("expiresOn: before the issue date");
      const phone = cell("phone") ? VnMobile.safeParse(cell("phone")) : undefined;
      if (phone && !phone.success) errors.push(`phone: “${cell("phone")}” is not a Vietnamese mobile number`);
      if (provinceCode && stars && staffScope !== "central") {
        if (staffScope !== provinceCode) errors.push("province: outside your province");
        else if (stars >= 5) errors.push("stars: 5★ certificates are imported by central staff");
      }
      if (errors.length || !provinceCode || !stars || !number.success || !issuedOn || !expiresOn) {
        failed.push({ line, errors });
        return;
      }
      const level = Certificate.levelFor(stars);
      rows.push({
        line,
        productName,
        producerName,
        provinceCode,
        stars,
        number: number.data,
        issuedOn,
        expiresOn,
        decisionNumber: cell("decisionNumber"),
        issuer:
          cell("issuer") || (level === "central" ? "Bộ Nông nghiệp và Môi trường" : provinceCommittee(provinceCode)),
        ...(phone?.success ? { phone: phone.data } : {}),
      });
    });

    const existing = await Promise.all(rows.map((r) => CertificateNumberEntity.get({ number: r.number }).go()));
    const added = rows.filter((_, i) => !existing[i]?.data);
    const unchanged = rows.filter((_, i) => existing[i]?.data).map((r) => ({ line: r.line, number: r.number }));
    const report: Report = {
      rows: body.length,
      failed,
      added,
      unchanged,
      columns,
      headers,
      missingColumns: [],
      committed: false,
    };
    if (!commit || failed.length) return report;

    const now = new Date().toISOString();
    const recordIds = [...new Set(added.map((r) => recordIdOf(r.provinceCode, r.producerName)))];
    const claimed = new Map<string, string>();
    if (recordIds.length) {
      const { data: records } = await UnclaimedProducerEntity.get(recordIds.map((recordId) => ({ recordId }))).go();
      for (const r of records) if (r.state === "granted" && r.producerId) claimed.set(r.recordId, r.producerId);
    }
    // 24 rows a transaction (two items each, their producers' records, the audit): each number is claimed with its
    // certificate, and every certificate is in its producer's record from the start.
    for (let i = 0; i < added.length; i += 24) {
      const chunk = added.slice(i, i + 24);
      const byRecord = new Map<string, Array<Row & { line: number }>>();
      for (const r of chunk) {
        const id = recordIdOf(r.provinceCode, r.producerName);
        byRecord.set(id, [...(byRecord.get(id) ?? []), r]);
      }
      const result = await ImportService.transaction
        .write((tx) => [
          ...[...byRecord].map(([recordId, rows]) => {
            const first = rows[0] as Row;
            const phone = rows.find((r) => r.phone)?.phone;
            return tx.unclaimed
              .upsert({ recordId, provinceCode: first.provinceCode, updatedAt: now })
              .ifNotExists({ name: first.producerName, state: "open", createdAt: now, ...(phone ? { phone } : {}) })
              .add({ numbers: rows.map((r) => r.number), products: rows.map((r) => r.productName) })
              .commit();
          }),
          ...chunk.flatMap((r) => {
            const certificateId = ulid().toLowerCase();
            const producerId = claimed.get(recordIdOf(r.provinceCode, r.producerName));
            const productId = `import-${r.number}`;
            return [
              tx.certificate
                .create({
                  certificateId,
                  productId,
                  stars: r.stars,
                  decisionNumber: r.decisionNumber,
                  decisionDate: r.issuedOn,
                  issuer: r.issuer,
                  level: Certificate.levelFor(r.stars),
                  validUntil: r.expiresOn,
                  status: "approved",
                  createdAt: now,
                  number: r.number,
                  feed: "registry",
                  expiresOn: r.expiresOn,
                  source: "import",
                  productName: r.productName,
                  producerName: r.producerName,
                  provinceCode: r.provinceCode,
                  changedAt: now,
                  ...(producerId ? { producerId } : {}),
                })
                .commit(),
              tx.certificateNumber.create({ number: r.number, productId, certificateId }).commit(),
            ];
          }),
          tx.audit
            .create(
              Audit.entry(
                actor,
                "import-certificates",
                { type: "certificate-import", id: chunk[0]?.number ?? "" },
                null,
                { numbers: chunk.map((r) => r.number) },
              ),
            )
            .commit(),
        ])
        .go();
      if (result.canceled) {
        throw new DomainError(409, "conflict", {
          vi: "Một số giấy chứng nhận vừa được thêm ở nơi khác; hãy nhập lại (các dòng đã có sẽ được giữ nguyên).",
          en: "Some certificates were just added elsewhere; import again (rows already there are left as they are).",
        });
      }
    }
    return { ...report, committed: true };
  }
}
