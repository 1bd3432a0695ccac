/**
 * Draws the extension's icon at every size the stores ask for (public/icon/<size>.png, which WXT
 * puts in the manifest): a quotation mark over a tick, on the palette's accent blue. Run with
 * `npx tsx scripts/icons.ts` after changing the drawing; the PNGs are committed.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = [16, 32, 48, 96, 128];
const BG: [number, number, number] = [0x0b, 0x57, 0xd0];
const FG: [number, number, number] = [0xff, 0xff, 0xff];
const TICK: [number, number, number] = [0x56, 0xd3, 0x64];

/** Coverage of the shape at (x, y) in a unit square: 0 outside, 1 inside. */
function roundedSquare(x: number, y: number): boolean {
  const r = 0.2;
  const dx = Math.max(r - x, x - (1 - r), 0);
  const dy = Math.max(r - y, y - (1 - r), 0);
  return dx * dx + dy * dy <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

/** One "6"-shaped quote mark: a disc with a tail rising to the left. */
function quoteMark(x: number, y: number, cx: number, cy: number): boolean {
  const r = 0.105;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  // The tail: a thick arc from the disc's top left, up and out.
  const tx = cx - 0.02;
  const ty = cy - 0.02;
  const d = Math.hypot(x - (tx + 0.12), y - (ty + 0.02));
  return d >= 0.16 && d <= 0.21 && x < tx + 0.02 && y < cy && x > cx - 0.2;
}

function tick(x: number, y: number): boolean {
  // Two strokes: (0.52,0.72)→(0.62,0.82) and (0.62,0.82)→(0.82,0.58).
  const seg = (ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  return Math.min(seg(0.5, 0.7, 0.61, 0.81), seg(0.61, 0.81, 0.82, 0.56)) <= 0.055;
}

function pixel(x: number, y: number): [number, number, number, number] {
  if (!roundedSquare(x, y)) return [0, 0, 0, 0];
  if (tick(x, y)) return [...TICK, 255];
  if (quoteMark(x, y, 0.32, 0.42) || quoteMark(x, y, 0.58, 0.42)) return [...FG, 255];
  return [...BG, 255];
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf: Buffer): number {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number): Buffer {
  const ss = 4; // samples a side, for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const p = pixel((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          for (let k = 0; k < 3; k++) acc[k] += p[k] * p[3];
          acc[3] += p[3];
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / (ss * ss);
      for (let k = 0; k < 3; k++) raw[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const dir = join(import.meta.dirname, '..', 'public', 'icon');
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(join(dir, `${size}.png`), png(size));
console.log(`wrote ${SIZES.map((s) => `${s}.png`).join(', ')} in public/icon/`);
