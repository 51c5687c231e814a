import type { Quote } from "../checkout/quote";
import { DomainError } from "../util/error";
import { problem } from "./access";

export const busy = () =>
  problem(503, "busy", "Hệ thống đang bận, vui lòng thử lại.", "We are busy; please try again.");

/** A live deal refused at checkout: over its per-buyer limit, or sold out or ended meanwhile. */
export function dealProblem(code: "deal_limit" | "deal_sold_out") {
  const perBuyer = code === "deal_limit";
  return problem(
    409,
    code,
    perBuyer
      ? "Bạn đã mua đủ số lượng tối đa của ưu đãi này."
      : "Ưu đãi trong buổi live vừa hết suất hoặc đã kết thúc. Giá thường vẫn áp dụng nếu bạn muốn mua.",
    perBuyer
      ? "You already hold the most this deal allows per buyer."
      : "The live deal has just sold out or ended. The regular price still applies if you want it.",
    "cart",
  );
}

/** The quote's first problem, as the shopper can mend it in the cart. */
export function stockProblem(q: Quote) {
  const first = q.problems[0];
  const line = q.lines.find((l) => l.lineId === first?.lineId);
  const name = line?.kind === "product" ? line.name : (line?.title ?? "hộp quà");
  const unavailable = first?.problem === "unavailable";
  return new DomainError(
    409,
    unavailable ? "unavailable" : "out_of_stock",
    {
      vi: unavailable
        ? `“${name}” hiện không bán. Hãy bỏ khỏi giỏ để đặt hàng.`
        : `“${name}” không còn đủ hàng. Hãy giảm số lượng.`,
      en: unavailable
        ? `“${name}” is not on sale now. Remove it to order.`
        : `“${name}” does not have enough stock. Lower the quantity.`,
    },
    "cart",
  );
}
