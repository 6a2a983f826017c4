/**
 * CRC-32 (the zip polynomial), for zip entries we assemble ourselves from
 * parts deflated once and reused (see zip.ts); fflate keeps its own private.
 * Eight bytes a step ("slicing by 8"): the body of an agreement is about
 * 175 KB, and a byte at a time cost as much as a tenth of packing it.
 */

const TABLES = (() => {
  const tables = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n] ?? 0;
    for (let t = 1; t < 8; t++) {
      c = (tables[c & 0xff] ?? 0) ^ (c >>> 8);
      tables[t * 256 + n] = c;
    }
  }
  return tables;
})();

export function crc32(data: Uint8Array): number {
  // Typed-array reads past the end are undefined; every index here is in range, so `| 0` only satisfies the types.
  const t = TABLES;
  let crc = -1;
  let i = 0;
  for (const end = data.length - 7; i < end; i += 8) {
    const a =
      (crc ^
        ((data[i] ?? 0) |
          ((data[i + 1] ?? 0) << 8) |
          ((data[i + 2] ?? 0) << 16) |
          ((data[i + 3] ?? 0) << 24))) >>>
      0;
    const b =
      (data[i + 4] ?? 0) |
      ((data[i + 5] ?? 0) << 8) |
      ((data[i + 6] ?? 0) << 16) |
      ((data[i + 7] ?? 0) << 24);
    crc =
      (t[1792 + (a & 0xff)] ?? 0) ^
      (t[1536 + ((a >>> 8) & 0xff)] ?? 0) ^
      (t[1280 + ((a >>> 16) & 0xff)] ?? 0) ^
      (t[1024 + (a >>> 24)] ?? 0) ^
      (t[768 + (b & 0xff)] ?? 0) ^
      (t[512 + ((b >>> 8) & 0xff)] ?? 0) ^
      (t[256 + ((b >>> 16) & 0xff)] ?? 0) ^
      (t[b >>> 24] ?? 0);
  }
  for (; i < data.length; i++) crc = (t[(crc ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
