import { ulid } from "ulid";
import { z } from "zod";
import type { Actor } from "../../account/actor";
import { Product } from "../../product";
import { DomainError, notFound } from "../../util/error";
import { Vnd } from "../../util/money";
import { channelById } from "../channel";
import { cuePayload } from "../cue";
import { type Session, SessionEntity } from "../entities";
import { videoProvider } from "../provider";
import { cueNews, tellRoom } from "../room";
import { conflict, notLive, ownSession } from "../session";
import { DealEntity } from "./entities";
import { dealCue } from "./news";
import { DealStock, shardCount } from "./stock";
import { dealView } from "./view";

/** Live-only deals: a seller on air offers a featured product at a lower price, for a few minutes and a few units. */
export namespace Deal {
  export const Input = z.object({
    productId: Product.Id,
    priceVnd: Vnd.min(1000),
    quantity: z.number().int().min(1).max(10_000),
    perBuyer: z.number().int().min(1).max(100),
    countdownSeconds: z
      .number()
      .int()
      .min(10, "a countdown of 10 to 300 seconds")
      .max(300, "a countdown of 10 to 300 seconds"),
    durationMinutes: z.number().int().min(1, "a deal lasts 1 to 20 minutes").max(20, "a deal lasts 1 to 20 minutes"),
  });

  export const view = dealView;

  /** A live-only deal on a featured product: it opens after its countdown and closes after its duration. */
  export async function start(actor: Actor, sessionId: string, input: z.input<typeof Input>) {
    const session = await ownSession(actor, sessionId);
    if (session.status !== "live") throw notLive();
    const d = Input.parse(input);
    if (!session.productIds.includes(d.productId)) {
      throw new DomainError(
        400,
        "invalid_input",
        { vi: "Sản phẩm không thuộc buổi live.", en: "Not a featured product." },
        "productId",
      );
    }
    const product = await Product.get(d.productId);
    if (d.priceVnd >= product.priceVnd) {
      throw new DomainError(
        400,
        "invalid_input",
        { vi: "Giá ưu đãi phải thấp hơn giá thường.", en: "The deal price must be below the regular price." },
        "priceVnd",
      );
    }
    const shortOfStock = (stock: number) =>
      new DomainError(
        400,
        "invalid_input",
        { vi: `Chỉ còn ${stock} sản phẩm trong kho.`, en: `Only ${stock} in stock.` },
        "quantity",
      );
    if (d.quantity > product.stock) throw shortOfStock(product.stock);
    if (d.perBuyer > d.quantity) {
      throw new DomainError(
        400,
        "invalid_input",
        { vi: "Giới hạn mỗi người vượt số suất.", en: "Per-buyer limit above the quantity." },
        "perBuyer",
      );
    }
    if (session.dealId) {
      const { data: running } = await DealEntity.get({ dealId: session.dealId }).go();
      if (running && running.endsAt > new Date().toISOString() && !running.soldOutAt) {
        throw conflict("deal_running", "Đang có một ưu đãi khác.", "Another deal is running.");
      }
    }
    const now = Date.now();
    const deal = {
      dealId: ulid(now).toLowerCase(),
      sessionId,
      productId: d.productId,
      priceVnd: d.priceVnd,
      quantity: d.quantity,
      perBuyer: d.perBuyer,
      sold: 0,
      shards: shardCount(d.quantity),
      startsAt: new Date(now + d.countdownSeconds * 1000).toISOString(),
      endsAt: new Date(now + d.countdownSeconds * 1000 + d.durationMinutes * 60_000).toISOString(),
      createdAt: new Date(now).toISOString(),
    };
    // The deal's units leave the product's stock as it opens, so neither the deal's buyers nor the shop's can take
    // the other's; what is unsold goes back when it ends.
    if (!(await DealStock.open(deal))) throw shortOfStock((await Product.get(d.productId)).stock);
    await SessionEntity.patch({ sessionId }).set({ dealId: deal.dealId }).go();
    const channel = await channelById(session.channelId);
    const cue = dealCue(deal, session, now);
    await videoProvider()
      .putMetadata(channel, cuePayload(cue))
      .catch((err) => console.error("deal cue", err));
    await tellRoom(session, cueNews(cue, new Date(now)));
    return dealView(deal, undefined, deal.quantity);
  }

  export async function get(dealId: string) {
    const { data } = await DealEntity.get({ dealId }).go({ consistent: true });
    if (!data) throw notFound({ vi: "ưu đãi", en: "Deal" });
    const [{ data: session }, remaining] = await Promise.all([
      SessionEntity.get({ sessionId: data.sessionId }).go({ consistent: true }),
      DealStock.available(data, true),
    ]);
    return dealView(data, session ?? undefined, remaining);
  }

  /**
   * The live is over: so is its deal (buyers then pay the regular price, and no clock keeps running); its unsold
   * units go back to the product.
   */
  export async function close(dealId: string, at: string, session?: Session) {
    const closed = await DealEntity.patch({ dealId })
      .set({ endsAt: at })
      .where(({ endsAt }, { gt }) => gt(endsAt, at))
      .go({ response: "all_new" })
      .catch(() => undefined);
    if (!closed) return;
    await DealStock.settle(closed.data, new Date(at)).catch((err) => console.error("[live] deal settle", dealId, err));
    if (session) await tellRoom(session, cueNews(dealCue(closed.data, session, Date.parse(at), 0), new Date(at)));
  }
}
