import { isConditionFailure } from "../account/rate-limit";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";

/** A local upload ticket that has been used; kept (TTL) until the ticket expires, so it cannot be used again. */
export const UsedTicketEntity = entityOnFirstUse(
  {
    model: { entity: "usedUploadTicket", version: "1", service: SERVICE },
    attributes: {
      ticket: { type: "string", required: true },
      usedAt: { type: "string", required: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: { byTicket: { pk: { field: "pk", composite: ["ticket"] }, sk: { field: "sk", composite: [] } } },
  },
  { client: lazyClient, table: tableName() },
);

/**
 * Uses up a ticket: true the first time, false ever after. One conditional write, so two uploads sent together
 * with the same ticket cannot both pass.
 */
export async function useTicket(ticket: string, expires: number, now = Date.now()): Promise<boolean> {
  try {
    await UsedTicketEntity.create({ ticket, usedAt: new Date(now).toISOString(), expiresAt: expires + 60 }).go({
      response: "none",
    });
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
