import { describe, expect, it } from "vitest";
import { Dossier } from "./index";

describe("a re-recognition dossier (Decision 148: a new registration and a self-assessment of the three years)", () => {
  const last = {
    registration: { productName: "Chè Shan tuyết", subGroup: "1.5.1", workers: 20, localWorkers: 18 },
    businessPlan: { summary: "Bán qua sàn" },
    selfAssessment: { "A1.1": "c" },
    threeYearReview: "cũ",
    evidence: [
      {
        evidenceId: "e1",
        kind: "label-photo" as const,
        criterionIds: ["B1.1"],
        key: "private/dossiers/p/nhan.jpg",
        fileName: "nhan.jpg",
        contentType: "image/jpeg",
        addedAt: "2023-01-01T00:00:00.000Z",
      },
    ],
    renewal: false,
  };

  it("starts from everything the last dossier said, its evidence still attached, and no three-year review", () => {
    const next = Dossier.renewalFrom(last);
    expect(next).toEqual({
      registration: last.registration,
      businessPlan: last.businessPlan,
      selfAssessment: last.selfAssessment,
      evidence: last.evidence,
    });
    expect(next).not.toHaveProperty("threeYearReview");
  });

  it("copies, so editing the renewal leaves the last dossier as it was", () => {
    const next = Dossier.renewalFrom(last);
    next.registration.productName = "Chè mới";
    next.evidence.pop();
    expect(last.registration.productName).toBe("Chè Shan tuyết");
    expect(last.evidence).toHaveLength(1);
  });

  it("opens empty when no earlier dossier is on this platform (a certificate imported or typed in)", () => {
    expect(Dossier.renewalFrom(undefined)).toEqual({
      registration: {},
      businessPlan: {},
      selfAssessment: {},
      evidence: [],
    });
  });

  const renewed = {
    productId: "01hopquagaost25000000000a1",
    productName: "Hộp quà gạo ST25",
    group: "thuc-pham" as const,
  };

  it("names the product whose certificate is renewed, the rest as the last dossier of that product said", () => {
    const ofIt = { ...last, registration: { ...last.registration, productId: renewed.productId } };
    const next = Dossier.renewalFrom(ofIt, renewed);
    expect(next.registration).toEqual({ ...last.registration, ...renewed });
    expect(next.selfAssessment).toEqual(last.selfAssessment);
    expect(next.evidence).toEqual(last.evidence);
  });

  it("keeps only what the producer said of itself when the last dossier was another product's", () => {
    const other = { ...last, registration: { ...last.registration, productId: "01gaost25luatom0000000000a1" } };
    const next = Dossier.renewalFrom(other, renewed);
    expect(next.registration).toEqual({ ...renewed, workers: 20, localWorkers: 18 });
    expect(next.businessPlan).toEqual(last.businessPlan);
    expect(next.selfAssessment).toEqual({});
    expect(next.evidence).toEqual([]);
  });

  it("names the product even when no earlier dossier is on this platform", () => {
    expect(Dossier.renewalFrom(undefined, renewed).registration).toEqual(renewed);
  });
});
