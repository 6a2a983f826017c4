/**
 * A minimal zip writer for test files that no well-behaved library would
 * write: entries whose directory lies about their size, pre-compressed
 * bombs, unsupported methods, encrypted flags.
 */
import * as zlib from "node:zlib";

export interface ZipInput {
  name: string;
  /** Uncompressed content (deflated here unless `raw` is given). */
  data?: Uint8Array | string;
  /** Already-compressed bytes, written as they are. */
  raw?: Uint8Array;
  /** Compression method written in the headers: 8 deflate (default), 0 stored, anything else to test refusal. */
  method?: number;
  /** Uncompressed size to declare; defaults to the real one. */
  declaredSize?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** Node 20.15+ computes it natively; the table is for older ones. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(bytes) >>> 0;
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const encoder = new TextEncoder();

/** Little-endian fields go into a plain list, flushed into a chunk before each block of data. */
class Bytes {
  private readonly chunks: Uint8Array[] = [];
  private pending: number[] = [];
  length = 0;
  u16(n: number): this {
    this.pending.push(n & 0xff, (n >>> 8) & 0xff);
    this.length += 2;
    return this;
  }
  u32(n: number): this {
    this.pending.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
    this.length += 4;
    return this;
  }
  add(bytes: Uint8Array): this {
    this.flush();
    this.chunks.push(bytes);
    this.length += bytes.length;
    return this;
  }
  join(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Uint8Array.from(this.pending));
    this.pending = [];
  }
}

export function buildZip(inputs: readonly ZipInput[]): Uint8Array {
  const body = new Bytes();
  const directory = new Bytes();
  for (const input of inputs) {
    const data =
      typeof input.data === "string"
        ? encoder.encode(input.data)
        : (input.data ?? new Uint8Array());
    const method = input.method ?? 8;
    const stored = input.raw ?? (method === 0 ? data : zlib.deflateRawSync(data));
    const name = encoder.encode(input.name);
    const size = input.declaredSize ?? data.length;
    const crc = input.raw ? 0 : crc32(data);
    const offset = body.length;
    const flags = input.flags ?? 0;
    body.u32(0x04034b50).u16(20).u16(flags).u16(method).u16(0).u16(0x21);
    body.u32(crc).u32(stored.length).u32(size).u16(name.length).u16(0).add(name).add(stored);
    directory.u32(0x02014b50).u16(20).u16(20).u16(flags).u16(method).u16(0).u16(0x21);
    directory.u32(crc).u32(stored.length).u32(size).u16(name.length).u16(0).u16(0);
    directory.u16(0).u16(0).u32(0).u32(offset).add(name);
  }
  const end = new Bytes();
  end.u32(0x06054b50).u16(0).u16(0).u16(inputs.length).u16(inputs.length);
  end.u32(directory.length).u32(body.length).u16(0);
  return new Bytes().add(body.join()).add(directory.join()).add(end.join()).join();
}
