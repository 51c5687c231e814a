import { randomUUID } from "node:crypto";
import type { IvschatClient } from "@aws-sdk/client-ivschat";
import { CHAT_MAX_LENGTH, type ChatAuthor, type ChatProvider } from "@cho-ocop/core/live/chat";
import { ROOM_EVENT_MAX_BYTES, roomEvent, roomEventBytes } from "@cho-ocop/core/live/room";
import type { RoomNews } from "@cho-ocop/core/live/wire";
import { DomainError } from "@cho-ocop/core/util/error";
import { z } from "zod";
import type { IvsConfig } from "./ivs-video";

type IvschatSdk = typeof import("@aws-sdk/client-ivschat");
let sdk: Promise<IvschatSdk> | undefined;
const loadSdk = () => {
  sdk ??= import("@aws-sdk/client-ivschat");
  return sdk;
};

/**
 * Room-wide (every viewer together): more than this scrolls past faster than anyone reads on a phone, and every message
 * is billed once per viewer it is delivered to.
 */
export const CHAT_MESSAGES_PER_SECOND = 5;
/** A chat connection lasts at most this long (IVS's maximum); the client then asks for a new token. */
export const CHAT_SESSION_MINUTES = 180;

type Session = { sessionId: string; chatRoomArn?: string };

/** Production chat: one Amazon IVS Chat room per live session. */
export class IvsChatProvider implements ChatProvider {
  readonly name = "ivs" as const;
  private client?: Promise<IvschatClient>;

  constructor(private readonly options: IvsConfig & { client?: IvschatClient }) {}

  private connect() {
    this.client ??= this.options.client
      ? Promise.resolve(this.options.client)
      : loadSdk().then(({ IvschatClient }) => new IvschatClient({ region: this.options.region }));
    return this.client;
  }

  private async send<T>(call: (sdk: IvschatSdk, client: IvschatClient) => Promise<T>): Promise<T> {
    const [loaded, client] = await Promise.all([loadSdk(), this.connect()]);
    try {
      return await call(loaded, client);
    } catch (err) {
      if (err instanceof Error && err.name === "ThrottlingException") {
        throw new DomainError(429, "chat_throttled", {
          vi: "Phòng chat đang quá tải, thử lại sau giây lát.",
          en: "The chat room is busy; try again in a moment.",
        });
      }
      throw err;
    }
  }

  async createRoom(sessionId: string): Promise<string> {
    const { stage } = this.options;
    const out = await this.send(({ CreateRoomCommand }, client) =>
      client.send(
        new CreateRoomCommand({
          name: `cho-ocop-${stage}-${sessionId}`,
          maximumMessageLength: CHAT_MAX_LENGTH,
          maximumMessageRatePerSecond: CHAT_MESSAGES_PER_SECOND,
          // A handler that cannot be reached lets messages through: the chat goes on, only its history misses them.
          ...(this.options.chatReviewHandlerArn
            ? { messageReviewHandler: { uri: this.options.chatReviewHandlerArn, fallbackResult: "ALLOW" as const } }
            : {}),
          tags: { app: "cho-ocop", stage, sessionId },
        }),
      ),
    );
    if (!out.arn) throw new Error("IVS Chat CreateRoom answered without the room's ARN");
    return out.arn;
  }

  async join(session: Session, user: ChatAuthor) {
    // Signed into the token by IVS: the messages' sender attributes, which the review handler trusts.
    return this.token(session, user.userId, { name: user.name, role: user.role, sessionId: session.sessionId }, [
      "SEND_MESSAGE",
      ...(user.moderator ? (["DELETE_MESSAGE", "DISCONNECT_USER"] as const) : []),
    ]);
  }

  /** Receives the room's messages and events and sends nothing: IVS Chat's token with no capability. */
  async watch(session: Session) {
    return this.token(session, `watcher-${randomUUID()}`, { role: "watcher", sessionId: session.sessionId }, []);
  }

  private async token(
    session: Session,
    userId: string,
    attributes: Record<string, string>,
    capabilities: ("SEND_MESSAGE" | "DELETE_MESSAGE" | "DISCONNECT_USER")[],
  ) {
    const roomIdentifier = roomOf(session);
    const out = await this.send(({ CreateChatTokenCommand }, client) =>
      client.send(
        new CreateChatTokenCommand({
          roomIdentifier,
          userId,
          attributes,
          capabilities,
          sessionDurationInMinutes: CHAT_SESSION_MINUTES,
        }),
      ),
    );
    if (!out.token || !out.tokenExpirationTime) throw new Error("IVS Chat CreateChatToken answered without a token");
    return {
      provider: "ivs" as const,
      url: this.options.chatMessagingUrl ?? `wss://edge.ivschat.${this.options.region}.amazonaws.com`,
      token: out.token,
      // A token opens one connection, until then; a reconnecting client asks for a new one.
      expiresAt: out.tokenExpirationTime.toISOString(),
    };
  }

  async deleteMessage(session: Session, messageId: string, reason: string) {
    const roomIdentifier = roomOf(session);
    await this.send(({ DeleteMessageCommand }, client) =>
      client.send(new DeleteMessageCommand({ roomIdentifier, id: messageId, reason })),
    );
  }

  async disconnect(session: Session, userId: string, reason: string) {
    const roomIdentifier = roomOf(session);
    await this.send(({ DisconnectUserCommand }, client) =>
      client.send(new DisconnectUserCommand({ roomIdentifier, userId, reason })),
    );
  }

  /** News as a room event (see core/live/room.ts): SendEvent named for its type, the hub message in `body`. */
  async relay(session: Session, news: RoomNews) {
    const { name, attributes } = roomEvent(news);
    if (roomEventBytes(attributes) > ROOM_EVENT_MAX_BYTES) {
      throw new Error(`room event ${name} is larger than IVS Chat's ${ROOM_EVENT_MAX_BYTES} bytes`);
    }
    await this.announce(session, name, attributes);
  }

  async deleteRoom(session: Session) {
    const identifier = roomOf(session);
    try {
      await this.send(({ DeleteRoomCommand }, client) => client.send(new DeleteRoomCommand({ identifier })));
    } catch (err) {
      if (!(err instanceof Error && err.name === "ResourceNotFoundException")) throw err;
    }
  }

  async announce(session: Session, name: string, attributes: Record<string, string>) {
    const roomIdentifier = roomOf(session);
    await this.send(({ SendEventCommand }, client) =>
      client.send(new SendEventCommand({ roomIdentifier, eventName: name, attributes })),
    );
  }
}

function roomOf(session: Session) {
  if (!session.chatRoomArn) {
    throw new DomainError(409, "no_chat_room", {
      vi: "Buổi live này không có phòng chat.",
      en: "This live session has no chat room.",
    });
  }
  return session.chatRoomArn;
}

/** What IVS Chat sends its message review handler (a Lambda) for each message, before delivering it. */
const ReviewEvent = z.object({
  MessageId: z.string().min(1).max(64),
  Content: z.string(),
  RoomArn: z.string(),
  Sender: z.object({
    UserId: z.string().min(1),
    Attributes: z.record(z.string(), z.string()).default({}),
  }),
});

/**
 * IVS Chat's message review handler: every message is kept for late joiners (with the author the server put in the
 * writer's token), then let through as it is. A message from a viewer since muted is refused.
 */
export async function reviewChatMessage(
  event: unknown,
  keep: {
    record(sessionId: string, message: { id: string; at: string; text: string; user: ChatAuthor }): Promise<void>;
    isMuted(sessionId: string, userId: string): Promise<boolean>;
  },
  now = new Date(),
): Promise<{ ReviewResult: "ALLOW" | "DENY"; Content?: string; Attributes?: Record<string, string> }> {
  const parsed = ReviewEvent.safeParse(event);
  if (!parsed.success) return { ReviewResult: "ALLOW" };
  const { MessageId, Content, Sender } = parsed.data;
  const sessionId = Sender.Attributes.sessionId;
  if (!sessionId) return { ReviewResult: "ALLOW" };
  if (await keep.isMuted(sessionId, Sender.UserId)) return { ReviewResult: "DENY" };
  const role = Sender.Attributes.role;
  await keep.record(sessionId, {
    id: MessageId,
    at: now.toISOString(),
    text: Content,
    user: {
      userId: Sender.UserId,
      name: Sender.Attributes.name ?? "Khách",
      role: role === "seller" || role === "staff" ? role : "viewer",
      moderator: role === "seller" || role === "staff",
    },
  });
  return { ReviewResult: "ALLOW" };
}
