import { describe, expect, it } from "vitest";
import { addTag, cleanTag, finishTag, removeLastTag, TAG_LIMITS, typeTags } from "./tags";

describe("typing tags", () => {
  it("keeps every keystroke in the field until a separator", () => {
    let edit = typeTags([], "đ");
    expect(edit).toEqual({ tags: [], draft: "đ" });
    edit = typeTags(edit.tags, "đặc sả");
    expect(edit).toEqual({ tags: [], draft: "đặc sả" });
  });

  it("makes a chip at a comma, a semicolon or a full-width comma, and keeps what follows", () => {
    expect(typeTags([], "đặc sản,")).toEqual({ tags: ["đặc sản"], draft: "" });
    expect(typeTags(["đặc sản"], "quà Tết; trà")).toEqual({ tags: ["đặc sản", "quà Tết"], draft: "trà" });
    expect(typeTags([], "mật ong，")).toEqual({ tags: ["mật ong"], draft: "" });
  });

  it("takes a pasted list at once, dropping repeats and empty parts", () => {
    expect(typeTags(["Trà"], "đặc sản, quà Tết , , #trà, Mộc Châu")).toEqual({
      tags: ["Trà", "đặc sản", "quà Tết"],
      draft: "Mộc Châu",
      problem: "duplicate",
    });
  });

  it("leaves a tag that cannot be a chip in the field, with the reason", () => {
    expect(typeTags([], "x, trà")).toEqual({ tags: [], draft: "x, trà", problem: "short" });
    const long = "a".repeat(TAG_LIMITS.max + 1);
    expect(finishTag([], long)).toEqual({ tags: [], draft: long, problem: "long" });
    const ten = Array.from({ length: TAG_LIMITS.count }, (_, i) => `tag ${i}`);
    expect(finishTag(ten, "một nữa")).toEqual({ tags: ten, draft: "một nữa", problem: "full" });
  });

  it("finishes the tag being typed on Enter, and says when it is a repeat", () => {
    expect(finishTag(["trà"], "  quà   Tết ")).toEqual({ tags: ["trà", "quà Tết"], draft: "" });
    expect(finishTag(["Quà Tết"], "quà tết")).toEqual({ tags: ["Quà Tết"], draft: "", problem: "duplicate" });
    expect(finishTag(["trà"], "   ")).toEqual({ tags: ["trà"], draft: "" });
  });

  it("cleans a tag and takes the last chip away on backspace", () => {
    expect(cleanTag(" ##nước   mắm ")).toBe("nước mắm");
    expect(addTag([], "#Phú Quốc").tags).toEqual(["Phú Quốc"]);
    expect(removeLastTag(["a1", "b2"])).toEqual(["a1"]);
    expect(removeLastTag([])).toEqual([]);
  });
});
