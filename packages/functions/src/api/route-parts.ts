import { z } from "@hono/zod-openapi";
import { errorResponses } from "./error";

/** The pieces route declarations are made of, so that every route states its body, answers and refusals alike. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

/** What a route behind a sign-in and a role may refuse with. */
export const guarded = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };

/** …and a route about one record, which may not exist or may have moved on. */
export const onOne = { ...guarded, 404: errorResponses[404], 409: errorResponses[409] };

/** A path parameter holding one of our ULIDs (lower case). */
export const ulidParam = (name: string, what: string) =>
  z
    .string()
    .regex(/^[0-9a-z]{26}$/, `expected ${what}`)
    .openapi({ param: { name, in: "path" } });
