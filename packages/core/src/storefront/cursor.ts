import { z } from "zod";
import { DomainError } from "../util/error";

/**
 * An opaque page cursor: a DynamoDB start key for shelf lists; for search in relevance order the words read and the
 * last relevance key passed; an offset for search in other orders.
 */
const Shape = z.union([
  z.object({ k: z.record(z.string(), z.string()) }).strict(),
  z.object({ w: z.array(z.string().min(1).max(40)).min(1).max(5), r: z.string().max(200) }).strict(),
  z.object({ o: z.number().int().min(0).max(10_000) }).strict(),
]);
export type Cursor = z.infer<typeof Shape>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    return Shape.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw invalidCursor();
  }
}

export const invalidCursor = () =>
  new DomainError(
    400,
    "invalid_input",
    { vi: "Con trỏ trang không hợp lệ, hãy tải lại danh sách.", en: "Invalid page cursor; reload the list." },
    "cursor",
  );
