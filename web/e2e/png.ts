import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** A real (small) RGB PNG drawn pixel by pixel: what a phone's camera would hand the upload form. */
export function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

/** A product photo: a jar of tea on a warm background. */
export function productPhoto(): Buffer {
  return png(160, 120, (x, y) => {
    const jar = x > 55 && x < 105 && y > 30 && y < 105;
    const lid = x > 60 && x < 100 && y > 20 && y <= 30;
    if (lid) return [120, 60, 20];
    if (jar) return x > 65 && x < 95 && y > 55 && y < 80 ? [250, 246, 238] : [34, 110, 60];
    return [250 - Math.round(y / 3), 214 - Math.round(y / 4), 120];
  });
}

/** A certificate scan: white paper, a red seal, lines of text and a signature. */
export function certificateScan(): Buffer {
  return png(300, 420, (x, y) => {
    const border = x < 8 || x > 291 || y < 8 || y > 411;
    if (border) return [180, 35, 24];
    const dx = x - 220;
    const dy = y - 340;
    const ring = dx * dx + dy * dy;
    if (ring < 38 * 38 && ring > 30 * 30) return [200, 30, 30];
    if (y > 40 && y < 52 && x > 70 && x < 230) return [40, 40, 40];
    if (y > 80 && y % 22 < 6 && y < 300 && x > 30 && x < 270 - ((y * 7) % 60)) return [90, 90, 90];
    return [252, 250, 244];
  });
}
