import { describe, expect, it } from "vitest";
import { NOTICE_MAX_LENGTH, NOTICE_PRESETS, noticeAt, noticePresets, noticeText } from "./notice-presets";

describe("safety notice", () => {
  it("offers the herbal warning first for a live of herbal products; every preset fits over the video", () => {
    expect(noticePresets(["duoc-lieu"])[0]).toBe(
      "Sản phẩm không phải là thuốc, không có tác dụng thay thế thuốc chữa bệnh.",
    );
    expect(noticePresets(["do-uong"])[0]).toMatch(/^Đồ uống có cồn/);
    expect(noticePresets([])).toHaveLength(NOTICE_PRESETS.length);
    for (const p of NOTICE_PRESETS) expect(noticeText(p.text)).toBe(p.text);
  });

  it("folds whitespace, refuses nothing and more than 80 characters (as people count them)", () => {
    expect(noticeText("  Không   dùng cho \n trẻ em ")).toBe("Không dùng cho trẻ em");
    expect(noticeText("   ")).toBeNull();
    expect(noticeText("ạ".repeat(NOTICE_MAX_LENGTH))).toHaveLength(NOTICE_MAX_LENGTH);
    expect(noticeText("a".repeat(NOTICE_MAX_LENGTH + 1))).toBeNull();
  });

  it("shows on a replay the notice set last before the moment, nothing before the first or after a clearing", () => {
    const timeline = [
      { atMs: 60_000, text: null },
      { atMs: 5_000, text: "Sản phẩm không phải là thuốc." },
      { atMs: 30_000, text: "Không dùng cho trẻ em." },
    ];
    expect(noticeAt(timeline, 4_999)).toBeNull();
    expect(noticeAt(timeline, 5_000)).toBe("Sản phẩm không phải là thuốc.");
    expect(noticeAt(timeline, 45_000)).toBe("Không dùng cho trẻ em.");
    expect(noticeAt(timeline, 61_000)).toBeNull();
    expect(noticeAt([], 1_000)).toBeNull();
  });
});
