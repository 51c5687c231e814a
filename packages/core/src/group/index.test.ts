import { describe, expect, it } from "vitest";
import { GROUP_IDS, isBoxable } from "./index";

describe("which OCOP groups a gift box can hold", () => {
  it("holds food, beverages, herbal products and handicrafts", () => {
    for (const group of ["thuc-pham", "do-uong", "duoc-lieu", "thu-cong-my-nghe"] as const) {
      expect(isBoxable(group), group).toBe(true);
    }
  });

  it("never holds ornamental plants and animals or tourism services", () => {
    expect(isBoxable("sinh-vat-canh")).toBe(false);
    expect(isBoxable("du-lich")).toBe(false);
  });

  it("decides for each of the six groups", () => {
    expect(GROUP_IDS).toHaveLength(6);
    expect(GROUP_IDS.filter(isBoxable)).toHaveLength(4);
  });
});
