/**
 * The little of MPEG-2 transport streams (ISO/IEC 13818-1) an HLS packager like IVS's needs: 188-byte packets with
 * their continuity counters, the PAT and PMT, PES packets with a PTS, and ID3 timed metadata as Apple's "Timed
 * Metadata for HTTP Live Streaming" carries it (an elementary stream of stream_type 0x15 declared in the PMT with the
 * metadata descriptors, ID3 tags in PES packets on private_stream_1), which is how IVS delivers PutMetadata.
 */

export const PACKET_SIZE = 188;
export const PAT_PID = 0;
export const STREAM_TYPE_H264 = 0x1b;
export const STREAM_TYPE_AAC = 0x0f;
export const STREAM_TYPE_ID3 = 0x15;
export const STREAM_ID_PRIVATE_1 = 0xbd;
/** The 90 kHz clock of PTS and DTS. */
export const PTS_HZ = 90_000;

export interface TsPacket {
  pid: number;
  /** payload_unit_start_indicator: a PES packet or a PSI section begins in this packet. */
  unitStart: boolean;
  cc: number;
  hasPayload: boolean;
  randomAccess: boolean;
  payload: Buffer;
  /** The whole 188 bytes. */
  raw: Buffer;
}

export interface PmtStream {
  streamType: number;
  pid: number;
  esInfo: Buffer;
}

export interface Pmt {
  programNumber: number;
  pcrPid: number;
  programInfo: Buffer;
  streams: PmtStream[];
}

export interface Pes {
  streamId: number;
  pts?: number;
  dts?: number;
  payload: Buffer;
}

export function readPacket(raw: Buffer): TsPacket {
  if (raw.length !== PACKET_SIZE || raw[0] !== 0x47) throw new Error("not a transport stream packet");
  const b1 = raw[1] ?? 0;
  const b3 = raw[3] ?? 0;
  const control = (b3 >> 4) & 3;
  const hasAdaptation = (control & 2) !== 0;
  const hasPayload = (control & 1) !== 0;
  const adaptationLength = hasAdaptation ? (raw[4] ?? 0) + 1 : 0;
  const randomAccess = hasAdaptation && (raw[4] ?? 0) > 0 && ((raw[5] ?? 0) & 0x40) !== 0;
  return {
    pid: ((b1 & 0x1f) << 8) | (raw[2] ?? 0),
    unitStart: (b1 & 0x40) !== 0,
    cc: b3 & 0x0f,
    hasPayload,
    randomAccess,
    payload: hasPayload ? raw.subarray(4 + adaptationLength) : Buffer.alloc(0),
    raw,
  };
}

export function* packetsOf(data: Buffer): Generator<TsPacket> {
  for (let at = 0; at + PACKET_SIZE <= data.length; at += PACKET_SIZE) {
    yield readPacket(data.subarray(at, at + PACKET_SIZE));
  }
}

/** Each PID's next continuity counter, as a muxer keeps them. */
export class ContinuityCounters {
  private readonly next = new Map<number, number>();
  take(pid: number): number {
    const cc = this.next.get(pid) ?? 0;
    this.next.set(pid, (cc + 1) & 0x0f);
    return cc;
  }
}

/** One packet: header, an adaptation field when needed (random access flag, stuffing), then `payload`. */
function packet(pid: number, unitStart: boolean, cc: number, payload: Buffer, randomAccess = false): Buffer {
  const out = Buffer.alloc(PACKET_SIZE, 0xff);
  out[0] = 0x47;
  out[1] = (unitStart ? 0x40 : 0) | ((pid >> 8) & 0x1f);
  out[2] = pid & 0xff;
  const room = PACKET_SIZE - 4;
  if (payload.length > room) throw new Error("payload longer than a packet");
  if (payload.length === room && !randomAccess) {
    out[3] = 0x10 | cc;
    payload.copy(out, 4);
    return out;
  }
  const adaptationLength = room - payload.length - 1;
  if (adaptationLength < (randomAccess ? 1 : 0)) throw new Error("no room for the adaptation field");
  out[3] = 0x30 | cc;
  out[4] = adaptationLength;
  if (adaptationLength > 0) out[5] = randomAccess ? 0x40 : 0;
  payload.copy(out, 5 + adaptationLength);
  return out;
}

/** A PES packet cut into transport packets, the last one stuffed to 188 bytes. */
export function pesPackets(pid: number, pes: Buffer, counters: ContinuityCounters, randomAccess = false): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at < pes.length) {
    const first = at === 0;
    const room = PACKET_SIZE - 4 - (first && randomAccess ? 2 : 0);
    const chunk = pes.subarray(at, at + room);
    out.push(packet(pid, first, counters.take(pid), chunk, first && randomAccess));
    at += chunk.length;
  }
  return out;
}

/** A PSI section in one packet (pointer_field 0, the rest 0xFF). */
export function sectionPacket(pid: number, section: Buffer, counters: ContinuityCounters): Buffer {
  if (section.length > PACKET_SIZE - 5) throw new Error("section longer than one packet");
  const out = Buffer.alloc(PACKET_SIZE, 0xff);
  out[0] = 0x47;
  out[1] = 0x40 | ((pid >> 8) & 0x1f);
  out[2] = pid & 0xff;
  out[3] = 0x10 | counters.take(pid);
  out[4] = 0;
  section.copy(out, 5);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  return c >>> 0;
});

/** The MPEG-2 CRC-32 that ends every PSI section. */
export function crc32Mpeg(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
}

/** A long-form section: table id, the body after the 5-byte extension header, and the CRC. */
function section(tableId: number, extension: number, body: Buffer): Buffer {
  const length = 5 + body.length + 4;
  const head = Buffer.from([
    tableId,
    0xb0 | ((length >> 8) & 0x0f),
    length & 0xff,
    (extension >> 8) & 0xff,
    extension & 0xff,
    0xc1,
    0,
    0,
  ]);
  const withoutCrc = Buffer.concat([head, body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32Mpeg(withoutCrc));
  return Buffer.concat([withoutCrc, crc]);
}

/** A section's body (after the 8-byte header, before the CRC) from a packet payload that starts one. */
function sectionBody(payload: Buffer, tableId: number): Buffer {
  const start = 1 + (payload[0] ?? 0);
  if (payload[start] !== tableId) throw new Error(`expected table ${tableId}, found ${payload[start]}`);
  const length = (((payload[start + 1] ?? 0) & 0x0f) << 8) | (payload[start + 2] ?? 0);
  const whole = payload.subarray(start, start + 3 + length);
  const crc = whole.readUInt32BE(whole.length - 4);
  if (crc32Mpeg(whole.subarray(0, whole.length - 4)) !== crc) throw new Error(`table ${tableId}: bad CRC`);
  return whole.subarray(8, whole.length - 4);
}

export function patSection(programNumber: number, pmtPid: number): Buffer {
  const body = Buffer.from([
    (programNumber >> 8) & 0xff,
    programNumber & 0xff,
    0xe0 | ((pmtPid >> 8) & 0x1f),
    pmtPid & 0xff,
  ]);
  return section(0x00, 1, body);
}

export function parsePat(payload: Buffer): { programNumber: number; pmtPid: number }[] {
  const body = sectionBody(payload, 0x00);
  const programs: { programNumber: number; pmtPid: number }[] = [];
  for (let at = 0; at + 4 <= body.length; at += 4) {
    const programNumber = body.readUInt16BE(at);
    if (programNumber !== 0) programs.push({ programNumber, pmtPid: body.readUInt16BE(at + 2) & 0x1fff });
  }
  return programs;
}

export function pmtSection(pmt: Pmt): Buffer {
  const parts = [
    Buffer.from([
      0xe0 | ((pmt.pcrPid >> 8) & 0x1f),
      pmt.pcrPid & 0xff,
      0xf0 | ((pmt.programInfo.length >> 8) & 0x0f),
      pmt.programInfo.length & 0xff,
    ]),
    pmt.programInfo,
  ];
  for (const stream of pmt.streams) {
    parts.push(
      Buffer.from([
        stream.streamType,
        0xe0 | ((stream.pid >> 8) & 0x1f),
        stream.pid & 0xff,
        0xf0 | ((stream.esInfo.length >> 8) & 0x0f),
        stream.esInfo.length & 0xff,
      ]),
      stream.esInfo,
    );
  }
  return section(0x02, pmt.programNumber, Buffer.concat(parts));
}

export function parsePmt(payload: Buffer): Pmt {
  const start = 1 + (payload[0] ?? 0);
  const programNumber = payload.readUInt16BE(start + 3);
  const body = sectionBody(payload, 0x02);
  const pcrPid = body.readUInt16BE(0) & 0x1fff;
  const infoLength = body.readUInt16BE(2) & 0x0fff;
  const programInfo = Buffer.from(body.subarray(4, 4 + infoLength));
  const streams: PmtStream[] = [];
  for (let at = 4 + infoLength; at + 5 <= body.length; ) {
    const esLength = body.readUInt16BE(at + 3) & 0x0fff;
    streams.push({
      streamType: body[at] ?? 0,
      pid: body.readUInt16BE(at + 1) & 0x1fff,
      esInfo: Buffer.from(body.subarray(at + 5, at + 5 + esLength)),
    });
    at += 5 + esLength;
  }
  return { programNumber, pcrPid, programInfo, streams };
}

const ID3_FORMAT = Buffer.from([0xff, 0xff, ...Buffer.from("ID3 "), 0xff, ...Buffer.from("ID3 ")]);

/** metadata_pointer_descriptor (tag 0x25), for the PMT's program info: ID3 metadata in this very program. */
export function id3PointerDescriptor(programNumber: number): Buffer {
  const body = Buffer.concat([ID3_FORMAT, Buffer.from([0, 0x1f, (programNumber >> 8) & 0xff, programNumber & 0xff])]);
  return Buffer.concat([Buffer.from([0x25, body.length]), body]);
}

/** metadata_descriptor (tag 0x26), for the ID3 stream's ES info. */
export function id3MetadataDescriptor(): Buffer {
  const body = Buffer.concat([ID3_FORMAT, Buffer.from([0, 0x0f])]);
  return Buffer.concat([Buffer.from([0x26, body.length]), body]);
}

/** The program with an ID3 timed metadata stream on `pid` declared as Apple's timed metadata spec asks. */
export function withId3Stream(pmt: Pmt, pid: number): Pmt {
  return {
    ...pmt,
    programInfo: Buffer.concat([pmt.programInfo, id3PointerDescriptor(pmt.programNumber)]),
    streams: [...pmt.streams, { streamType: STREAM_TYPE_ID3, pid, esInfo: id3MetadataDescriptor() }],
  };
}

function writeTimestamp(prefix: number, value: number): Buffer {
  const high = Math.floor(value / 2 ** 30) & 0x07;
  const low = value % 2 ** 30;
  return Buffer.from([
    (prefix << 4) | (high << 1) | 1,
    (low >> 22) & 0xff,
    (((low >> 15) & 0x7f) << 1) | 1,
    (low >> 7) & 0xff,
    ((low & 0x7f) << 1) | 1,
  ]);
}

function readTimestamp(b: Buffer, at: number): number {
  const high = ((b[at] ?? 0) >> 1) & 0x07;
  const low =
    ((b[at + 1] ?? 0) << 22) | (((b[at + 2] ?? 0) >> 1) << 15) | ((b[at + 3] ?? 0) << 7) | ((b[at + 4] ?? 0) >> 1);
  return high * 2 ** 30 + low;
}

/** A PES packet with a PTS and data_alignment_indicator set, as for a timed metadata sample. */
export function pesWithPts(streamId: number, pts: number, payload: Buffer): Buffer {
  const header = Buffer.concat([Buffer.from([0x84, 0x80, 5]), writeTimestamp(0x2, pts % 2 ** 33)]);
  const length = header.length + payload.length;
  if (length > 0xffff) throw new Error("PES payload too long");
  return Buffer.concat([Buffer.from([0, 0, 1, streamId, (length >> 8) & 0xff, length & 0xff]), header, payload]);
}

export function parsePes(data: Buffer): Pes {
  if (data[0] !== 0 || data[1] !== 0 || data[2] !== 1) throw new Error("not a PES packet");
  const streamId = data[3] ?? 0;
  const flags = data[7] ?? 0;
  const headerLength = data[8] ?? 0;
  const pes: Pes = { streamId, payload: data.subarray(9 + headerLength) };
  const declared = data.readUInt16BE(4);
  if (declared) pes.payload = data.subarray(9 + headerLength, 6 + declared);
  if (flags & 0x80) pes.pts = readTimestamp(data, 9);
  if ((flags & 0xc0) === 0xc0) pes.dts = readTimestamp(data, 14);
  return pes;
}

/** The PTS of a packet that starts a PES packet, if it has one. */
export function ptsOf(tsPacket: TsPacket): number | undefined {
  if (!tsPacket.unitStart || tsPacket.payload.length < 14) return undefined;
  return parsePes(tsPacket.payload).pts;
}

function syncsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

const unsyncsafe = (b: Buffer, at: number) =>
  ((b[at] ?? 0) << 21) | ((b[at + 1] ?? 0) << 14) | ((b[at + 2] ?? 0) << 7) | (b[at + 3] ?? 0);

/** An ID3v2.4 tag with one TXXX frame (UTF-8), the frame IVS puts its timed metadata in. */
export function id3Txxx(value: string, description = ""): Buffer {
  const body = Buffer.concat([Buffer.from([3]), Buffer.from(description), Buffer.from([0]), Buffer.from(value)]);
  const frame = Buffer.concat([Buffer.from("TXXX"), syncsafe(body.length), Buffer.from([0, 0]), body]);
  return Buffer.concat([Buffer.from("ID3"), Buffer.from([4, 0, 0]), syncsafe(frame.length), frame]);
}

/** An ID3v2.4 tag with one PRIV frame: binary data under an owner's name, which players do not show as text. */
export function id3Priv(owner: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(owner, "latin1"), Buffer.from([0]), data]);
  const frame = Buffer.concat([Buffer.from("PRIV"), syncsafe(body.length), Buffer.from([0, 0]), body]);
  return Buffer.concat([Buffer.from("ID3"), Buffer.from([4, 0, 0]), syncsafe(frame.length), frame]);
}

/** The text frames of an ID3v2.3/2.4 tag, and its PRIV frames (the owner as description, the data in hex). */
export function parseId3(tag: Buffer): { id: string; description?: string; value: string }[] {
  if (tag.subarray(0, 3).toString("latin1") !== "ID3") throw new Error("not an ID3 tag");
  const version = tag[3] ?? 4;
  const end = 10 + unsyncsafe(tag, 6);
  const frames: { id: string; description?: string; value: string }[] = [];
  for (let at = 10; at + 10 <= end; ) {
    const id = tag.subarray(at, at + 4).toString("latin1");
    if (!/^[A-Z0-9]{4}$/.test(id)) break;
    const size = version === 4 ? unsyncsafe(tag, at + 4) : tag.readUInt32BE(at + 4);
    const body = tag.subarray(at + 10, at + 10 + size);
    const text = body.subarray(1).toString(body[0] === 3 || body[0] === 0 ? "utf8" : "utf16le");
    if (id === "TXXX") {
      const split = text.indexOf("\0");
      frames.push({ id, description: text.slice(0, split), value: text.slice(split + 1).replace(/\0+$/, "") });
    } else if (id === "PRIV") {
      const split = body.indexOf(0);
      frames.push({
        id,
        description: body.subarray(0, split).toString("latin1"),
        value: body.subarray(split + 1).toString("hex"),
      });
    } else if (id.startsWith("T")) {
      frames.push({ id, value: text.replace(/\0+$/, "") });
    }
    at += 10 + size;
  }
  return frames;
}

/** What a segment holds, read back: its PAT and PMT, each PID's PES packets, and any continuity errors. */
export interface Demuxed {
  pat: { programNumber: number; pmtPid: number }[];
  pmt?: Pmt;
  pes: Map<number, Pes[]>;
  /** PIDs whose continuity counter skipped (a packet lost or duplicated). */
  discontinuities: number[];
}

export function demux(data: Buffer): Demuxed {
  const out: Demuxed = { pat: [], pes: new Map(), discontinuities: [] };
  const open = new Map<number, Buffer[]>();
  const lastCc = new Map<number, number>();
  const finish = (pid: number) => {
    const parts = open.get(pid);
    if (!parts) return;
    open.delete(pid);
    const list = out.pes.get(pid) ?? [];
    list.push(parsePes(Buffer.concat(parts)));
    out.pes.set(pid, list);
  };
  const pmtPids = () => new Set(out.pat.map((p) => p.pmtPid));
  for (const p of packetsOf(data)) {
    if (p.hasPayload) {
      const previous = lastCc.get(p.pid);
      if (previous !== undefined && p.cc !== ((previous + 1) & 0x0f)) out.discontinuities.push(p.pid);
      lastCc.set(p.pid, p.cc);
    }
    if (p.pid === PAT_PID) {
      if (p.unitStart) out.pat = parsePat(p.payload);
    } else if (pmtPids().has(p.pid)) {
      if (p.unitStart) out.pmt = parsePmt(p.payload);
    } else if (p.hasPayload && out.pmt?.streams.some((s) => s.pid === p.pid)) {
      if (p.unitStart) {
        finish(p.pid);
        open.set(p.pid, [p.payload]);
      } else {
        open.get(p.pid)?.push(p.payload);
      }
    }
  }
  for (const pid of [...open.keys()]) finish(pid);
  return out;
}
