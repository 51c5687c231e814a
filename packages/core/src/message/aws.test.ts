import { SESv2Client } from "@aws-sdk/client-sesv2";
import { SNSClient } from "@aws-sdk/client-sns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSnsSes, startFakeSnsSes } from "../../../testkit/src/fake-sns-ses";
import { AwsMessenger } from "./index";

let fake: FakeSnsSes;
let sns: SNSClient;
let ses: SESv2Client;
let messenger: AwsMessenger;

beforeAll(async () => {
  fake = await startFakeSnsSes({ region: "ap-southeast-1", verifiedIdentities: ["cho-ocop.vn"] });
  const config = { endpoint: fake.url, region: fake.region, credentials: fake.credentials, maxAttempts: 1 };
  sns = new SNSClient(config);
  ses = new SESv2Client(config);
  messenger = new AwsMessenger(sns, ses, "no-reply@cho-ocop.vn");
});
afterAll(async () => {
  sns?.destroy();
  ses?.destroy();
  await fake?.close();
});

const scope = (service: string) =>
  new RegExp(
    `^AWS4-HMAC-SHA256 Credential=${fake.credentials.accessKeyId}/\\d{8}/ap-southeast-1/${service}/aws4_request, `,
  );

describe("AwsMessenger against local SNS and SES v2 servers", () => {
  it("sends an SMS through SNS Publish: E.164 number, text, Transactional, our sender id, signed for sns", async () => {
    await messenger.send({ channel: "sms", to: "+84912345678", subject: "", text: "Mã đăng nhập Chợ OCOP: 482913" });

    expect(fake.sms).toEqual([
      {
        messageId: expect.any(String),
        phoneNumber: "+84912345678",
        message: "Mã đăng nhập Chợ OCOP: 482913",
        attributes: { "AWS.SNS.SMS.SMSType": "Transactional", "AWS.SNS.SMS.SenderID": "CHOOCOP" },
        sentAt: expect.any(String),
      },
    ]);
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ service: "sns", operation: "Publish", status: 200 });
    expect(request?.authorization).toMatch(scope("sns"));
    expect(fake.emails).toEqual([]);
  });

  it("sends an e-mail through SES v2 SendEmail with From, To, subject and a UTF-8 body, signed for ses", async () => {
    const text = "Cảm ơn bạn đã đặt Nước mắm Phú Quốc 40°N (OCOP 4★).\nĐơn hàng sẽ được giao trong 2–3 ngày.";
    await messenger.send({
      channel: "email",
      to: "khach.hang@example.vn",
      subject: "Đơn hàng #A1B2 đã xác nhận",
      text,
    });

    expect(fake.emails).toEqual([
      {
        messageId: expect.any(String),
        from: "no-reply@cho-ocop.vn",
        to: ["khach.hang@example.vn"],
        cc: [],
        bcc: [],
        subject: "Đơn hàng #A1B2 đã xác nhận",
        text,
        charset: "UTF-8",
      },
    ]);
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ service: "ses", operation: "SendEmail", status: 200 });
    expect(request?.authorization).toMatch(scope("ses"));
  });

  it("rejects when SNS answers an error (InvalidParameter for a number that is not E.164)", async () => {
    const before = fake.sms.length;
    await expect(
      messenger.send({ channel: "sms", to: "0912345678", subject: "", text: "Mã: 1" }),
    ).rejects.toMatchObject({
      name: expect.stringMatching(/^InvalidParameter/),
      message: expect.stringContaining("0912345678 is not valid to publish to"),
      $metadata: { httpStatusCode: 400 },
    });
    expect(fake.sms).toHaveLength(before);
    expect(fake.requests.at(-1)).toMatchObject({ service: "sns", status: 400, code: "InvalidParameter" });
  });

  it("rejects when SES refuses the sender (MessageRejected for an unverified identity)", async () => {
    const unverified = new AwsMessenger(sns, ses, "shop@example.com");
    await expect(
      unverified.send({ channel: "email", to: "a@example.vn", subject: "x", text: "y" }),
    ).rejects.toMatchObject({
      name: "MessageRejected",
      $metadata: { httpStatusCode: 400 },
    });
    expect(fake.emails).toHaveLength(1);
  });

  it("is refused when the signature is not made with the right secret, so the deliveries above were really signed", async () => {
    const config = {
      endpoint: fake.url,
      region: fake.region,
      credentials: { ...fake.credentials, secretAccessKey: "not-the-secret" },
      maxAttempts: 1,
    };
    const forged = new AwsMessenger(new SNSClient(config), new SESv2Client(config), "no-reply@cho-ocop.vn");
    await expect(forged.send({ channel: "sms", to: "+84912345678", subject: "", text: "x" })).rejects.toMatchObject({
      name: "SignatureDoesNotMatch",
      $metadata: { httpStatusCode: 403 },
    });
    await expect(forged.send({ channel: "email", to: "a@example.vn", subject: "x", text: "y" })).rejects.toMatchObject({
      name: "InvalidSignatureException",
      $metadata: { httpStatusCode: 403 },
    });
    expect(fake.sms).toHaveLength(1);
    expect(fake.emails).toHaveLength(1);
  });
});
