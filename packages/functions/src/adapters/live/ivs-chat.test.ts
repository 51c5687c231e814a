import { IvschatClient } from "@aws-sdk/client-ivschat";
import { CHAT_MAX_LENGTH } from "@cho-ocop/core/live/chat";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeIvs, startFakeIvs } from "../../../../testkit/src/fake-ivs";
import { CHAT_MESSAGES_PER_SECOND, CHAT_SESSION_MINUTES, IvsChatProvider, reviewChatMessage } from "./ivs-chat";

const REGION = "ap-northeast-1";
const SESSION = "01jq3v5x7z9b1d3f5h7k9m1p3r";
const BUYER = "01jq3v5x7z9b1d3f5h7k9m1p4s";

let fake: FakeIvs;
let client: IvschatClient;
let chat: IvsChatProvider;
let room: string;

beforeAll(async () => {
  fake = await startFakeIvs({ region: REGION });
  client = new IvschatClient({ endpoint: fake.url, region: REGION, credentials: fake.credentials, maxAttempts: 1 });
  chat = new IvsChatProvider({ region: REGION, stage: "prod", client });
  room = await chat.createRoom(SESSION);
});
afterAll(async () => {
  client?.destroy();
  await fake?.close();
});

const scope = new RegExp(`^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+/\\d{8}/${REGION}/ivschat/aws4_request, `);

describe("IvsChatProvider against a local IVS Chat server", () => {
  it("creates a room per session: named for the stage, 200 characters, 5 messages a second, tagged, signed for ivschat", () => {
    expect(room).toMatch(new RegExp(`^arn:aws:ivschat:${REGION}:\\d{12}:room/[A-Za-z0-9]{12}$`));
    const request = fake.requests.find((r) => r.operation === "CreateRoom");
    expect(request).toMatchObject({ service: "ivschat", status: 200 });
    expect(request?.authorization).toMatch(scope);
    expect(request?.input).toEqual({
      name: `cho-ocop-prod-${SESSION}`,
      maximumMessageLength: CHAT_MAX_LENGTH,
      maximumMessageRatePerSecond: CHAT_MESSAGES_PER_SECOND,
      tags: { app: "cho-ocop", stage: "prod", sessionId: SESSION },
    });
    expect(fake.rooms.get(room)).toMatchObject({ maximumMessageLength: 200, maximumMessageRatePerSecond: 5 });
  });

  it("gives a viewer a token that may only send, for the region's messaging endpoint", async () => {
    const ticket = await chat.join(
      { sessionId: SESSION, chatRoomArn: room },
      { userId: BUYER, name: "Khách ***678", role: "viewer", moderator: false },
    );
    const token = fake.tokens.at(-1);
    expect(token).toEqual({
      roomArn: room,
      userId: BUYER,
      attributes: { name: "Khách ***678", role: "viewer", sessionId: SESSION },
      capabilities: ["SEND_MESSAGE"],
      sessionDurationInMinutes: CHAT_SESSION_MINUTES,
      token: expect.any(String),
    });
    expect(ticket).toEqual({
      provider: "ivs",
      url: `wss://edge.ivschat.${REGION}.amazonaws.com`,
      token: token?.token,
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Date.parse(ticket.expiresAt)).toBeGreaterThan(Date.now());
    expect(fake.requests.at(-1)?.authorization).toMatch(scope);
  });

  it("lets the seller and staff also delete messages and disconnect viewers", async () => {
    await chat.join(
      { sessionId: SESSION, chatRoomArn: room },
      { userId: "seller", name: "HTX Mộc Châu", role: "seller", moderator: true },
    );
    expect(fake.tokens.at(-1)?.capabilities).toEqual(["SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER"]);
    // The shop's name and role are in the token: IVS puts them on every message the seller sends.
    expect(fake.tokens.at(-1)?.attributes).toEqual({ name: "HTX Mộc Châu", role: "seller", sessionId: SESSION });
  });

  it("deletes a message with DeleteMessage", async () => {
    await chat.deleteMessage({ sessionId: SESSION, chatRoomArn: room }, "AbCdEf123456", "moderated");
    expect(fake.deletedMessages.at(-1)).toEqual({ roomArn: room, id: "AbCdEf123456", reason: "moderated" });
    expect(fake.requests.at(-1)).toMatchObject({
      operation: "DeleteMessage",
      status: 200,
      input: { roomIdentifier: room, id: "AbCdEf123456", reason: "moderated" },
    });
  });

  it("disconnects a muted viewer with DisconnectUser", async () => {
    await chat.disconnect({ sessionId: SESSION, chatRoomArn: room }, BUYER, "muted");
    expect(fake.disconnects.at(-1)).toEqual({ roomArn: room, userId: BUYER, reason: "muted" });
    expect(fake.requests.at(-1)).toMatchObject({ operation: "DisconnectUser", status: 200 });
  });

  it("announces a room event with SendEvent", async () => {
    await chat.announce({ sessionId: SESSION, chatRoomArn: room }, "likes", { count: "17" });
    expect(fake.roomEvents.at(-1)).toEqual({ roomArn: room, eventName: "likes", attributes: { count: "17" } });
    expect(fake.requests.at(-1)).toMatchObject({
      operation: "SendEvent",
      status: 200,
      input: { roomIdentifier: room, eventName: "likes", attributes: { count: "17" } },
    });
  });

  it("refuses, without calling IVS, a session that has no room", async () => {
    const before = fake.requests.length;
    await expect(
      chat.join({ sessionId: SESSION }, { userId: BUYER, name: "x", role: "viewer", moderator: false }),
    ).rejects.toMatchObject({ status: 409, code: "no_chat_room" });
    await expect(chat.announce({ sessionId: SESSION }, "likes", {})).rejects.toMatchObject({ code: "no_chat_room" });
    expect(fake.requests).toHaveLength(before);
  });

  it("lets IVS Chat's errors through with their name (a room that does not exist, a message id IVS refuses)", async () => {
    const gone = room.replace(/room\/.+$/, "room/Gone00000000");
    await expect(
      chat.join(
        { sessionId: SESSION, chatRoomArn: gone },
        { userId: BUYER, name: "x", role: "viewer", moderator: false },
      ),
    ).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      resourceType: "ROOM",
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      chat.deleteMessage({ sessionId: SESSION, chatRoomArn: room }, "not-an-id!", "x"),
    ).rejects.toMatchObject({ name: "ValidationException", reason: "FIELD_VALIDATION_FAILED" });
  });

  it("is refused when the request is not signed with the right secret", async () => {
    const wrong = new IvschatClient({
      endpoint: fake.url,
      region: REGION,
      credentials: { ...fake.credentials, secretAccessKey: "not-the-secret" },
      maxAttempts: 1,
    });
    await expect(
      new IvsChatProvider({ region: REGION, stage: "prod", client: wrong }).createRoom(SESSION),
    ).rejects.toMatchObject({ name: "InvalidSignatureException", $metadata: { httpStatusCode: 403 } });
    wrong.destroy();
  });
});

describe("reviewChatMessage (IVS Chat's message review handler)", () => {
  const event = (sender: Record<string, string>, content = "Còn hàng không ạ?") => ({
    MessageId: "AbCdEf123456",
    Content: content,
    RoomArn: "arn:aws:ivschat:ap-northeast-1:123456789012:room/AbCdEf123456",
    Sender: { UserId: BUYER, Attributes: sender, Ip: "203.0.113.9" },
  });

  it("keeps each message with the author from the writer's token, and lets it through", async () => {
    const kept: unknown[] = [];
    const at = new Date("2026-12-01T12:30:00.000Z");
    const out = await reviewChatMessage(
      event({ name: "HTX Mộc Châu", role: "seller", sessionId: SESSION }),
      { record: async (...args) => void kept.push(args), isMuted: async () => false },
      at,
    );
    expect(out).toEqual({ ReviewResult: "ALLOW" });
    expect(kept).toEqual([
      [
        SESSION,
        {
          id: "AbCdEf123456",
          at: at.toISOString(),
          text: "Còn hàng không ạ?",
          user: { userId: BUYER, name: "HTX Mộc Châu", role: "seller", moderator: true },
        },
      ],
    ]);
  });

  it("counts a token without a known role as a viewer's, and refuses a muted viewer's message without keeping it", async () => {
    const kept: Array<[string, { user: { role: string } }]> = [];
    const record = async (sessionId: string, m: { user: { role: string } }) => void kept.push([sessionId, m]);
    await reviewChatMessage(event({ name: "Khách ***678", role: "admin", sessionId: SESSION }), {
      record,
      isMuted: async () => false,
    });
    expect(kept[0]?.[1].user.role).toBe("viewer");
    const out = await reviewChatMessage(event({ name: "Khách ***678", sessionId: SESSION }), {
      record,
      isMuted: async (sessionId, userId) => sessionId === SESSION && userId === BUYER,
    });
    expect(out).toEqual({ ReviewResult: "DENY" });
    expect(kept).toHaveLength(1);
  });
});
