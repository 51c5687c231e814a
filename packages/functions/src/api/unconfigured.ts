import { Hono } from "hono";
import { language } from "./error";

/**
 * What the API answers when a setting it needs is missing (lambda-config.ts `missingSettings`): 503 on every route,
 * in the one error shape, naming the settings and never showing a value.
 */
export function unconfiguredApp(missing: string[]) {
  const names = missing.join(", ");
  return new Hono().all("*", (c) =>
    c.json(
      {
        error: {
          code: "not_configured",
          message: {
            vi: `Máy chủ chưa được cấu hình đủ: thiếu ${names}.`,
            en: `The server is not fully configured: ${names} missing.`,
          }[language(c)],
          missing,
        },
      },
      503,
    ),
  );
}
