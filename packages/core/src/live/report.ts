import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireStaffFor, requireUser } from "../account/actor";
import { rateLimit } from "../account/rate-limit";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { Producer } from "../producer";
import { DomainError } from "../util/error";
import { REPORT_REASON_IDS, REPORT_TEXT_MAX, REPORTS_PER_VIEWER } from "./report-reasons";
import { get, notLive, streamMs } from "./session";

/**
 * A viewer's report of a live on air (E-commerce Law 2025: viewers can complain during a stream): a reason from the
 * list and what they saw, at its moment in the stream. Staff of the producer's province read them as they come and
 * may end the live; the reporter is kept only to hold them to the limit, and no view names them — least of all the
 * seller's.
 */

export const ReportEntity = entityOnFirstUse(
  {
    model: { entity: "livereport", version: "1", service: SERVICE },
    attributes: {
      sessionId: { type: "string", required: true },
      reportId: { type: "string", required: true },
      at: { type: "string", required: true },
      /** Seconds since the live went on air: where in the stream (and the replay) it was seen. */
      streamSeconds: { type: "number", required: true },
      reason: { type: REPORT_REASON_IDS, required: true },
      text: { type: "string", default: "" },
      reporterId: { type: "string", required: true },
    },
    indexes: {
      bySession: { pk: { field: "pk", composite: ["sessionId"] }, sk: { field: "sk", composite: ["at", "reportId"] } },
    },
  },
  { client: lazyClient, table: tableName() },
);
export type Report = EntityItem<typeof ReportEntity>;

export const ReportInput = z
  .object({
    reason: z.enum(REPORT_REASON_IDS),
    text: z.string().trim().max(REPORT_TEXT_MAX).default(""),
  })
  .refine((r) => r.reason !== "other" || r.text.length >= 5, {
    message: "say what is wrong (5 characters or more)",
    path: ["text"],
  });

/** A report as staff read it: no reporter. */
export const ReportView = z.object({
  reportId: z.string(),
  at: z.string(),
  streamSeconds: z.number().int(),
  reason: z.enum(REPORT_REASON_IDS),
  text: z.string(),
});
export type ReportView = z.infer<typeof ReportView>;

export const reportView = (r: Report): ReportView => ({
  reportId: r.reportId,
  at: r.at,
  streamSeconds: r.streamSeconds,
  reason: r.reason,
  text: r.text ?? "",
});

/** A signed-in viewer reports the live now on air; its own sellers cannot report it. */
export async function report(actor: Actor, sessionId: string, input: z.input<typeof ReportInput>, now = new Date()) {
  const user = requireUser(actor);
  const fields = ReportInput.parse(input);
  const session = await get(sessionId);
  if (session.status !== "live") throw notLive();
  if (user.role === "seller" && user.producerId === session.producerId) {
    throw new DomainError(403, "forbidden", {
      vi: "Người bán không báo cáo buổi live của mình.",
      en: "Sellers cannot report their own live.",
    });
  }
  await rateLimit(`report:${sessionId}:${user.userId}`, REPORTS_PER_VIEWER, 600, now.getTime());
  const item = {
    sessionId,
    reportId: ulid(now.getTime()).toLowerCase(),
    at: now.toISOString(),
    streamSeconds: Math.floor(streamMs(session, now.getTime()) / 1000),
    reason: fields.reason,
    text: fields.text,
    reporterId: user.userId,
  };
  await ReportEntity.create(item).go();
  return reportView(item);
}

/** The live's reports, newest first, for staff of its producer's province (or central staff). */
export async function reports(actor: Actor, sessionId: string): Promise<ReportView[]> {
  const session = await get(sessionId);
  const producer = await Producer.get(session.producerId);
  requireStaffFor(actor, { provinceCode: producer.provinceCode });
  const { data } = await ReportEntity.query.bySession({ sessionId }).go({ order: "desc", pages: "all" });
  return data.map(reportView);
}
