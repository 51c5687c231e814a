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
});
