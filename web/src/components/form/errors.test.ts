import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { createErrors, fieldLeaf, messageOf } from "./errors";

describe("API errors beside their fields", () => {
  it("takes the named part of an API field", () => {
    expect(fieldLeaf("certificate.decisionNumber")).toBe("decisionNumber");
    expect(fieldLeaf("images.0")).toBe("images");
    expect(fieldLeaf("phone")).toBe("phone");
  });

  it("explains validation errors in the person's language, not the API's technical detail", () => {
    const error = new ApiError(
      400,
      "invalid_input",
      'Dữ liệu không hợp lệ ở trường "taxCode": expected a tax code',
      "taxCode",
    );
    expect(messageOf(error)).toMatch(/^Mã số thuế gồm 10 hoặc 12 chữ số/);
    const unknown = new ApiError(400, "invalid_input", "…", "somethingNew");
    expect(messageOf(unknown)).toBe("Giá trị này chưa hợp lệ. Hãy kiểm tra lại.");
  });

  it("shows other API errors as the API wrote them (already in the asked language)", () => {
    const wrong = new ApiError(400, "wrong_code", "Mã không đúng. Bạn còn 4 lần thử.", "code");
    expect(messageOf(wrong)).toBe("Mã không đúng. Bạn còn 4 lần thử.");
    expect(messageOf(new ApiError(0, "network", "fetch failed"))).toMatch(/Không kết nối được máy chủ/);
  });

  it("puts an error on the form's field, through an alias, or in the general message", () =>
    createRoot((dispose) => {
      const errors = createErrors();
      const score = new ApiError(400, "invalid_input", "…", "certificate.score");
      expect(errors.fromApi(score, ["stars", "score"])).toBe("score");
      expect(errors.of("score")).toBe("Tổng điểm phải nằm trong khung của hạng sao đã chọn.");

      const scan = new ApiError(400, "invalid_upload", "Chưa tải tệp lên xong.", "key");
      expect(errors.fromApi(scan, ["scan"], { key: "scan" })).toBe("scan");
      expect(errors.of("scan")).toBe("Chưa tải tệp lên xong.");

      const state = new ApiError(409, "invalid_status", "Sản phẩm đang bị tạm ngừng.");
      expect(errors.fromApi(state, ["scan"])).toBeUndefined();
      expect(errors.general()).toBe("Sản phẩm đang bị tạm ngừng.");
      expect(errors.any()).toBe(true);
      errors.clear();
      expect(errors.any()).toBe(false);
      dispose();
    }));
});
