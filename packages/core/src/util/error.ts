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

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: Issue[][];
}

/**
 * The issue to report for a failed parse. For a union ("a phone or an e-mail"), the alternative that came closest
 * (fewest issues) speaks, so that the error names a real field instead of the whole body.
 */
export function firstIssue(issues: ReadonlyArray<Issue>): { field?: string; message: string } {
  let issue = issues[0];
  let prefix: PropertyKey[] = [];
  while (issue?.code === "invalid_union" && issue.errors?.length) {
    prefix = [...prefix, ...issue.path];
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    if (!closest?.length) break;
    issue = closest[0];
  }
  const path = [...prefix, ...(issue?.path ?? [])];
  return { field: path.map(String).join(".") || undefined, message: issue?.message ?? "invalid" };
}
