/**
 * The publishing half of an RTMP server, as IVS's ingest (`rtmps://<ingestEndpoint>:443/app/<streamKey>`) takes
 * OBS, Larix or ffmpeg; plain RTMP here. The simple handshake, the chunk stream, AMF0 commands (connect,
 * releaseStream, FCPublish, createStream, publish, FCUnpublish, deleteStream), and the audio, video and data messages
 * of a publish handed on as FLV. A publish is accepted or refused by its stream key before any media flows.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";

/** What receives an accepted publish: its media as an FLV byte stream, then its end. */
export interface FlvSink {
  write(chunk: Buffer): void;
  end(): void;
}

export interface RtmpPublisher {
  app: string;
  streamKey: string;
  /** Drops the publisher's connection (IVS's StopStream). */
  cut(): void;
}

export interface RtmpIngestOptions {
  port?: number;
  host?: string;
  /** The application in the ingest URL (`app` on IVS). */
  app?: string;
  /** A publish asks to start: a sink for its media, or why it is refused. */
  publish(publisher: RtmpPublisher): FlvSink | { refused: string };
}

export interface RtmpIngest {
  port: number;
  /** The ingest URL without the stream key: `rtmp://127.0.0.1:<port>/<app>/`. */
  url: string;
  close(): Promise<void>;
}

const HANDSHAKE = 1536;
const OUT_CHUNK_SIZE = 4096;
const WINDOW = 5_000_000;
const PUBLISH_STREAM_ID = 1;

type Amf = number | boolean | string | null | undefined | Amf[] | { [key: string]: Amf };

export async function startRtmpIngest(options: RtmpIngestOptions): Promise<RtmpIngest> {
  const host = options.host ?? "127.0.0.1";
  const app = options.app ?? "app";
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    new Connection(socket, app, options.publish);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `rtmp://${host}:${port}/${app}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

interface ChunkStream {
  timestamp: number;
  delta: number;
  length: number;
  type: number;
  streamId: number;
  extended: boolean;
  parts: Buffer[];
  received: number;
}

class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private stage: "c0c1" | "c2" | "chunks" = "c0c1";
  private inChunkSize = 128;
  private outChunkSize = 128;
  private readonly streams = new Map<number, ChunkStream>();
  private bytesIn = 0;
  private ackedAt = 0;
  private peerWindow = 0;
  private connectedApp = "";
  private sink?: FlvSink;

  constructor(
    private readonly socket: Socket,
    private readonly app: string,
    private readonly decide: RtmpIngestOptions["publish"],
  ) {
    socket.setNoDelay(true);
    socket.on("data", (data: Buffer) => this.receive(data));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => this.unpublish());
  }

  private receive(data: Buffer) {
    this.bytesIn += data.length;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    try {
      this.drain();
    } catch {
      this.socket.destroy();
    }
    if (this.peerWindow && this.bytesIn - this.ackedAt >= this.peerWindow) {
      this.ackedAt = this.bytesIn;
      this.send(2, 3, 0, u32(this.bytesIn % 2 ** 32));
    }
  }

  private drain() {
    for (;;) {
      if (this.socket.destroyed) return;
      if (this.stage === "c0c1") {
        if (this.buffer.length < 1 + HANDSHAKE) return;
        const c1 = this.buffer.subarray(1, 1 + HANDSHAKE);
        const s1 = Buffer.concat([Buffer.alloc(8), randomBytes(HANDSHAKE - 8)]);
        this.socket.write(Buffer.concat([Buffer.from([3]), s1, c1]));
        this.buffer = this.buffer.subarray(1 + HANDSHAKE);
        this.stage = "c2";
      } else if (this.stage === "c2") {
        if (this.buffer.length < HANDSHAKE) return;
        this.buffer = this.buffer.subarray(HANDSHAKE);
        this.stage = "chunks";
      } else if (!this.readChunk()) {
        return;
      }
    }
  }

  /** Reads one chunk from the buffer, if it is all there; a message is handled once its last chunk is in. */
  private readChunk(): boolean {
    const b = this.buffer;
    if (b.length < 1) return false;
    const format = (b[0] ?? 0) >> 6;
    let csid = (b[0] ?? 0) & 0x3f;
    let at = 1;
    if (csid === 0) {
      if (b.length < 2) return false;
      csid = (b[1] ?? 0) + 64;
      at = 2;
    } else if (csid === 1) {
      if (b.length < 3) return false;
      csid = (b[1] ?? 0) + (b[2] ?? 0) * 256 + 64;
      at = 3;
    }
    const headerSize = [11, 7, 3, 0][format] ?? 0;
    if (b.length < at + headerSize) return false;
    const stream = this.streams.get(csid) ?? {
      timestamp: 0,
      delta: 0,
      length: 0,
      type: 0,
      streamId: 0,
      extended: false,
      parts: [],
      received: 0,
    };
    let timestamp = format < 3 ? b.readUIntBE(at, 3) : stream.delta;
    const extended = format < 3 ? timestamp === 0xffffff : stream.extended;
    const length = format < 2 ? b.readUIntBE(at + 3, 3) : stream.length;
    const type = format < 2 ? (b[at + 6] ?? 0) : stream.type;
    const streamId = format === 0 ? b.readUInt32LE(at + 7) : stream.streamId;
    at += headerSize;
    if (extended) {
      if (b.length < at + 4) return false;
      if (format < 3 || stream.received === 0) timestamp = b.readUInt32BE(at);
      at += 4;
    }
    const size = Math.min(length - stream.received, this.inChunkSize);
    if (b.length < at + size) return false;
    if (stream.received === 0) {
      stream.timestamp = format === 0 ? timestamp : stream.timestamp + timestamp;
      stream.delta = timestamp;
    }
    Object.assign(stream, { length, type, streamId, extended });
    stream.parts.push(b.subarray(at, at + size));
    stream.received += size;
    this.streams.set(csid, stream);
    this.buffer = b.subarray(at + size);
    if (stream.received >= stream.length) {
      const payload = Buffer.concat(stream.parts);
      stream.parts = [];
      stream.received = 0;
      this.message(stream.type, stream.timestamp, payload);
    }
    return true;
  }

  private message(type: number, timestamp: number, payload: Buffer) {
    switch (type) {
      case 1:
        this.inChunkSize = payload.readUInt32BE(0) & 0x7fffffff;
        return;
      case 5:
        this.peerWindow = payload.readUInt32BE(0);
        return;
      case 8:
      case 9:
        return this.sink?.write(flvTag(type, timestamp, payload));
      case 18: {
        const values = decodeAmf(payload);
        const body = values[0] === "@setDataFrame" ? encodeAmf(values.slice(1)) : payload;
        return this.sink?.write(flvTag(18, timestamp, body));
      }
      case 20:
        return this.command(decodeAmf(payload));
      default:
        return;
    }
  }

  private command([name, transaction, info, ...args]: Amf[]) {
    const tx = typeof transaction === "number" ? transaction : 0;
    switch (name) {
      case "connect": {
        const appName = info && typeof info === "object" && !Array.isArray(info) ? String(info.app ?? "") : "";
        this.connectedApp = appName.replace(/\/$/, "");
        if (this.connectedApp !== this.app) {
          this.invoke(3, 0, "_error", tx, null, {
            level: "error",
            code: "NetConnection.Connect.Rejected",
            description: `unknown application ${appName}`,
          });
          return this.socket.end();
        }
        this.send(2, 5, 0, u32(WINDOW));
        this.send(2, 6, 0, Buffer.concat([u32(WINDOW), Buffer.from([2])]));
        this.send(2, 1, 0, u32(OUT_CHUNK_SIZE));
        this.outChunkSize = OUT_CHUNK_SIZE;
        return this.invoke(
          3,
          0,
          "_result",
          tx,
          { fmsVer: "FMS/3,0,1,123", capabilities: 31 },
          {
            level: "status",
            code: "NetConnection.Connect.Success",
            description: "Connection succeeded.",
            objectEncoding: 0,
          },
        );
      }
      case "createStream":
        return this.invoke(3, 0, "_result", tx, null, PUBLISH_STREAM_ID);
      case "releaseStream":
      case "FCPublish":
        return this.invoke(3, 0, "_result", tx, null, undefined);
      case "publish":
        return this.publish(String(args[0] ?? "").split("?")[0] ?? "");
      case "FCUnpublish":
      case "deleteStream":
        return this.unpublish();
      default:
        return;
    }
  }

  private publish(streamKey: string) {
    if (this.sink) return;
    const verdict = this.decide({ app: this.connectedApp, streamKey, cut: () => this.socket.destroy() });
    if ("refused" in verdict) {
      this.invoke(5, PUBLISH_STREAM_ID, "onStatus", 0, null, {
        level: "error",
        code: "NetStream.Publish.BadName",
        description: verdict.refused,
      });
      this.socket.end();
      return;
    }
    this.sink = verdict;
    verdict.write(Buffer.from([0x46, 0x4c, 0x56, 1, 5, 0, 0, 0, 9, 0, 0, 0, 0]));
    this.send(2, 4, 0, Buffer.from([0, 0, 0, 0, 0, PUBLISH_STREAM_ID]));
    this.invoke(5, PUBLISH_STREAM_ID, "onStatus", 0, null, {
      level: "status",
      code: "NetStream.Publish.Start",
      description: `${streamKey} is now published.`,
    });
  }

  private unpublish() {
    const sink = this.sink;
    this.sink = undefined;
    sink?.end();
  }

  private invoke(csid: number, streamId: number, ...values: Amf[]) {
    this.send(csid, 20, streamId, encodeAmf(values));
  }

  /** One message, fmt 0 then fmt 3 continuation chunks. */
  private send(csid: number, type: number, streamId: number, payload: Buffer) {
    if (this.socket.destroyed || !this.socket.writable) return;
    const header = Buffer.alloc(12);
    header[0] = csid;
    header.writeUIntBE(payload.length, 4, 3);
    header[7] = type;
    header.writeUInt32LE(streamId, 8);
    const parts: Buffer[] = [header];
    for (let at = 0; at < payload.length; at += this.outChunkSize) {
      if (at > 0) parts.push(Buffer.from([0xc0 | csid]));
      parts.push(payload.subarray(at, at + this.outChunkSize));
    }
    this.socket.write(Buffer.concat(parts));
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function flvTag(type: number, timestamp: number, data: Buffer): Buffer {
  const head = Buffer.alloc(11);
  head[0] = type;
  head.writeUIntBE(data.length, 1, 3);
  head.writeUIntBE(timestamp & 0xffffff, 4, 3);
  head[7] = (timestamp >>> 24) & 0xff;
  return Buffer.concat([head, data, u32(11 + data.length)]);
}

export function encodeAmf(values: Amf[]): Buffer {
  const parts: Buffer[] = [];
  const string = (s: string) => {
    const bytes = Buffer.from(s, "utf8");
    const len = Buffer.alloc(2);
    len.writeUInt16BE(bytes.length);
    return Buffer.concat([len, bytes]);
  };
  const one = (value: Amf) => {
    if (typeof value === "number") {
      const b = Buffer.alloc(9);
      b.writeDoubleBE(value, 1);
      parts.push(b);
    } else if (typeof value === "boolean") {
      parts.push(Buffer.from([1, value ? 1 : 0]));
    } else if (typeof value === "string") {
      parts.push(Buffer.from([2]), string(value));
    } else if (value === null) {
      parts.push(Buffer.from([5]));
    } else if (value === undefined) {
      parts.push(Buffer.from([6]));
    } else if (Array.isArray(value)) {
      parts.push(Buffer.from([10]), u32(value.length));
      for (const v of value) one(v);
    } else {
      parts.push(Buffer.from([3]));
      for (const [key, v] of Object.entries(value)) {
        parts.push(string(key));
        one(v);
      }
      parts.push(Buffer.from([0, 0, 9]));
    }
  };
  for (const value of values) one(value);
  return Buffer.concat(parts);
}

export function decodeAmf(data: Buffer): Amf[] {
  let at = 0;
  const string = (long = false) => {
    const length = long ? data.readUInt32BE(at) : data.readUInt16BE(at);
    at += long ? 4 : 2;
    const s = data.toString("utf8", at, at + length);
    at += length;
    return s;
  };
  const properties = () => {
    const out: Record<string, Amf> = {};
    for (;;) {
      const key = string();
      if (key === "" && data[at] === 9) {
        at++;
        return out;
      }
      out[key] = one();
    }
  };
  const one = (): Amf => {
    const marker = data[at++];
    switch (marker) {
      case 0:
        at += 8;
        return data.readDoubleBE(at - 8);
      case 1:
        return data[at++] !== 0;
      case 2:
        return string();
      case 3:
        return properties();
      case 5:
        return null;
      case 6:
        return undefined;
      case 8:
        at += 4;
        return properties();
      case 10: {
        const count = data.readUInt32BE(at);
        at += 4;
        return Array.from({ length: count }, () => one());
      }
      case 11:
        at += 10;
        return data.readDoubleBE(at - 10);
      case 12:
        return string(true);
      default:
        throw new Error(`AMF0 marker ${marker} not supported`);
    }
  };
  const values: Amf[] = [];
  while (at < data.length) values.push(one());
  return values;
}
