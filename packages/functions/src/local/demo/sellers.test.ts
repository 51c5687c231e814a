import { Account } from "@cho-ocop/core/account/index";
import { SellerVerification } from "@cho-ocop/core/seller/verification/index";
import { describe, expect, it } from "vitest";
import { demoId } from "../seed";
import { PRODUCERS } from "./producers";

describe("demo sellers", () => {
  it("are identity-verified, so each demo producer can go live", async () => {
    for (const p of PRODUCERS) {
      const producerId = demoId("producer", p.key);
      expect(await SellerVerification.producerMayGoLive(producerId), p.key).toBe(true);
      const [seller] = await Account.sellersOf(producerId);
      const actor = { kind: "user" as const, user: seller as Account.User };
      expect((await SellerVerification.mine(actor)).status, p.key).toBe("verified");
    }
  });
});
