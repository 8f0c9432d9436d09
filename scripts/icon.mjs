// Draws icon.png (128×128, the Marketplace and Extensions view icon): a report page on a seal-red square, with a
// gold tick. Plain shapes rasterised here with 4×4 supersampling, so the icon is reproducible without any image
// tool: `node scripts/icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const SS = 4;

/** Signed distance to a rounded rectangle centred at (cx, cy), half sizes hw, hh, corner radius r. */
function roundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to the segment (ax, ay)–(bx, by). */
function segment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

const RED = [183, 28, 28];
const PAGE = [255, 255, 255];
const LINE = [120, 120, 120];
const GOLD = [255, 193, 7];
const DARK = [120, 16, 16];

/** The colour at a point, or null outside the icon. Later layers paint over earlier ones. */
function colourAt(x, y) {
  if (roundRect(x, y, 64, 64, 60, 60, 22) > 0) return null;
  let c = RED;
  // the page, its top-right corner folded
  const inPage = roundRect(x, y, 58, 62, 30, 40, 4) <= 0 && !(x - 58 > 12 + (y - 22) && y < 48);
  if (inPage) c = PAGE;
  if (x > 70 && x < 88 && y > 22 && y < 40 && x - 70 <= y - 22) c = [230, 230, 230];
  if (inPage) {
    for (const ly of [52, 64, 76, 88]) if (segment(x, y, 40, ly, ly === 88 ? 60 : 76, ly) < 2.6) c = LINE;
  }
  // the seal of approval: a gold disc with a dark tick
  const d = Math.hypot(x - 88, y - 92);
  if (d < 22) c = GOLD;
  if (d < 22 && Math.min(segment(x, y, 78, 92, 86, 100), segment(x, y, 86, 100, 99, 83)) < 3.6) c = DARK;
  return c;
}

const rows = [];
for (let py = 0; py < N; py++) {
  const row = Buffer.alloc(1 + N * 4);
  for (let px = 0; px < N; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++)
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a++;
      }
    const o = 1 + px * 4;
    if (a) {
      row[o] = Math.round(r / a);
      row[o + 1] = Math.round(g / a);
      row[o + 2] = Math.round(b / a);
    }
    row[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
  rows.push(row);
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
