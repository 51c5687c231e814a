import { describe, expect, it } from "vitest";
import { requiredEvidence } from "./evidence";
import { completion, Draft, missing, type SheetCriteria } from "./form";

const sheet: SheetCriteria = {
  sheetId: "gao-ngu-coc@1",
  criteria: [
    { id: "A1.1", options: [{ id: "a" }, { id: "b" }, { id: "c" }] },
    { id: "C1.1", options: [{ id: "a" }, { id: "b" }] },
  ],
};

const complete = {
  registration: {
    productName: "Gạo séng cù Mường Lò",
    group: "thuc-pham" as const,
    subGroup: "1.1.2",
    representative: "Lò Văn Hùng",
    phone: "0912000101",
    rawMaterialOrigin: "Lúa séng cù của 40 hộ trong xã",
    workers: 12,
    localWorkers: 10,
  },
  businessPlan: { summary: "Mở rộng 20 ha, bán qua sàn và siêu thị" },
  selfAssessment: { "A1.1": "c", "C1.1": "b" },
  evidence: [
    { kind: "food-safety" as const },
    { kind: "test-report" as const },
    { kind: "product-story" as const },
    { kind: "label-photo" as const },
  ],
};

describe("what a dossier lacks before it is submitted", () => {
  it("lacks nothing when every part is there", () => {
    expect(missing(complete, sheet)).toEqual([]);
    expect(completion(complete, sheet)).toBe(100);
  });

  it("names every gap of an empty draft, the sub-group first among the form's", () => {
    const gaps = missing({ registration: {}, businessPlan: {}, selfAssessment: {}, evidence: [] }, undefined);
    expect(gaps.map((g) => g.field)).toEqual([
      "registration.group",
      "registration.subGroup",
      "registration.productName",
      "registration.representative",
      "registration.phone",
      "registration.rawMaterialOrigin",
      "registration.workers",
      "registration.localWorkers",
      "businessPlan.summary",
    ]);
    expect(gaps[1]?.vi).toBe("Chọn phân nhóm sản phẩm");
  });

  it("asks for an option of the sheet for every criterion, and refuses an option the criterion does not have", () => {
    const gaps = missing({ ...complete, selfAssessment: { "A1.1": "z" } }, sheet).map((g) => g.field);
    expect(gaps).toEqual(["selfAssessment.A1.1", "selfAssessment.C1.1"]);
  });

  it("asks a food product for its food-safety certificate and test report, a handicraft not", () => {
    expect(requiredEvidence("thuc-pham")).toEqual(["food-safety", "test-report", "product-story", "label-photo"]);
    expect(requiredEvidence("thu-cong-my-nghe")).toEqual(["product-story", "label-photo"]);
    const gaps = missing({ ...complete, evidence: [{ kind: "label-photo" }] }, sheet).map((g) => g.field);
    expect(gaps).toEqual(["evidence.food-safety", "evidence.test-report", "evidence.product-story"]);
  });

  it("asks a renewal for its self-assessment of the three years", () => {
    expect(missing({ ...complete, renewal: true }, sheet).map((g) => g.field)).toEqual(["threeYearReview"]);
    expect(missing({ ...complete, renewal: true, threeYearReview: "Doanh thu tăng 30%" }, sheet)).toEqual([]);
  });

  it("counts the share done for the progress bar", () => {
    const half = { ...complete, selfAssessment: {}, businessPlan: {} };
    // 15 items (6 of the form, the group, the sub-group, the plan, 2 criteria, 4 kinds of evidence), 3 missing.
    expect(completion(half, sheet)).toBe(80);
  });
});

describe("a draft as typed", () => {
  it("accepts an empty draft: autosave keeps what is there", () => {
    expect(Draft.parse({})).toEqual({ registration: {}, businessPlan: {}, selfAssessment: {} });
  });

  it("refuses more local workers than workers, a bad phone and a sub-group code that is not one", () => {
    const bad = (registration: object) => Draft.safeParse({ registration }).error?.issues[0]?.path.join(".");
    expect(bad({ workers: 5, localWorkers: 6 })).toBe("registration.localWorkers");
    expect(bad({ phone: "12345" })).toBe("registration.phone");
    expect(bad({ subGroup: "rice" })).toBe("registration.subGroup");
  });
});
