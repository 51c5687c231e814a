import { DomainError, firstIssue } from "@cho-ocop/core/util/error";
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context, Env } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The one error shape of the API. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_input" }),
      message: z.string().openapi({ example: 'Dữ liệu không hợp lệ ở trường "minStars"' }),
      field: z.string().optional().openapi({ example: "minStars" }),
      /** 503 not_configured: the settings the server was deployed without, by name. */
      missing: z
        .array(z.string())
        .optional()
        .openapi({ example: ["SESSION_SECRET"] }),
    }),
  })
  .openapi("Error");

const errorOf = (description: string) => ({ description, content: { "application/json": { schema: ErrorBody } } });

export const errorResponses = {
  400: errorOf("Invalid input; `field` names the first offending field"),
  401: errorOf("Not signed in"),
  403: errorOf("Signed in, but not allowed"),
  404: errorOf("Not found"),
  409: errorOf("Not possible in the current state"),
  413: errorOf("Too large"),
  415: errorOf("Unsupported type"),
  422: errorOf("Incomplete: `field` names the first thing missing"),
  429: errorOf("Too many requests or tries"),
} as const;

/** Vietnamese first; English when the client asks for it. */
export function language(c: Context): "vi" | "en" {
  const asked = c.req.query("lang") ?? c.req.header("accept-language") ?? "";
  return /^en\b/i.test(asked) ? "en" : "vi";
}

export function errorJson(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  messages: { vi: string; en: string },
  field?: string,
) {
  return c.json({ error: { code, message: messages[language(c)], ...(field ? { field } : {}) } }, status);
}

function fromIssues(c: Context, issues: Parameters<typeof firstIssue>[0]) {
  const { field, message: detail } = firstIssue(issues);
  return errorJson(
    c,
    400,
    "invalid_input",
    {
      vi: `Dữ liệu không hợp lệ${field ? ` ở trường "${field}"` : ""}: ${detail}`,
      en: `Invalid ${field ? `"${field}"` : "input"}: ${detail}`,
    },
    field,
  );
}

/** A router whose validation failures come out in the one error shape. */
export function router<E extends Env = Env>() {
  return new OpenAPIHono<E>({
    defaultHook: (result, c) => {
      if (!result.success) return fromIssues(c, result.error.issues);
    },
  });
}

export function onError(err: Error, c: Context) {
  if (err instanceof DomainError) return errorJson(c, err.status, err.code, err.messages, err.field);
  if (err instanceof z.ZodError) return fromIssues(c, err.issues);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return errorJson(c, status, status === 400 ? "bad_request" : "http_error", {
      vi: `Yêu cầu không hợp lệ: ${err.message}`,
      en: `Bad request: ${err.message}`,
    });
  }
  console.error(err);
  return errorJson(c, 500, "internal", {
    vi: "Đã có lỗi phía máy chủ. Vui lòng thử lại sau.",
    en: "Something went wrong on our side. Please try again later.",
  });
}

export function notFoundRoute(c: Context) {
  return errorJson(c, 404, "not_found", {
    vi: `Không có đường dẫn ${c.req.method} ${c.req.path}.`,
    en: `No route ${c.req.method} ${c.req.path}.`,
  });
}
