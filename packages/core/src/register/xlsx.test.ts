import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { Xlsx } from "./xlsx";
import { workbook } from "./xlsx.fixture";

describe("reading the first sheet of an Excel workbook", () => {
  it("reads shared and inline strings, numbers, gaps by column letter, and the sheet's row numbers", () => {
    const rows = Xlsx.read(
      workbook(
        [["Tên sản phẩm", "Số sao", null, "Ghi chú"], [{ inline: "Chè <Shan> & tuyết" }, 4, null, "a"], [], [null, 3]],
        { firstRow: 3, sheetPath: "worksheets/ocop.xml" },
      ),
    );
    expect(rows).toEqual([
      { line: 3, cells: ["Tên sản phẩm", "Số sao", "", "Ghi chú"] },
      { line: 4, cells: ["Chè <Shan> & tuyết", "4", "", "a"] },
      { line: 6, cells: ["", "3"] },
    ]);
  });

  it("turns serial dates of a date-formatted cell into dd/mm/yyyy (1900 system) and keeps dates written as text", () => {
    expect(Xlsx.serialToDate(45366)).toBe("15/03/2024");
    expect(Xlsx.serialToDate(1)).toBe("01/01/1900");
    expect(Xlsx.serialToDate(61)).toBe("01/03/1900");
    const [, row] = Xlsx.read(
      workbook([
        ["Ngày cấp", "Ngày hết hạn", "Số"],
        [{ date: 45366 }, "15/03/2027", 45366],
      ]),
    );
    expect(row?.cells).toEqual(["15/03/2024", "15/03/2027", "45366"]);
  });

  it("refuses a file that is not a zip, a broken zip, a zip without a sheet, and a zip bomb, with a clear message", () => {
    const refused = (bytes: Uint8Array) => {
      try {
        Xlsx.read(bytes);
      } catch (e) {
        return (e as { status?: number; message: string }).message;
      }
      return "read";
    };
    expect(refused(strToU8("Tên sản phẩm,Chủ thể\n"))).toMatch(/not a readable Excel workbook/);
    expect(refused(workbook([["a"]]).slice(0, 60))).toMatch(/not a readable Excel workbook/);
    expect(refused(zipSync({ "word/document.xml": strToU8("<w/>") }))).toMatch(/no worksheet/);
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(Xlsx.MAX_BYTES);
    expect(refused(bomb)).toMatch(/unpacks too large/);
  });

  it("refuses a sheet with more rows than the import takes", () => {
    const rows = Array.from({ length: Xlsx.MAX_ROWS + 2 }, (_, i) => [`r${i}`]);
    expect(() => Xlsx.read(workbook(rows))).toThrow(/too many rows/);
  });
});
