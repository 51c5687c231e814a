import {
  type ChatTokenCapability,
  CreateChatTokenCommand,
  CreateRoomCommand,
  DeleteMessageCommand,
  DeleteRoomCommand,
  DisconnectUserCommand,
  IvschatClient,
  SendEventCommand,
} from "@aws-sdk/client-ivschat";
import {
  type ChatError,
  type ChatEvent,
  type ChatMessage,
  ChatRoom,
  type ChatToken,
  type DeleteMessageEvent,
  DeleteMessageRequest,
  type DisconnectReason,
  type DisconnectUserEvent,
  DisconnectUserRequest,
  SendMessageRequest,
} from "amazon-ivs-chat-messaging";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeIvs, startFakeIvs } from "./fake-ivs";
import type { ChatReviewEvent, ChatReviewResult } from "./fake-ivs-chat";

const REGION = "ap-northeast-1";
const MODERATOR: ChatTokenCapability[] = ["SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER"];

let fake: FakeIvs;
let chat: IvschatClient;
/** The fake's clock when a test fixes it; the real one otherwise (the client schedules its own timers on the real one). */
let fixed: number | undefined;
const reviewed: ChatReviewEvent[] = [];
let verdict: (event: ChatReviewEvent) => ChatReviewResult = () => ({ ReviewResult: "ALLOW" });
const joined: ChatRoom[] = [];

beforeAll(async () => {
  fake = await startFakeIvs({
    region: REGION,
    now: () => fixed ?? Date.now(),
    reviewMessage: (event) => {
      reviewed.push(event);
      return verdict(event);
    },
  });
  chat = new IvschatClient({ endpoint: fake.url, region: REGION, credentials: fake.credentials, maxAttempts: 1 });
});
afterEach(() => {
  for (const room of joined.splice(0)) room.disconnect();
  fixed = undefined;
});
afterAll(async () => {
  chat?.destroy();
  await fake?.close();
});

const quiet = { debug() {}, info() {}, error() {} };

async function createRoom(options: { maximumMessageLength?: number; rate?: number; reviewed?: boolean } = {}) {
  const out = await chat.send(
    new CreateRoomCommand({
      name: "live",
      maximumMessageLength: options.maximumMessageLength ?? 200,
      maximumMessageRatePerSecond: options.rate ?? 10,
      ...(options.reviewed
        ? { messageReviewHandler: { uri: "arn:aws:lambda:ap-northeast-1:123456789012:function:review" } }
        : {}),
    }),
  );
  return out.arn ?? "";
}

async function tokenFor(roomArn: string, userId: string, capabilities: ChatTokenCapability[] = ["SEND_MESSAGE"]) {
  const out = await chat.send(
    new CreateChatTokenCommand({
      roomIdentifier: roomArn,
      userId,
      capabilities,
      attributes: { name: userId.toUpperCase(), role: capabilities.length > 1 ? "seller" : "viewer" },
    }),
  );
  return {
    token: out.token ?? "",
    tokenExpirationTime: out.tokenExpirationTime,
    sessionExpirationTime: out.sessionExpirationTime,
  };
}

/** The real messaging client, with what it heard. */
function client(tokenProvider: () => Promise<ChatToken>) {
  const room = new ChatRoom({ regionOrUrl: fake.chatUrl, tokenProvider, maxReconnectAttempts: 0 });
  room.logger = quiet;
  joined.push(room);
  const heard = {
    messages: [] as ChatMessage[],
    events: [] as ChatEvent[],
    deletes: [] as DeleteMessageEvent[],
    disconnects: [] as DisconnectUserEvent[],
    closed: undefined as DisconnectReason | undefined,
  };
  room.addListener("message", (m) => heard.messages.push(m));
  room.addListener("event", (e) => heard.events.push(e));
  room.addListener("messageDelete", (e) => heard.deletes.push(e));
  room.addListener("userDisconnect", (e) => heard.disconnects.push(e));
  room.addListener("disconnect", (reason) => {
    heard.closed = reason;
  });
  return { room, heard };
}

async function join(roomArn: string, userId: string, capabilities?: ChatTokenCapability[]) {
  const joiner = client(() => tokenFor(roomArn, userId, capabilities));
  const connected = new Promise<void>((resolve, reject) => {
    joiner.room.addListener("connect", () => resolve());
    joiner.room.addListener("disconnect", (reason) => reject(new Error(`refused: ${reason}`)));
  });
  joiner.room.connect();
  await connected;
  return joiner;
}

/** A request the server refuses: the client's promise rejects with the server's ERROR frame. */
async function refusal(pending: Promise<unknown>): Promise<ChatError> {
  return pending.then(
    () => {
      throw new Error("the server accepted it");
    },
    (e: ChatError) => e,
  );
}

describe("fake IVS Chat messaging, with amazon-ivs-chat-messaging's ChatRoom", () => {
  it("delivers a message to everyone in the room, with the sender the token carries", async () => {
    const roomArn = await createRoom();
    const lan = await join(roomArn, "lan");
    const minh = await join(roomArn, "minh");

    const sent = await lan.room.sendMessage(new SendMessageRequest("Chè Shan tuyết còn không?", { reply: "none" }));

    expect(sent.content).toBe("Chè Shan tuyết còn không?");
    expect(sent.sender).toEqual({ userId: "lan", attributes: { name: "LAN", role: "viewer" } });
    expect(sent.attributes).toEqual({ reply: "none" });
    expect(sent.id).toMatch(/^[a-zA-Z0-9]+$/);
    await vi.waitFor(() => expect(minh.heard.messages.map((m) => m.id)).toEqual([sent.id]));
    expect(minh.heard.messages[0]?.content).toBe("Chè Shan tuyết còn không?");
    expect(minh.heard.messages[0]?.sendTime).toEqual(sent.sendTime);
    expect(fake.chatMessages.at(-1)).toMatchObject({ roomArn, id: sent.id, sender: { userId: "lan" } });
  });

  it("lets a moderator's socket delete a message, which everyone hears and the control plane records", async () => {
    const roomArn = await createRoom();
    const seller = await join(roomArn, "seller", MODERATOR);
    const viewer = await join(roomArn, "viewer");
    const sent = await viewer.room.sendMessage(new SendMessageRequest("spam spam"));

    const deleted = await seller.room.deleteMessage(new DeleteMessageRequest(sent.id, "spam"));

    expect(deleted).toMatchObject({ messageId: sent.id, reason: "spam" });
    await vi.waitFor(() => expect(viewer.heard.deletes.map((d) => d.messageId)).toEqual([sent.id]));
    expect(fake.deletedMessages.at(-1)).toEqual({ roomArn, id: sent.id, reason: "spam" });
  });

  it("refuses a viewer's delete and disconnect (no capability) with 403", async () => {
    const roomArn = await createRoom();
    const viewer = await join(roomArn, "viewer");
    const sent = await viewer.room.sendMessage(new SendMessageRequest("hello"));

    expect((await refusal(viewer.room.deleteMessage(new DeleteMessageRequest(sent.id)))).errorCode).toBe(403);
    expect((await refusal(viewer.room.disconnectUser(new DisconnectUserRequest("someone")))).errorCode).toBe(403);
  });

  it("deletes a message from the control plane as aws:DELETE_MESSAGE to every connection", async () => {
    const roomArn = await createRoom();
    const a = await join(roomArn, "a");
    const b = await join(roomArn, "b");
    const sent = await a.room.sendMessage(new SendMessageRequest("to go"));

    await chat.send(new DeleteMessageCommand({ roomIdentifier: roomArn, id: sent.id, reason: "by staff" }));

    await vi.waitFor(() => {
      expect(a.heard.deletes.map((d) => [d.messageId, d.reason])).toEqual([[sent.id, "by staff"]]);
      expect(b.heard.deletes.map((d) => [d.messageId, d.reason])).toEqual([[sent.id, "by staff"]]);
    });
  });

  it("delivers SendEvent to every connection of the room, and only that room", async () => {
    const roomArn = await createRoom();
    const other = await join(await createRoom(), "elsewhere");
    const a = await join(roomArn, "a");
    const b = await join(roomArn, "b");

    const out = await chat.send(
      new SendEventCommand({ roomIdentifier: roomArn, eventName: "pin", attributes: { body: '{"type":"pin"}' } }),
    );

    for (const { heard } of [a, b]) {
      await vi.waitFor(() =>
        expect(heard.events.map((e) => [e.id, e.eventName, e.attributes])).toEqual([
          [out.id, "pin", { body: '{"type":"pin"}' }],
        ]),
      );
    }
    await a.room.sendMessage(new SendMessageRequest("after the event"));
    await vi.waitFor(() => expect(b.heard.messages).toHaveLength(1));
    expect(other.heard.events).toEqual([]);
  });

  it("disconnects a user from the control plane: everyone hears it and the user's socket is closed", async () => {
    const roomArn = await createRoom();
    const stays = await join(roomArn, "stays");
    const leaves = await join(roomArn, "leaves");

    await chat.send(new DisconnectUserCommand({ roomIdentifier: roomArn, userId: "leaves", reason: "muted" }));

    await vi.waitFor(() => expect(leaves.heard.closed).toBe("serverDisconnect"));
    expect(leaves.heard.disconnects.map((d) => [d.userId, d.reason])).toEqual([["leaves", "muted"]]);
    await vi.waitFor(() => expect(stays.heard.disconnects.map((d) => d.userId)).toEqual(["leaves"]));
    expect(stays.room.state).toBe("connected");
    expect(fake.chatConnections.filter((c) => c.roomArn === roomArn && c.open).map((c) => c.userId)).toEqual(["stays"]);
  });

  it("lets a moderator's socket disconnect a user", async () => {
    const roomArn = await createRoom();
    const seller = await join(roomArn, "seller", MODERATOR);
    const viewer = await join(roomArn, "viewer");

    const event = await seller.room.disconnectUser(new DisconnectUserRequest("viewer", "spam"));

    expect(event).toMatchObject({ userId: "viewer", reason: "spam" });
    await vi.waitFor(() => expect(viewer.heard.closed).toBe("serverDisconnect"));
    expect(fake.disconnects.at(-1)).toEqual({ roomArn, userId: "viewer", reason: "spam" });
  });

  it("closes the connections of a deleted room", async () => {
    const roomArn = await createRoom();
    const lan = await join(roomArn, "lan");

    await chat.send(new DeleteRoomCommand({ identifier: roomArn }));

    await vi.waitFor(() => expect(lan.heard.closed).toBe("serverDisconnect"));
  });

  it("refuses a token it never issued, one already used, and one expired", async () => {
    const roomArn = await createRoom();
    const bogus = client(async () => ({ token: "AQICAHnot-a-token" }));
    const used = await tokenFor(roomArn, "twice");
    const first = client(async () => used);
    const second = client(async () => used);

    const closed = (joiner: ReturnType<typeof client>) =>
      new Promise<DisconnectReason>((resolve) => joiner.room.addListener("disconnect", resolve));
    const bogusClosed = closed(bogus);
    bogus.room.connect();
    expect(await bogusClosed).toBe("socketError");

    const opened = new Promise<void>((resolve) => first.room.addListener("connect", () => resolve()));
    first.room.connect();
    await opened;
    const secondClosed = closed(second);
    second.room.connect();
    expect(await secondClosed).toBe("socketError");

    const stale = await tokenFor(roomArn, "late");
    fixed = Date.now() + 3_600_001;
    const late = client(async () => stale);
    const lateClosed = closed(late);
    late.room.connect();
    expect(await lateClosed).toBe("socketError");
  });

  it("answers ERROR frames for a message too long and for the room's rate", async () => {
    const roomArn = await createRoom({ maximumMessageLength: 10, rate: 2 });
    const lan = await join(roomArn, "lan");
    fixed = Date.now();

    const tooLong = await refusal(lan.room.sendMessage(new SendMessageRequest("mười một ký")));
    expect(tooLong.errorCode).toBe(400);
    expect(tooLong.errorMessage).toMatch(/10/);
    expect(await lan.room.sendMessage(new SendMessageRequest("mười ký tự"))).toMatchObject({ content: "mười ký tự" });

    await lan.room.sendMessage(new SendMessageRequest("hai"));
    expect((await refusal(lan.room.sendMessage(new SendMessageRequest("ba")))).errorCode).toBe(429);
    fixed += 1001;
    expect(await lan.room.sendMessage(new SendMessageRequest("bốn"))).toMatchObject({ content: "bốn" });
  });

  it("runs the room's review handler: DENY drops the message with a 406 to its sender only", async () => {
    const roomArn = await createRoom({ reviewed: true });
    const muted = await join(roomArn, "muted");
    const other = await join(roomArn, "other");
    verdict = (event) => ({ ReviewResult: event.Sender.UserId === "muted" ? "DENY" : "ALLOW" });

    const denied = await refusal(muted.room.sendMessage(new SendMessageRequest("still here")));
    const allowed = await other.room.sendMessage(new SendMessageRequest("hello"));

    expect(denied.errorCode).toBe(406);
    expect(reviewed.slice(-2).map((e) => [e.Sender.UserId, e.Content, e.RoomArn])).toEqual([
      ["muted", "still here", roomArn],
      ["other", "hello", roomArn],
    ]);
    expect(reviewed.at(-1)?.MessageId).toBe(allowed.id);
    expect(reviewed.at(-1)?.Sender.Attributes).toEqual({ name: "OTHER", role: "viewer" });
    await vi.waitFor(() => expect(muted.heard.messages.map((m) => m.content)).toEqual(["hello"]));
    expect(other.heard.messages.map((m) => m.content)).toEqual(["hello"]);
  });

  it("lets the review handler rewrite a message, and falls back to the room's fallbackResult when it fails", async () => {
    const roomArn = await createRoom({ reviewed: true });
    const lan = await join(roomArn, "lan");
    verdict = (event) => ({ ReviewResult: "ALLOW", Content: event.Content.replace("xấu", "***") });
    expect((await lan.room.sendMessage(new SendMessageRequest("từ xấu"))).content).toBe("từ ***");

    verdict = () => {
      throw new Error("Lambda timed out");
    };
    expect((await lan.room.sendMessage(new SendMessageRequest("vẫn qua"))).content).toBe("vẫn qua");
    verdict = () => ({ ReviewResult: "ALLOW" });
  });
});
