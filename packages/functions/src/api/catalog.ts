import { Storefront } from "@cho-ocop/core/storefront/index";
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "./error";
import { GroupSchema, HomeSchema, ProvinceSchema } from "./schemas";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
});

const home = createRoute({
  method: "get",
  path: "/home",
  tags: ["Storefront"],
  summary: "Home page: curated collections and counts by region, group and stars",
  responses: json(HomeSchema, "Home page data"),
});

const provinces = createRoute({
  method: "get",
  path: "/provinces",
  tags: ["Catalog"],
  summary: "The 34 provinces and cities (since 1 July 2025) with listed-product counts",
  responses: json(z.array(ProvinceSchema), "Provinces"),
});

const groups = createRoute({
  method: "get",
  path: "/groups",
  tags: ["Catalog"],
  summary: "The six OCOP product groups (Decision 148/QĐ-TTg) with listed-product counts",
  responses: json(z.array(GroupSchema), "Groups"),
});

export const catalog = router()
  .openapi(home, async (c) => c.json(await Storefront.home(), 200))
  .openapi(provinces, async (c) => c.json(await Storefront.provinces(), 200))
  .openapi(groups, async (c) => c.json(await Storefront.groups(), 200));
