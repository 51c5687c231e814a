/**
 * The one error every layer throws for an expected failure. The HTTP edge turns it into
 * `{ "error": { "code", "message", "field"? } }` with `status`.
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    readonly messages: { vi: string; en: string },
    readonly field?: string,
  ) {
    super(messages.en);
    this.name = "DomainError";
  }
}

export const notFound = (what: { vi: string; en: string }) =>
  new DomainError(404, "not_found", { vi: `Không tìm thấy ${what.vi}.`, en: `${what.en} not found.` });
