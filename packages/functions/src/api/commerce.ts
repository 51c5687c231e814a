import { requireUser } from "@cho-ocop/core/account/actor";
import { AddressBook } from "@cho-ocop/core/address/index";
import { Cart } from "@cho-ocop/core/cart/index";
import { ComboView, comboView, templatesView } from "@cho-ocop/core/checkout/quote";
import { Combo } from "@cho-ocop/core/combo/index";
import { PROVINCE_CODES } from "@cho-ocop/core/geo/province";
import { Order } from "@cho-ocop/core/order/index";
import { createRoute, z } from "@hono/zod-openapi";
import QRCode from "qrcode";
import { type AppEnv, cartOf, sessionToken } from "./actor";
import { errorResponses, router } from "./error";
import { BUYER_OR_STAFF, PUBLIC, roles, SIGNED_IN } from "./roles";
import { body, json } from "./route-parts";
import { named } from "./schemas";

// Every answer's schema is the domain's own view, so the typed client reads what the server sends.
const CartSchema = named(Cart.View, "Cart");
const ComboSchema = named(ComboView, "ComboView");
const OrderSchema = named(Order.ViewSchema, "Order");
const MyOrderSchema = named(Order.MyOrder, "MyOrder");
const OrderSummarySchema = named(Order.Summary, "OrderSummary");
const PlacedSchema = z.object({ order: OrderSchema, clientSecret: z.string().nullable() }).openapi("PlacedOrder");

const LineParam = z.object({
  lineId: z
    .string()
    .regex(/^[0-9a-z]{26}$/, "expected a line id")
    .openapi({ param: { name: "lineId", in: "path" } }),
});
const IdParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-z-]{2,40}$/, "expected an id")
    .openapi({ param: { name: "id", in: "path" } }),
});
const errs = { 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] };

const emptyCart = async (province?: string) => ({
  ...(await Cart.view("a-00000000000000000000000000", province)),
  cartId: null,
});

const getCart = createRoute({
  method: "get",
  path: "/cart",
  tags: ["Cart"],
  summary: "The cart, priced from the catalog (with shipping when `province` is given) and its stock problems",
  ...roles(PUBLIC),
  request: { query: z.object({ province: z.enum(PROVINCE_CODES).optional() }) },
  responses: { 200: json(CartSchema, "The cart"), 400: errorResponses[400] },
});

const previewItem = createRoute({
  method: "get",
  path: "/cart/preview",
  tags: ["Cart"],
  summary: "The cart as it would be with this product added, priced with shipping to `province`; changes nothing",
  description: "What a live's buy-now sheet shows before the order: goods, shipping and the total.",
  ...roles(PUBLIC),
  request: {
    query: z.object({
      productId: Cart.AddProduct.shape.productId,
      quantity: z.coerce.number().pipe(Cart.Quantity),
      dealId: Cart.AddProduct.shape.dealId,
      province: z.enum(PROVINCE_CODES).optional(),
    }),
  },
  responses: { 200: json(CartSchema, "The cart with the product"), 400: errorResponses[400] },
});

const addItem = createRoute({
  method: "post",
  path: "/cart/items",
  tags: ["Cart"],
  summary: "Add a product (quantities add up)",
  ...roles(PUBLIC),
  request: body(Cart.AddProduct),
  responses: { 201: json(CartSchema, "The cart"), ...errs },
});

const addCombo = createRoute({
  method: "post",
  path: "/cart/combos",
  tags: ["Cart"],
  summary: "Add a gift combo (a saved combo or a template)",
  ...roles(PUBLIC),
  request: body(Cart.AddCombo),
  responses: { 201: json(CartSchema, "The cart"), ...errs },
});

const setLine = createRoute({
  method: "patch",
  path: "/cart/items/{lineId}",
  tags: ["Cart"],
  summary: "Change a line's quantity",
  ...roles(PUBLIC),
  request: { params: LineParam, ...body(z.object({ quantity: Cart.Quantity })) },
  responses: { 200: json(CartSchema, "The cart"), ...errs },
});

const removeLine = createRoute({
  method: "delete",
  path: "/cart/items/{lineId}",
  tags: ["Cart"],
  summary: "Remove a line",
  ...roles(PUBLIC),
  request: { params: LineParam },
  responses: { 200: json(CartSchema, "The cart"), ...errs },
});

const boxes = createRoute({
  method: "get",
  path: "/gift-boxes",
  tags: ["Gift combos"],
  summary: "Gift boxes: price and capacity by weight",
  ...roles(PUBLIC),
  responses: { 200: json(z.array(named(Combo.GiftBox, "GiftBox")), "Boxes") },
});

const templates = createRoute({
  method: "get",
  path: "/combos",
  tags: ["Gift combos"],
  summary: "Staff-curated gift combos with their price and availability",
  ...roles(PUBLIC),
  responses: { 200: json(z.array(ComboSchema), "Combos") },
});

const createCombo = createRoute({
  method: "post",
  path: "/combos",
  tags: ["Gift combos"],
  summary: "Save a combo: 2–8 products, a gift box and a greeting (≤ 300 characters), or a template with a greeting",
  description: "The combo id makes a shareable link. Custom combos get the configured tiered discount.",
  ...roles(PUBLIC),
  request: body(Combo.NewCombo),
  responses: { 201: json(ComboSchema, "The combo"), ...errs },
});

const getCombo = createRoute({
  method: "get",
  path: "/combos/{id}",
  tags: ["Gift combos"],
  summary: "A combo (shared link or template), priced now, with whether every part is available",
  ...roles(PUBLIC),
  request: { params: IdParam },
  responses: { 200: json(ComboSchema, "The combo"), ...errs },
});

const options = createRoute({
  method: "get",
  path: "/checkout/options",
  tags: ["Checkout"],
  summary: "Payment methods offered (card only when configured) and the VietQR collecting account",
  ...roles(PUBLIC),
  responses: {
    200: json(
      z
        .object({
          methods: z.array(z.enum(["cod", "vietqr", "card"])),
          cardPublishableKey: z.string().nullable(),
          vietqr: z.object({
            bankBin: z.string(),
            bankName: z.string(),
            accountNumber: z.string(),
            accountName: z.string(),
          }),
        })
        .openapi("CheckoutOptions"),
      "Options",
    ),
  },
});

const place = createRoute({
  method: "post",
  path: "/orders",
  tags: ["Checkout"],
  summary: "Place the cart as an order (requires the Idempotency-Key header)",
  description:
    "Reserves every product's stock in one transaction or fails with 409 out_of_stock. The same Idempotency-Key returns the same order (200) instead of a new one (201).",
  ...roles(SIGNED_IN),
  request: {
    headers: z.object({ "idempotency-key": Order.IdempotencyKey }),
    ...body(Order.PlaceInput),
  },
  responses: {
    201: json(PlacedSchema, "Placed"),
    200: json(PlacedSchema, "Already placed with this key"),
    ...errs,
    401: errorResponses[401],
    503: { description: "Busy or card processor unreachable" },
  },
});

const myOrders = createRoute({
  method: "get",
  path: "/orders",
  tags: ["Orders"],
  summary: "The shopper's orders, newest first",
  ...roles(SIGNED_IN),
  responses: { 200: json(z.array(OrderSummarySchema), "Orders"), 401: errorResponses[401] },
});

const OrderParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-z]{26}$/, "expected an order id")
    .openapi({ param: { name: "id", in: "path" } }),
});

const myOrder = createRoute({
  method: "get",
  path: "/orders/{id}",
  tags: ["Orders"],
  summary: "Tracking: the order, its fulfilments with their status and tracking, and how to pay if unpaid",
  description: "Staff see an order only when every parcel is from producers of their province (central staff: all).",
  ...roles(BUYER_OR_STAFF),
  request: { params: OrderParam },
  responses: { 200: json(MyOrderSchema, "The order"), ...errs, 401: errorResponses[401] },
});

const cancel = createRoute({
  method: "post",
  path: "/orders/{id}/cancel",
  tags: ["Orders"],
  summary: "Cancel an order none of whose parcels has shipped (stock goes back; a card payment is refunded)",
  description:
    "The buyer, or staff of the order's province (every parcel from its producers) or central staff; a staff cancel and its refund are audited. Once one parcel has shipped: 409 not_cancellable, and the other parcels go on.",
  ...roles(BUYER_OR_STAFF),
  request: { params: OrderParam },
  responses: { 200: json(OrderSchema, "Cancelled"), ...errs, 401: errorResponses[401] },
});

const cardSecret = createRoute({
  method: "post",
  path: "/orders/{id}/card",
  tags: ["Orders"],
  summary: "The card payment's client secret for Stripe's Payment Element",
  ...roles(["buyer"]),
  request: { params: OrderParam },
  responses: {
    200: json(z.object({ clientSecret: z.string(), publishableKey: z.string() }), "Secret"),
    ...errs,
    401: errorResponses[401],
  },
});

const vietqr = createRoute({
  method: "get",
  path: "/orders/{id}/vietqr.svg",
  tags: ["Orders"],
  summary: "The VietQR code to pay an order by bank transfer",
  ...roles(BUYER_OR_STAFF),
  request: { params: OrderParam },
  responses: {
    200: { description: "SVG", content: { "image/svg+xml": { schema: z.string() } } },
    ...errs,
    401: errorResponses[401],
  },
});

const confirmTransfer = createRoute({
  method: "post",
  path: "/orders/{id}/confirm-transfer",
  tags: ["Orders"],
  summary: "Staff (or the seller of a single-producer order) confirm that a VietQR transfer arrived",
  description: "Province staff only for orders whose every parcel is from producers of their province; audited.",
  ...roles(["seller", "staff-province", "staff-central"]),
  request: { params: OrderParam },
  responses: { 200: json(OrderSchema, "Paid"), ...errs, 401: errorResponses[401], 403: errorResponses[403] },
});

export const commerce = router<AppEnv>()
  .openapi(getCart, async (c) => {
    const cartId = await cartOf(c, false);
    const { province } = c.req.valid("query");
    return c.json(cartId ? await Cart.view(cartId, province) : await emptyCart(province), 200);
  })
  .openapi(previewItem, async (c) => {
    const { productId, quantity, dealId, province } = c.req.valid("query");
    const cartId = await cartOf(c, false);
    const adding = { lineId: "preview", kind: "product" as const, productId, quantity, ...(dealId ? { dealId } : {}) };
    const view = await Cart.view(cartId ?? "a-00000000000000000000000000", province, adding);
    return c.json({ ...view, cartId: cartId ?? null }, 200);
  })
  .openapi(addItem, async (c) => {
    const cartId = (await cartOf(c, true)) ?? "";
    await Cart.addProduct(cartId, c.req.valid("json"));
    return c.json(await Cart.view(cartId), 201);
  })
  .openapi(addCombo, async (c) => {
    const cartId = (await cartOf(c, true)) ?? "";
    await Cart.addCombo(cartId, c.req.valid("json"));
    return c.json(await Cart.view(cartId), 201);
  })
  .openapi(setLine, async (c) => {
    const cartId = (await cartOf(c, true)) ?? "";
    await Cart.setQuantity(cartId, c.req.valid("param").lineId, c.req.valid("json").quantity);
    return c.json(await Cart.view(cartId), 200);
  })
  .openapi(removeLine, async (c) => {
    const cartId = (await cartOf(c, true)) ?? "";
    await Cart.remove(cartId, c.req.valid("param").lineId);
    return c.json(await Cart.view(cartId), 200);
  })
  .openapi(boxes, async (c) => c.json(await Combo.boxes(), 200))
  .openapi(templates, async (c) => c.json(await templatesView(), 200))
  .openapi(createCombo, async (c) => {
    const combo = await Combo.create(c.req.valid("json"));
    return c.json(await comboView(combo.comboId), 201);
  })
  .openapi(getCombo, async (c) => c.json(await comboView(c.req.valid("param").id), 200))
  .openapi(options, (c) => {
    const offered = Order.paymentMethods();
    return c.json({ ...offered, methods: [...offered.methods] }, 200);
  })
  .openapi(place, async (c) => {
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    // Under a live deal, who is calling is asked only once the buyer is let through (a sold-out deal answers at once).
    const result =
      input.dealId && (await sessionToken(c))
        ? await Order.placeUnderDeal(c.var.actor, key, input)
        : await Order.place(await c.var.actor(), key, input);
    // A first order's address starts the shopper's address book; the order stands even if that write fails.
    if (result.created) {
      await AddressBook.rememberFirst(await c.var.actor(), input.address).catch(console.error);
    }
    return result.created
      ? c.json({ order: result.order, clientSecret: result.clientSecret ?? null }, 201)
      : c.json({ order: result.order, clientSecret: null }, 200);
  })
  .openapi(myOrders, async (c) => c.json(await Order.list(await c.var.actor()), 200))
  .openapi(myOrder, async (c) => c.json(await Order.mine(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(cancel, async (c) => {
    const actor = await c.var.actor();
    await Order.mine(actor, c.req.valid("param").id);
    return c.json(await Order.cancel(actor, c.req.valid("param").id), 200);
  })
  .openapi(cardSecret, async (c) => c.json(await Order.cardSecret(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(vietqr, async (c) => {
    const order = await Order.mine(await c.var.actor(), c.req.valid("param").id);
    if (order.payment?.method !== "vietqr") {
      return c.json({ error: { code: "not_payable", message: "Đơn này không chờ chuyển khoản." } }, 409);
    }
    const svg = await QRCode.toString(order.payment.payload, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    return c.body(svg, 200, { "content-type": "image/svg+xml", "cache-control": "private, no-store" });
  })
  .openapi(confirmTransfer, async (c) => {
    const actor = await c.var.actor();
    requireUser(actor);
    return c.json(await Order.confirmTransfer(actor, c.req.valid("param").id), 200);
  });
