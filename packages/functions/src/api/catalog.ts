import { PROVINCE_CODES } from "@cho-ocop/core/geo/province";
import { wardsOf } from "@cho-ocop/core/geo/ward";
import { Storefront } from "@cho-ocop/core/storefront/index";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, router } from "./error";
import { PUBLIC, roles } from "./roles";
import { GroupSchema, HomeSchema, ProvinceSchema } from "./schemas";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
});

const home = createRoute({
  method: "get",
  ...roles(PUBLIC),
  path: "/home",
  tags: ["Storefront"],
  summary: "Home page: curated collections and counts by region, group and stars",
  responses: json(HomeSchema, "Home page data"),
});

const provinces = createRoute({
  method: "get",
  ...roles(PUBLIC),
  path: "/provinces",
  tags: ["Catalog"],
  summary: "The 34 provinces and cities (since 1 July 2025) with listed-product counts",
  responses: json(z.array(ProvinceSchema), "Provinces"),
});

const groups = createRoute({
  method: "get",
  ...roles(PUBLIC),
  path: "/groups",
  tags: ["Catalog"],
  summary: "The six OCOP product groups (Decision 148/QĐ-TTg) with listed-product counts",
  responses: json(z.array(GroupSchema), "Groups"),
});

const Counts = z.record(z.string(), z.number().int());
const FacetsSchema = z
  .object({
    province: Counts.openapi({ description: "Products by province code, the other filters applied" }),
    group: Counts.openapi({ description: "Products by group, the other filters applied" }),
    complete: z.boolean().openapi({ description: "False when the counts stopped at the read's bound (lower bounds)" }),
  })
  .openapi("Facets");

const facets = createRoute({
  method: "get",
  ...roles(PUBLIC),
  path: "/facets",
  tags: ["Catalog"],
  summary: "Counts by province and by group for the catalog's filters, under the search text and the other filters",
  description:
    "Takes the filters of `GET /api/products` (no sort, cursor or limit). Each facet leaves its own choice out: the province counts apply the group, region, stars, price and `q`; the group counts apply everything but the group.",
  request: { query: Storefront.FacetQuery },
  responses: { ...json(FacetsSchema, "Counts"), 400: errorResponses[400] },
});

const wards = createRoute({
  method: "get",
  path: "/provinces/{code}/wards",
  tags: ["Catalog"],
  ...roles(PUBLIC),
  summary: "The wards and communes (xã/phường) of one province, Resolution 202/2025/QH15",
  request: {
    params: z.object({ code: z.enum(PROVINCE_CODES).openapi({ param: { name: "code", in: "path" }, example: "14" }) }),
  },
  responses: {
    ...json(z.array(z.object({ code: z.string(), name: z.string() })).openapi("Wards"), "Wards"),
    400: errorResponses[400],
  },
});

export const catalog = router()
  .openapi(home, async (c) => c.json(await Storefront.home(), 200))
  .openapi(provinces, async (c) => c.json(await Storefront.provinces(), 200))
  .openapi(groups, async (c) => c.json(await Storefront.groups(), 200))
  .openapi(facets, async (c) => c.json(await Storefront.facets(c.req.valid("query")), 200))
  .openapi(wards, (c) => {
    const list = wardsOf(c.req.valid("param").code).map((w) => ({ code: w.code, name: w.name }));
    c.header("cache-control", "public, max-age=86400");
    return c.json(list, 200);
  });
