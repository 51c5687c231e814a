import { describe, expect, it } from "vitest";
import { GROUP_IDS } from "../group";
import { DomainError } from "../util/error";
import { LABEL_RULES, Label, labelLines, missingLabel, requireLabel } from "./label";

const foodLabel = {
  ingredients: "Mật ong hoa cà phê 100%",
  netContent: "500 g",
  dates: "In trên nắp hũ, theo lô",
  shelfLife: "24 tháng kể từ ngày sản xuất",
  storage: "Nơi khô ráo, tránh ánh nắng",
  foodSafetyCertificate: "123/2025/ATTP-CNĐK",
};

describe("product label", () => {
  it("asks every group by a rule, and food and drink for the six things the law names", () => {
    expect(Object.keys(LABEL_RULES).sort()).toEqual([...GROUP_IDS].sort());
    for (const group of ["thuc-pham", "do-uong"] as const) {
      expect(missingLabel(group, undefined)).toEqual([
        "ingredients",
        "netContent",
        "dates",
        "shelfLife",
        "storage",
        "foodSafetyCertificate",
      ]);
      expect(missingLabel(group, foodLabel)).toEqual([]);
    }
  });

  it("asks fewer of non-food groups, nothing of tourism services", () => {
    expect(missingLabel("thu-cong-my-nghe", {})).toEqual(["material"]);
    expect(missingLabel("duoc-lieu", foodLabel)).toEqual(["usage"]);
    expect(missingLabel("du-lich", {})).toEqual([]);
  });

  it("takes blank text as missing", () => {
    expect(missingLabel("thuc-pham", { ...foodLabel, storage: "   " })).toEqual(["storage"]);
  });

  it("refuses a food label with what it lacks named, in Vietnamese and English", () => {
    const { foodSafetyCertificate: _, ...withoutCert } = foodLabel;
    try {
      requireLabel("thuc-pham", withoutCert);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).field).toBe("label.foodSafetyCertificate");
      expect((err as DomainError).messages.vi).toContain("Giấy chứng nhận ATTP");
    }
    expect(() => requireLabel("thuc-pham", foodLabel)).not.toThrow();
  });

  it("shows the group's filled fields in the form's order, and no other group's", () => {
    const lines = labelLines("thu-cong-my-nghe", { ...foodLabel, material: "Cói Kim Sơn", usage: "" });
    expect(lines).toEqual([
      { field: "material", text: "Cói Kim Sơn" },
      { field: "storage", text: "Nơi khô ráo, tránh ánh nắng" },
    ]);
  });

  it("trims and bounds what a seller types", () => {
    expect(Label.parse({ netContent: "  200 g " }).netContent).toBe("200 g");
    expect(Label.safeParse({ netContent: "x".repeat(61) }).success).toBe(false);
  });
});
