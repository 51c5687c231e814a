import { randomBytes } from "node:crypto";
import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireUser, scopeOver } from "../account/actor";
import { DeliveryAddress } from "../address/delivery";
import { Cart } from "../cart";
import { dealsOf, type Line, quote } from "../checkout/quote";
import { creditedLive, liveSessionOf } from "../live/deal/attribution";
import type { Deal } from "../live/deal/entities";
import { tellSale } from "../live/deal/news";
import { DealQueue } from "../live/deal/queue";
import { refusal, reserve } from "../live/deal/reservation";
import { DealStock, type Taken } from "../live/deal/stock";
import { cardGateway } from "../payment/card";
import { PAYMENT_METHODS } from "../payment/methods";
import { Product } from "../product";
import { vietnamDay } from "../util/date";
import { DomainError } from "../util/error";
import { problem } from "./access";
import { cancel } from "./cancel";
import { IdempotencyEntity, OrderEntity } from "./entities";
import { notifyPlaced } from "./notify";
import { busy, dealProblem, stockProblem } from "./problems";
import { MAX_PRODUCTS, PAY_WITHIN_MINUTES } from "./terms";
import { writeGroups } from "./transaction";
import { type OrderView, view } from "./view";

export const Address = DeliveryAddress;

export const PlaceInput = z.object({
  address: DeliveryAddress,
  paymentMethod: z.enum(PAYMENT_METHODS),
  /** Set when buying from a live session's "buy now" sheet. */
  liveSessionId: z
    .string()
    .regex(/^[0-9a-z]{26}$/, "expected a live session id")
    .optional(),
  /**
   * The live deal the sheet buys under, on a key's first attempt only: when this server knows the deal has no unit
   * left, the order is refused at once (409 deal_sold_out) before anything is read. A retry of a key whose answer
   * was lost leaves it out, so that an order the first attempt placed is what it gets back.
   */
  dealId: z
    .string()
    .regex(/^[0-9a-z]{26}$/, "expected a deal id")
    .optional(),
});
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, "send an Idempotency-Key header of 8–100 letters, digits, - or _");

/** What placing answers: the order, whether this call made it, and the card's client secret when paying by card. */
export interface Placed {
  order: OrderView;
  created: boolean;
  clientSecret?: string | null;
}

function newCode(): string {
  // 8 characters of Crockford base32: short enough to type as a bank transfer's content.
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const bytes = randomBytes(8);
  return `DH${[...bytes].map((b) => alphabet[b % 32]).join("")}`;
}

/**
 * Places the shopper's cart as an order. Every product's stock is reserved in one TransactWriteItems with a
 * condition per product (stock ≥ quantity, still approved and certified), together with the order, its
 * fulfilments, the Idempotency-Key and the emptied cart — all or nothing, whatever the concurrency.
 */
export async function place(actor: Actor, idempotencyKey: string, input: z.input<typeof PlaceInput>): Promise<Placed> {
  const user = requireUser(actor);
  const key = IdempotencyKey.parse(idempotencyKey);
  const parsed = PlaceInput.parse(input);
  const replayed = async () => {
    const { data } = await IdempotencyEntity.get({ owner: user.userId, key }).go({ consistent: true });
    return data ? { order: await view(data.orderId), created: false } : undefined;
  };
  // The cart is read beside the key: a replay wastes that read, a new order (nearly every call) waits for one read.
  const cart = Cart.lines(Cart.forUser(user.userId));
  cart.catch(() => undefined);
  const earlier = await replayed();
  if (earlier) return earlier;
  try {
    return await placeOnce(user, key, parsed, cart);
  } catch (err) {
    // The same key sent again while the first request was committing: that one emptied the cart (or took the
    // stock) and this one failed for it. The key's order is the answer.
    if (err instanceof DomainError) {
      const order = await replayed();
      if (order) return order;
    }
    throw err;
  }
}

/**
 * `place` for a first attempt from a live's sheet that names its deal: the buyer waits at this process behind as many
 * buyers as the deal has units left, and is told at once when none is left — who is calling is asked only then.
 */
export async function placeUnderDeal(
  actor: () => Promise<Actor>,
  idempotencyKey: string,
  input: z.input<typeof PlaceInput>,
): Promise<Placed> {
  const parsed = PlaceInput.parse(input);
  if (!parsed.dealId) return place(await actor(), idempotencyKey, parsed);
  return DealQueue.through(
    parsed.dealId,
    async () => place(await actor(), idempotencyKey, parsed),
    () => dealProblem("deal_sold_out"),
  );
}

async function placeOnce(
  user: ReturnType<typeof requireUser>,
  key: string,
  { address, paymentMethod, liveSessionId }: z.output<typeof PlaceInput>,
  cart: Promise<Line[]>,
): Promise<Placed> {
  const card = paymentMethod === "card" ? cardGateway() : undefined;
  if (paymentMethod === "card" && !card) {
    throw problem(
      409,
      "payment_unavailable",
      "Thanh toán thẻ chưa được bật.",
      "Card payment is not enabled.",
      "paymentMethod",
    );
  }

  const cartId = Cart.forUser(user.userId);
  const lines = await cart;
  if (lines.length === 0) throw problem(409, "cart_empty", "Giỏ hàng đang trống.", "The cart is empty.");
  const live = liveSessionId ? liveSessionOf(liveSessionId) : undefined;
  live?.catch(() => undefined);
  const deals = await dealsOf(lines);
  if (liveSessionId) refuseSoldOut(deals);
  const today = vietnamDay();
  const q = await quote(lines, address.provinceCode, today, new Date(), deals);
  if (liveSessionId && q.soldOut.length > 0) throw dealProblem("deal_sold_out");
  if (q.problems.length > 0) throw stockProblem(q);
  if (q.needs.size > MAX_PRODUCTS) {
    throw problem(
      409,
      "order_too_large",
      `Một đơn có tối đa ${MAX_PRODUCTS} sản phẩm khác nhau.`,
      `An order holds at most ${MAX_PRODUCTS} different products.`,
    );
  }

  if (q.dealNeeds.some(({ deal, quantity }) => quantity > deal.perBuyer)) throw dealProblem("deal_limit");

  const now = new Date();
  const orderId = ulid(now.getTime()).toLowerCase();
  const code = newCode();
  const pending = paymentMethod !== "cod";
  const payBy = pending ? new Date(now.getTime() + PAY_WITHIN_MINUTES * 60_000).toISOString() : undefined;
  const fulfilmentStatus = pending ? "pending_payment" : "confirmed";
  const reservations = [...q.needs].map(([productId, quantity]) => ({ productId, quantity }));
  const dealReservations = q.dealNeeds.map(({ deal, quantity }) => ({ dealId: deal.dealId, quantity }));
  const stamp = now.toISOString();
  const staffScope = scopeOver(q.fulfilments.map((f) => f.fromProvince));
  const liveSession = creditedLive(await live, q.fulfilments);

  // A deal's units are taken first, one conditional write each on a shard (no transaction: buyers of one deal never
  // conflict); the order's transaction then writes their reservation items. An order that is not written gives
  // them back; a process that dies first leaves them to the sweep.
  const taken: Taken[] = [];
  try {
    for (const { deal, quantity } of q.dealNeeds) {
      if (DealStock.soldOutHere(deal.dealId)) throw dealProblem("deal_sold_out");
      const got = await DealStock.take(deal, orderId, quantity);
      if (!got) {
        if (await DealStock.markSoldOut(deal, now)) await tellSale(deal, now, true);
        throw dealProblem("deal_sold_out");
      }
      taken.push({ deal, quantity, ...got });
    }
    const placed = await writeOrder();
    if (placed) {
      await DealStock.abandonAll(taken, orderId);
      return placed;
    }
  } catch (err) {
    await DealStock.abandonAll(taken, orderId);
    throw err;
  }
  // The holds come off (the sweep would settle any left) and the live's room hears the deal's units left (at most
  // once a second, whatever the sales; at once when sold out) while the order is read back.
  const dealNews = Promise.all(
    taken.map(async (t) => {
      await DealStock.dropHold(t.deal.dealId, t.shard, orderId, t.quantity).catch((err) => console.error(err));
      const soldOut = t.emptied && (await DealStock.markSoldOut(t.deal, now).catch(() => false));
      await tellSale(t.deal, now, soldOut);
    }),
  );

  let clientSecret: string | null = null;
  if (card) {
    // A failed card step cancels the order, which writes its shard: the hold comes off first.
    await dealNews;
    try {
      const intent = await card.createIntent({ orderId, code, amountVnd: q.totals.totalVnd });
      clientSecret = intent.clientSecret;
      await OrderEntity.patch({ orderId }).set({ paymentIntentId: intent.id }).go();
    } catch (err) {
      console.error(err);
      await cancel({ kind: "system" }, orderId, "payment_unavailable");
      throw problem(
        503,
        "payment_unavailable",
        "Không kết nối được cổng thanh toán thẻ. Đơn đã được huỷ, bạn có thể chọn cách thanh toán khác.",
        "The card processor could not be reached. The order was cancelled; choose another way to pay.",
      );
    }
  }

  const [order] = await Promise.all([view(orderId), dealNews]);
  await notifyPlaced(order).catch((err) => console.error("notify failed", err));
  return { order, created: true, clientSecret };

  /** The order's transaction; an earlier order of the same Idempotency-Key when that one won. */
  async function writeOrder(): Promise<Placed | undefined> {
    // Concurrent transactions on the same product are refused with TransactionConflict: try again with jitter.
    for (let attempt = 0; ; attempt++) {
      const result = await writeGroups((tx) => {
        const deals = taken.map((t) => reserve(tx, t.deal, user.userId, t, { orderId, at: stamp }));
        return {
          stock: reservations.map(({ productId, quantity }) =>
            tx.product
              .patch({ productId })
              .add({ stock: -quantity })
              .where(
                ({ stock, status, validUntil }, { gte, eq }) =>
                  `${gte(stock, quantity)} AND ${eq(status, "approved")} AND ${gte(validUntil, today)}`,
              )
              .commit(),
          ),
          idempotency: [
            tx.idempotency
              .create({ owner: user.userId, key, orderId, expiresAt: Math.floor(now.getTime() / 1000) + 86_400 })
              .commit(),
          ],
          dealHeld: deals.map((d) => d.held),
          dealBought: deals.map((d) => d.bought),
          order: [
            tx.order
              .create({
                orderId,
                code,
                userId: user.userId,
                status: pending ? "pending_payment" : "confirmed",
                paymentMethod,
                paymentStatus: pending ? "pending" : "cod",
                address,
                lines: JSON.stringify(q.lines),
                reservations,
                dealReservations,
                liveSessionId: liveSession,
                staffScope,
                goodsVnd: q.totals.goodsVnd,
                discountVnd: q.totals.discountVnd,
                shippingVnd: q.totals.shippingVnd ?? 0,
                totalVnd: q.totals.totalVnd,
                payBy,
                createdAt: stamp,
                updatedAt: stamp,
              })
              .commit(),
          ],
          fulfilments: q.fulfilments.map((f) =>
            tx.fulfilment
              .create({
                orderId,
                producerId: f.producerId,
                code,
                producerName: f.producerName,
                status: fulfilmentStatus,
                paymentMethod,
                items: JSON.stringify(f.items),
                boxes: JSON.stringify(f.boxes),
                address,
                weightGrams: f.weightGrams,
                goodsVnd: f.goodsVnd,
                discountVnd: f.discountVnd,
                shippingVnd: f.shippingVnd ?? 0,
                totalVnd: f.totalVnd,
                history: [{ status: fulfilmentStatus, at: stamp }],
                createdAt: stamp,
                updatedAt: stamp,
              })
              .commit(),
          ),
          holds: payBy
            ? [
                tx.hold
                  .create({ scope: "holds", payBy, orderId, expiresAt: Math.floor(Date.parse(payBy) / 1000) + 86_400 })
                  .commit(),
              ]
            : [],
          cart: [tx.cart.delete({ cartId }).commit()],
        };
      });
      if (!result.canceled) return undefined;
      const { reasons } = result;
      if (reasons.idempotency.includes("ConditionalCheckFailed")) {
        const existing = await IdempotencyEntity.get({ owner: user.userId, key }).go({ consistent: true });
        if (existing.data) return { order: await view(existing.data.orderId), created: false };
      }
      const dealRefused = refusal(reasons.dealHeld, reasons.dealBought);
      if (dealRefused) throw dealProblem(dealRefused);
      const failed = reservations.find((_, i) => reasons.stock[i] === "ConditionalCheckFailed");
      if (failed) {
        const product = await Product.get(failed.productId).catch(() => undefined);
        throw problem(
          409,
          "out_of_stock",
          `Rất tiếc, “${product?.name ?? "sản phẩm"}” vừa hết hàng hoặc không còn đủ số lượng.`,
          `Sorry, “${product?.name ?? "a product"}” has just run out or is short of stock.`,
          "cart",
        );
      }
      if (attempt >= 25 || !Object.values(reasons).some((r) => r.includes("TransactionConflict"))) throw busy();
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * Math.min(attempt + 1, 8)));
    }
  }
}

/**
 * From the live's sheet, a deal already marked sold out is refused at once, before anything is priced (a flash sale
 * is answered without queueing behind its last units). The cart's own checkout prices such a line normally, as the
 * cart shows it.
 */
function refuseSoldOut(deals: Deal[]) {
  const at = new Date().toISOString();
  if (deals.some((d) => d.soldOutAt && d.startsAt <= at && at < d.endsAt)) throw dealProblem("deal_sold_out");
}
