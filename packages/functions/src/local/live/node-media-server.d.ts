// node-media-server v4 ships JavaScript with JSDoc only: the parts of it the local ingest uses.

declare module "node-media-server/src/session/base_session.js" {
  import type { EventEmitter } from "node:events";
  import type { Socket } from "node:net";

  interface BroadcastServer {
    streamPath: string;
    publisher: BaseSession | null;
    subscribers: Map<string, BaseSession>;
    /** How long a disconnected publisher keeps the stream "reconnecting" before donePublish (30 s by default). */
    publishGraceMs: number;
    postPlay(session: BaseSession): string | null;
    donePlay(session: BaseSession): void;
    getPublishStatus(): "publishing" | "reconnecting" | "idle";
  }

  class BaseSession {
    id: string;
    ip: string;
    isPublisher: boolean;
    protocol: string;
    streamApp: string;
    streamName: string;
    streamPath: string;
    createTime: number;
    endTime: number;
    /** Set on RTMP sessions. */
    socket?: Socket;
    broadcast?: BroadcastServer;
    sendBuffer: (buffer: Buffer) => void;
    close: () => void;
  }
  export = BaseSession;
  export type { BroadcastServer, EventEmitter };
}

declare module "node-media-server/src/core/context.js" {
  import type { EventEmitter } from "node:events";
  import type BaseSession from "node-media-server/src/session/base_session.js";
  import type { BroadcastServer } from "node-media-server/src/session/base_session.js";

  const Context: {
    config: Record<string, unknown>;
    sessions: Map<string, BaseSession>;
    broadcasts: Map<string, BroadcastServer>;
    eventEmitter: EventEmitter;
  };
  export = Context;
}

declare module "node-media-server/src/core/logger.js" {
  const logger: {
    level: "trace" | "debug" | "info" | "warn" | "error";
    log(message: string, level?: string): void;
  };
  export = logger;
}

declare module "node-media-server" {
  import type { Server } from "node:net";

  class NodeMediaServer {
    constructor(config: Record<string, unknown>, configPath?: string);
    rtmpServer: { tcpServer?: Server; stop(): void };
    stop(): Promise<void>;
  }
  export = NodeMediaServer;
}
