import { strToU8, zipSync } from "fflate";

/** A test workbook written from XML strings, so tests carry no binary fixtures. */
export type FixtureCell = string | number | { date: number } | { inline: string } | null;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const letters = (i: number): string =>
  (i < 26 ? "" : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));

/** Rows of cells (null leaves a gap: the cell is not written, as Excel does); `firstRow` shifts the sheet down. */
export function workbook(rows: FixtureCell[][], options: { firstRow?: number; sheetPath?: string } = {}): Uint8Array {
  const shared: string[] = [];
  const sheetPath = options.sheetPath ?? "worksheets/sheet1.xml";
  const body = rows
    .map((cells, r) => {
      const n = r + (options.firstRow ?? 1);
      const xml = cells
        .map((cell, c) => {
          const ref = `${letters(c)}${n}`;
          if (cell === null) return "";
          if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
          if (typeof cell === "object" && "date" in cell) return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
          if (typeof cell === "object") return `<c r="${ref}" t="inlineStr"><is><t>${esc(cell.inline)}</t></is></c>`;
          shared.push(cell);
          return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
        })
        .join("");
      return `<row r="${n}">${xml}</row>`;
    })
    .join("");
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types/>'),
    "xl/workbook.xml": strToU8(
      '<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="OCOP" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="worksheet" Target="${sheetPath}"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      '<?xml version="1.0"?><styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ),
    "xl/sharedStrings.xml": strToU8(
      `<?xml version="1.0"?><sst>${shared.map((s) => `<si><t>${esc(s)}</t></si>`).join("")}</sst>`,
    ),
    [`xl/${sheetPath}`]: strToU8(`<?xml version="1.0"?><worksheet><sheetData>${body}</sheetData></worksheet>`),
  });
}
