import { AddressBook } from "@cho-ocop/core/address/index";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "./actor";
import { errorResponses, router } from "./error";
import { roles, SIGNED_IN } from "./roles";

const BookSchema = z.object(AddressBook.View.shape).openapi("AddressBook");
const json = (description: string) => ({ description, content: { "application/json": { schema: BookSchema } } });
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const IdParam = z.object({ id: AddressBook.Id.openapi({ param: { name: "id", in: "path" } }) });
const errs = {
  400: errorResponses[400],
  401: errorResponses[401],
  404: errorResponses[404],
  409: errorResponses[409],
};

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["Address book"],
  summary: "The signed-in person's saved delivery addresses, the default first",
  ...roles(SIGNED_IN),
  responses: { 200: json("The address book"), 401: errorResponses[401] },
});

const add = createRoute({
  method: "post",
  path: "/",
  tags: ["Address book"],
  summary: `Save an address (at most ${AddressBook.MAX}); the first, or one sent with isDefault, is the default`,
  ...roles(SIGNED_IN),
  request: body(AddressBook.Input),
  responses: { 201: json("The address book"), ...errs },
});

const edit = createRoute({
  method: "patch",
  path: "/{id}",
  tags: ["Address book"],
  summary: "Edit one of the caller's addresses, or make it the default (`isDefault: true`)",
  description: "An address of someone else's book is a 404, as one that does not exist.",
  ...roles(SIGNED_IN),
  request: { params: IdParam, ...body(AddressBook.Patch) },
  responses: { 200: json("The address book"), ...errs },
});

const drop = createRoute({
  method: "delete",
  path: "/{id}",
  tags: ["Address book"],
  summary: "Delete one of the caller's addresses; deleting the default makes the earliest remaining one the default",
  ...roles(SIGNED_IN),
  request: { params: IdParam },
  responses: { 200: json("The address book"), ...errs },
});

/** `/api/me/addresses`: each person's own book, keyed by who is signed in; no address id reaches another's. */
export const addresses = router<AppEnv>()
  .openapi(list, async (c) => c.json(await AddressBook.list(await c.var.actor()), 200))
  .openapi(add, async (c) => c.json(await AddressBook.create(await c.var.actor(), c.req.valid("json")), 201))
  .openapi(edit, async (c) =>
    c.json(await AddressBook.edit(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(drop, async (c) => c.json(await AddressBook.drop(await c.var.actor(), c.req.valid("param").id), 200));
