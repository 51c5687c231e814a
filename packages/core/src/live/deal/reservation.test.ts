import { describe, expect, it } from "vitest";
import { refusal } from "./reservation";

describe("a deal's refusal", () => {
  it("names the first deal whose write failed, its hold (given back meanwhile) before its buyer limit", () => {
    const failed = "ConditionalCheckFailed";
    expect(refusal(["None", "None"], ["None", "None"])).toBeNull();
    expect(refusal(["None", failed], [failed, "None"])).toBe("deal_limit");
    expect(refusal([failed], [failed])).toBe("deal_sold_out");
    expect(refusal(["None", failed], ["None", "None"])).toBe("deal_sold_out");
  });
});
