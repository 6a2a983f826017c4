// Draws the add-in's ribbon and store icons (16, 32, 64, 80 px PNG): two
// linked rings on a rounded Fluent-blue square. Run: node assets/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Which colour a point (0..1 square) has, or null outside the icon. */
function shade(u, v) {
  const radius = 0.2;
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - radius), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - radius), 0);
  if (dx * dx + dy * dy > radius * radius) return null;
  for (const cx of [0.38, 0.62]) {
    const d = Math.hypot(u - cx, v - 0.5);
    if (Math.abs(d - 0.2) < 0.055) return WHITE;
  }
  return BLUE;
}

function icon(size) {
  const samples = 4;
  return png(size, (x, y) => {
    let r = 0,
      g = 0,
      b = 0,
      covered = 0;
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < samples; j++) {
        const colour = shade((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size);
        if (!colour) continue;
        covered += 1;
        r += colour[0];
        g += colour[1];
        b += colour[2];
      }
    }
    if (covered === 0) return [0, 0, 0, 0];
    return [
      Math.round(r / covered),
      Math.round(g / covered),
      Math.round(b / covered),
      Math.round((255 * covered) / samples ** 2),
    ];
  });
}

const here = fileURLToPath(new URL(".", import.meta.url));
for (const size of [16, 32, 64, 80]) writeFileSync(`${here}icon-${size}.png`, icon(size));
console.log("Wrote assets/icon-16.png, icon-32.png, icon-64.png, icon-80.png");
