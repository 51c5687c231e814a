import type { z } from "zod";
import { DomainError, firstIssue } from "./error";

/**
 * A domain function whose input is parsed once, here, whatever calls it
 * (HTTP route, seed script, scheduled job).
 */
export function fn<Schema extends z.ZodType, Result>(schema: Schema, body: (input: z.output<Schema>) => Result) {
  const run = (input: z.input<Schema>): Result => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const { field, message: detail } = firstIssue(parsed.error.issues);
      throw new DomainError(
        400,
        "invalid_input",
        {
          vi: `Dữ liệu không hợp lệ${field ? ` ở trường "${field}"` : ""}: ${detail}`,
          en: `Invalid ${field ?? "input"}: ${detail}`,
        },
        field,
      );
    }
    return body(parsed.data);
  };
  run.schema = schema;
  return run;
}
