import type { SESv2Client } from "@aws-sdk/client-sesv2";
import type { SNSClient } from "@aws-sdk/client-sns";
import { ulid } from "ulid";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { adapterSlot } from "../util/adapter";

/** A text message to a person: SMS to an E.164 number or e-mail to an address. */
export interface Message {
  channel: "sms" | "email";
  to: string;
  subject: string;
  text: string;
}

export interface Messenger {
  send(message: Message): Promise<void>;
}

/** Messages kept for a day so that the local outbox page (and tests) can read them. */
export const OutboxEntity = entityOnFirstUse(
  {
    model: { entity: "outbox", version: "1", service: SERVICE },
    attributes: {
      box: { type: "string", required: true, default: "outbox" },
      messageId: { type: "string", required: true },
      channel: { type: ["sms", "email"] as const, required: true },
      to: { type: "string", required: true },
      subject: { type: "string", required: true },
      text: { type: "string", required: true },
      sentAt: { type: "string", required: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      recent: { pk: { field: "pk", composite: ["box"] }, sk: { field: "sk", composite: ["messageId"] } },
    },
  },
  { client: lazyClient, table: tableName() },
);

/** Local delivery: the message is printed in the terminal and kept in the outbox. Nothing leaves the machine. */
export class OutboxMessenger implements Messenger {
  constructor(private readonly print: (line: string) => void = (line) => console.log(line)) {}

  async send(message: Message) {
    const now = new Date();
    await OutboxEntity.create({
      ...message,
      box: "outbox",
      messageId: ulid(now.getTime()).toLowerCase(),
      sentAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + 86_400,
    }).go();
    this.print(`[outbox] ${message.channel} to ${message.to}: ${message.text}`);
  }

  static async recent(limit = 50) {
    const { data } = await OutboxEntity.query.recent({ box: "outbox" }).go({ order: "desc", limit });
    return data;
  }
}

/**
 * Production delivery: SMS through Amazon SNS, e-mail through Amazon SES (v2). Each SDK is loaded, and its client made
 * in the function's region, on the first message of its channel rather than at cold start.
 */
export class AwsMessenger implements Messenger {
  constructor(
    private sns: SNSClient | undefined,
    private ses: SESv2Client | undefined,
    private readonly from: string,
  ) {}

  async send(message: Message) {
    if (message.channel === "sms") {
      const { PublishCommand, SNSClient } = await import("@aws-sdk/client-sns");
      this.sns ??= new SNSClient({});
      await this.sns.send(
        new PublishCommand({
          PhoneNumber: message.to,
          Message: message.text,
          MessageAttributes: {
            "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
            "AWS.SNS.SMS.SenderID": { DataType: "String", StringValue: "CHOOCOP" },
          },
        }),
      );
      return;
    }
    const { SendEmailCommand, SESv2Client } = await import("@aws-sdk/client-sesv2");
    this.ses ??= new SESv2Client({});
    await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: "UTF-8" },
            Body: { Text: { Data: message.text, Charset: "UTF-8" } },
          },
        },
      }),
    );
  }
}

/** SNS for SMS and SES for e-mail, in the function's region. */
export function awsMessenger(mailFrom: string): Messenger {
  return new AwsMessenger(undefined, undefined, mailFrom);
}

const current = adapterSlot<Messenger>("messages", "the messenger (SNS/SES or the local outbox)");

/** SNS and SES on AWS, the local outbox otherwise: chosen by the composition root at start-up. */
export function messenger(): Messenger {
  return current.get();
}

export function useMessenger(next: Messenger) {
  current.use(next);
}
