import { describe, expect, it } from "vitest";
import { RegistryImport } from "./import";

describe("reading a province's OCOP list", () => {
  it("reads CSV with quotes, embedded separators and line breaks, commas or semicolons", () => {
    expect(RegistryImport.parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
    expect(RegistryImport.parseCsv("a;b\n1;2,5\n\n")).toEqual([
      ["a", "b"],
      ["1", "2,5"],
    ]);
  });

  it("refuses an unclosed quote", () => {
    expect(() => RegistryImport.parseCsv('a,b\n"x,y\n')).toThrow(/quoted/);
  });

  it("reads dates as Vietnam writes them and as ISO, and no impossible date", () => {
    expect(RegistryImport.parseDate("15/03/2024")).toBe("2024-03-15");
    expect(RegistryImport.parseDate("5-3-2024")).toBe("2024-03-05");
    expect(RegistryImport.parseDate("2024-03-15")).toBe("2024-03-15");
    expect(RegistryImport.parseDate("31/02/2024")).toBeUndefined();
    expect(RegistryImport.parseDate("March 2024")).toBeUndefined();
  });

  it("reads stars written 4, 4 sao or 4★, and provinces by name, code or former name", () => {
    expect(["4", "4 sao", "4★", "3 Sao"].map(RegistryImport.parseStars)).toEqual([4, 4, 4, 3]);
    expect(RegistryImport.parseStars("bốn")).toBeUndefined();
    expect(RegistryImport.provinceOf("Sơn La")).toBe("14");
    expect(RegistryImport.provinceOf("tinh son la")).toBe("14");
    expect(RegistryImport.provinceOf("14")).toBe("14");
    expect(RegistryImport.provinceOf("Yên Bái")).toBe("15");
    expect(RegistryImport.provinceOf("Atlantis")).toBeUndefined();
  });

  it("refuses bytes that are not UTF-8 (a file saved in Windows-1258 or TCVN3)", () => {
    expect(() => RegistryImport.decode(new Uint8Array([0x54, 0xea, 0x6e]))).toThrow(/UTF-8/);
    expect(RegistryImport.decode(new TextEncoder().encode("\uFEFFTên"))).toBe("Tên");
  });
});
