import { describe, expect, it } from "vitest";
import { DossierLifecycle, mayMove, movesFor } from "./lifecycle";

describe("a dossier's way through the evaluation (Decision 1489/QĐ-TTg)", () => {
  it("goes producer → commune → province → central → decision", () => {
    expect(mayMove("producer", "draft", "commune_check")).toBe(true);
    expect(mayMove("commune", "commune_check", "province_council")).toBe(true);
    expect(mayMove("province", "province_council", "central_council")).toBe(true);
    expect(mayMove("central", "central_council", "decided")).toBe(true);
  });

  it("lets the province decide 3★ and 4★ without the central level", () => {
    expect(mayMove("province", "province_council", "decided")).toBe(true);
    expect(mayMove("province", "central_council", "decided")).toBe(false);
  });

  it("lets each level return it, and only the producer reopen it", () => {
    expect(movesFor("commune", "commune_check")).toEqual(["province_council", "returned"]);
    expect(movesFor("province", "province_council")).toContain("returned");
    expect(movesFor("central", "central_council")).toContain("returned");
    expect(movesFor("producer", "returned")).toEqual(["draft"]);
    expect(movesFor("commune", "returned")).toEqual([]);
  });

  it("keeps each party to its own step", () => {
    expect(mayMove("producer", "commune_check", "province_council")).toBe(false);
    expect(mayMove("commune", "draft", "commune_check")).toBe(false);
    expect(mayMove("commune", "province_council", "decided")).toBe(false);
    expect(mayMove("province", "commune_check", "province_council")).toBe(false);
    expect(movesFor("producer", "commune_check")).toEqual([]);
  });

  it("ends at the decision, and refuses a move the table does not have with a 409", () => {
    expect(DossierLifecycle.final()).toEqual(["decided"]);
    expect(() => DossierLifecycle.move("draft", "decided")).toThrow(
      expect.objectContaining({ status: 409, code: "invalid_transition" }),
    );
  });
});
