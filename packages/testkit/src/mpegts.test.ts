import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ContinuityCounters,
  crc32Mpeg,
  demux,
  id3Priv,
  id3Txxx,
  PACKET_SIZE,
  PAT_PID,
  packetsOf,
  parseId3,
  patSection,
  pesPackets,
  pesWithPts,
  pmtSection,
  STREAM_ID_PRIVATE_1,
  STREAM_TYPE_AAC,
  STREAM_TYPE_H264,
  STREAM_TYPE_ID3,
  sectionPacket,
  withId3Stream,
} from "./mpegts";

const PMT_PID = 0x1000;
const VIDEO = 0x100;
const AUDIO = 0x101;
const ID3 = 0x102;
const PROGRAM = { programNumber: 1, pcrPid: VIDEO, programInfo: Buffer.alloc(0) };

/** A segment as the packager writes one: PAT, PMT with the ID3 stream, a keyframe, audio, then a metadata sample. */
function segment(counters: ContinuityCounters, text: string, pts: number) {
  const pmt = withId3Stream(
    {
      ...PROGRAM,
      streams: [
        { streamType: STREAM_TYPE_H264, pid: VIDEO, esInfo: Buffer.alloc(0) },
        { streamType: STREAM_TYPE_AAC, pid: AUDIO, esInfo: Buffer.alloc(0) },
      ],
    },
    ID3,
  );
  return Buffer.concat([
    sectionPacket(PAT_PID, patSection(1, PMT_PID), counters),
    sectionPacket(PMT_PID, pmtSection(pmt), counters),
    ...pesPackets(VIDEO, pesWithPts(0xe0, pts, Buffer.alloc(1000, 7)), counters, true),
    ...pesPackets(AUDIO, pesWithPts(0xc0, pts, Buffer.alloc(300, 9)), counters),
    ...pesPackets(ID3, pesWithPts(STREAM_ID_PRIVATE_1, pts + 3000, id3Txxx(text)), counters),
  ]);
}

describe("MPEG-TS packets for HLS timed metadata", () => {
  it("computes the MPEG-2 CRC-32 of PSI sections", () => {
    expect(crc32Mpeg(Buffer.from("123456789"))).toBe(0x0376e6e7);
  });

  it("writes a segment that reads back: PAT, PMT with the ID3 stream and its descriptors, PES with their PTS", () => {
    const text = JSON.stringify({ pin: "prod_01", note: "Giảm giá" });
    const data = segment(new ContinuityCounters(), text, 2 ** 32 + 123_456);
    expect(data.length % PACKET_SIZE).toBe(0);
    const read = demux(data);
    expect(read.pat).toEqual([{ programNumber: 1, pmtPid: PMT_PID }]);
    expect(read.pmt?.streams.map((s) => [s.streamType, s.pid])).toEqual([
      [STREAM_TYPE_H264, VIDEO],
      [STREAM_TYPE_AAC, AUDIO],
      [STREAM_TYPE_ID3, ID3],
    ]);
    expect(read.pmt?.programInfo.toString("hex")).toBe("250fffff49443320ff49443320001f0001");
    expect(read.pmt?.streams[2]?.esInfo.toString("hex")).toBe("260dffff49443320ff49443320000f");
    const [video] = read.pes.get(VIDEO) ?? [];
    expect(video).toMatchObject({ streamId: 0xe0, pts: 2 ** 32 + 123_456 });
    expect(video?.payload).toEqual(Buffer.alloc(1000, 7));
    const [metadata] = read.pes.get(ID3) ?? [];
    expect(metadata).toMatchObject({ streamId: STREAM_ID_PRIVATE_1, pts: 2 ** 32 + 126_456 });
    expect(parseId3(metadata?.payload ?? Buffer.alloc(0))).toEqual([{ id: "TXXX", description: "", value: text }]);
    expect(read.discontinuities).toEqual([]);
  });

  it("writes a PRIV frame, binary data under its owner's name", () => {
    expect(parseId3(id3Priv("fake-ivs:segment", Buffer.from([0, 0, 1, 2])))).toEqual([
      { id: "PRIV", description: "fake-ivs:segment", value: "00000102" },
    ]);
  });

  it("marks a keyframe's first packet for random access and keeps each PID's counter running across segments", () => {
    const counters = new ContinuityCounters();
    const first = segment(counters, "a", 0);
    const second = segment(counters, "b".repeat(400), 90_000);
    const [keyframe] = [...packetsOf(first)].filter((p) => p.pid === VIDEO);
    expect(keyframe?.randomAccess).toBe(true);
    expect(demux(Buffer.concat([first, second])).discontinuities).toEqual([]);
    const dropped = Buffer.concat([first, second.subarray(PACKET_SIZE * 3)]);
    expect(demux(dropped).discontinuities).toContain(VIDEO);
  });

  it("is read by ffprobe as a timed ID3 stream, each sample at its PTS", () => {
    const dir = mkdtempSync(join(tmpdir(), "mpegts-"));
    try {
      const counters = new ContinuityCounters();
      const pmt = withId3Stream({ ...PROGRAM, pcrPid: ID3, streams: [] }, ID3);
      const file = join(dir, "segment.ts");
      writeFileSync(
        file,
        Buffer.concat([
          sectionPacket(PAT_PID, patSection(1, PMT_PID), counters),
          sectionPacket(PMT_PID, pmtSection(pmt), counters),
          ...[1, 2].flatMap((s) =>
            pesPackets(ID3, pesWithPts(STREAM_ID_PRIVATE_1, s * 90_000, id3Txxx("x")), counters),
          ),
        ]),
      );
      const probe = (entries: string) =>
        spawnSync("ffprobe", ["-v", "error", ...entries.split(" "), "-of", "csv=p=0", file])
          .stdout.toString()
          .trim();
      expect(new Set(probe("-show_entries stream=codec_name").split(/\s+/))).toEqual(new Set(["timed_id3"]));
      expect(
        probe("-show_entries packet=pts")
          .split(/[\s,]+/)
          .filter(Boolean),
      ).toEqual(["90000", "180000"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
