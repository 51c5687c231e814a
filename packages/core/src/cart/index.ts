import { ulid } from "ulid";
import { z } from "zod";
import { type Line, PricedLine, QuoteProblem, quote, Totals } from "../checkout/quote";
import { Combo } from "../combo";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { Product } from "../product";
import { DomainError } from "../util/error";

/**
 * A shopper's cart: products and gift combos with quantities, nothing else — prices and stock are read from the
 * catalog each time it is shown. Anonymous carts live 60 days and merge into the account's cart on sign-in.
 */
export namespace Cart {
  export const MAX_LINES = 30;
  export const MAX_QUANTITY = 99;
  const TTL_SECONDS = 60 * 86_400;

  export const entity = entityOnFirstUse(
    {
      model: { entity: "cart", version: "1", service: SERVICE },
      attributes: {
        cartId: { type: "string", required: true },
        lines: {
          type: "list",
          required: true,
          items: {
            type: "map",
            properties: {
              lineId: { type: "string", required: true },
              kind: { type: ["product", "combo"] as const, required: true },
              productId: { type: "string" },
              comboId: { type: "string" },
              /** A live deal the product was added under (its price holds while the deal runs). */
              dealId: { type: "string" },
              quantity: { type: "number", required: true },
            },
          },
        },
        updatedAt: { type: "string", required: true },
        expiresAt: { type: "number" },
      },
      indexes: { byId: { pk: { field: "pk", composite: ["cartId"] }, sk: { field: "sk", composite: [] } } },
    },
    { client: lazyClient, table: tableName() },
  );

  /** Anonymous carts are `a-<random>`, an account's cart is `u-<userId>`. */
  export const Id = z.string().regex(/^(a-[0-9a-z]{26}|u-[0-9a-z]{26})$/, "expected a cart id");
  export const forUser = (userId: string) => `u-${userId}`;
  export const newAnonymous = () => `a-${ulid().toLowerCase()}`;

  export const Quantity = z.number().int().min(1).max(MAX_QUANTITY);
  export const AddProduct = z.object({
    productId: Product.Id,
    quantity: Quantity.default(1),
    dealId: z
      .string()
      .regex(/^[0-9a-z]{26}$/, "expected a deal id")
      .optional(),
  });
  export const AddCombo = z.object({ comboId: Combo.Id, quantity: Quantity.default(1) });

  export async function lines(cartId: string): Promise<Line[]> {
    const { data } = await entity.get({ cartId }).go({ consistent: true });
    return (data?.lines ?? []).flatMap((l): Line[] => {
      if (l.kind === "product" && l.productId)
        return [
          {
            lineId: l.lineId,
            kind: "product",
            productId: l.productId,
            quantity: l.quantity,
            ...(l.dealId ? { dealId: l.dealId } : {}),
          },
        ];
      if (l.kind === "combo" && l.comboId)
        return [{ lineId: l.lineId, kind: "combo", comboId: l.comboId, quantity: l.quantity }];
      return [];
    });
  }

  async function save(cartId: string, next: Line[]) {
    if (next.length > MAX_LINES) {
      throw new DomainError(409, "cart_full", {
        vi: `Giỏ hàng có tối đa ${MAX_LINES} dòng.`,
        en: `A cart holds at most ${MAX_LINES} lines.`,
      });
    }
    if (next.length === 0) {
      await entity.delete({ cartId }).go();
      return;
    }
    await entity
      .put({
        cartId,
        lines: next,
        updatedAt: new Date().toISOString(),
        expiresAt: cartId.startsWith("a-") ? Math.floor(Date.now() / 1000) + TTL_SECONDS : undefined,
      })
      .go();
  }

  const notSold = (field: string) =>
    new DomainError(
      409,
      "unavailable",
      { vi: "Sản phẩm này hiện không bán.", en: "This product is not on sale now." },
      field,
    );

  export async function addProduct(cartId: string, input: z.input<typeof AddProduct>) {
    const { productId, quantity, dealId } = AddProduct.parse(input);
    const product = await Product.get(productId).catch(() => undefined);
    if (product?.status !== "approved") throw notSold("productId");
    const current = await lines(cartId);
    const existing = current.find((l) => sameProduct(l, { productId, dealId }));
    const next = existing
      ? current.map((l) => (l === existing ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + quantity) } : l))
      : [...current, { lineId: ulid().toLowerCase(), kind: "product" as const, productId, quantity, dealId }];
    await save(cartId, next);
  }

  export async function addCombo(cartId: string, input: z.input<typeof AddCombo>) {
    const { comboId, quantity } = AddCombo.parse(input);
    const combo = await Combo.get(comboId);
    // Templates are added as the shopper's own copy (a combo id of theirs, which can carry a greeting).
    const own = combo.kind === "template" ? await Combo.create({ templateId: combo.comboId }) : combo;
    const current = await lines(cartId);
    await save(cartId, [...current, { lineId: ulid().toLowerCase(), kind: "combo", comboId: own.comboId, quantity }]);
  }

  export async function setQuantity(cartId: string, lineId: string, quantity: number) {
    const q = Quantity.parse(quantity);
    const current = await lines(cartId);
    if (!current.some((l) => l.lineId === lineId)) throw noLine();
    await save(
      cartId,
      current.map((l) => (l.lineId === lineId ? { ...l, quantity: q } : l)),
    );
  }

  export async function remove(cartId: string, lineId: string) {
    const current = await lines(cartId);
    if (!current.some((l) => l.lineId === lineId)) throw noLine();
    await save(
      cartId,
      current.filter((l) => l.lineId !== lineId),
    );
  }

  const noLine = () =>
    new DomainError(
      404,
      "not_found",
      { vi: "Không có dòng này trong giỏ.", en: "No such line in the cart." },
      "lineId",
    );

  /** On sign-in: the anonymous cart's lines join the account's cart (same products add up). */
  type Mergeable = { kind: "product" | "combo"; productId?: string; dealId?: string; quantity: number };

  /** One line per product and live deal: a deal's line keeps its price, so it never joins the ordinary line. */
  const sameProduct = (line: Mergeable, of: { productId?: string; dealId?: string }) =>
    line.kind === "product" && line.productId === of.productId && line.dealId === of.dealId;

  /** An anonymous cart's lines joining an account's: same lines add up (at most 99), at most 30 lines. */
  export function mergeLines<L extends Mergeable>(to: L[], from: L[]): L[] {
    const merged = to.map((l) => ({ ...l }));
    for (const line of from) {
      const same = line.kind === "product" ? merged.find((l) => sameProduct(l, line)) : undefined;
      if (same) same.quantity = Math.min(MAX_QUANTITY, same.quantity + line.quantity);
      else merged.push(line);
    }
    return merged.slice(0, MAX_LINES);
  }

  export async function merge(fromCartId: string, toCartId: string) {
    const [from, to] = await Promise.all([lines(fromCartId), lines(toCartId)]);
    if (from.length === 0) return;
    await save(toCartId, mergeLines(to, from));
    await entity.delete({ cartId: fromCartId }).go();
  }

  /**
   * The cart as the shopper sees it: every price from the catalog, problems per line, shipping when known. With
   * `adding`, the cart as it would be once that line is added (a "buy now" sheet's price before the tap).
   */
  /** A cart as its shopper sees it; `null` for one not made yet (nothing was added). */
  export const View = z.object({
    cartId: z.string().nullable(),
    lines: z.array(PricedLine),
    fulfilments: z.array(
      z.object({
        producerId: z.string(),
        producerName: z.string(),
        weightGrams: z.number(),
        shippingVnd: z.number().nullable(),
        totalVnd: z.number(),
      }),
    ),
    totals: Totals,
    freeShippingOverVnd: z.number(),
    problems: z.array(QuoteProblem),
  });
  export type View = z.infer<typeof View>;

  export async function view(cartId: string, toProvince?: string, adding?: Line): Promise<View & { cartId: string }> {
    const current = await lines(cartId);
    const q = await quote(adding ? mergeLines(current, [adding]) : current, toProvince);
    return {
      cartId,
      lines: q.lines,
      fulfilments: q.fulfilments.map((f) => ({
        producerId: f.producerId,
        producerName: f.producerName,
        weightGrams: f.weightGrams,
        shippingVnd: f.shippingVnd,
        totalVnd: f.totalVnd,
      })),
      totals: q.totals,
      freeShippingOverVnd: q.pricing.freeShippingOverVnd,
      problems: q.problems,
    };
  }
}
