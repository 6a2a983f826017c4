/**
 * Deflate streams that inflate to far more than they weigh, made without
 * ever holding the inflated text: independent segments (each ended with a
 * full flush, so none refers back to another) are simply laid end to end.
 */
import { constants, deflateRawSync } from "node:zlib";

const MEGABYTE = 1024 * 1024;

function segment(text: string | Uint8Array, last: boolean): Buffer {
  return deflateRawSync(text, last ? {} : { finishFlush: constants.Z_FULL_FLUSH });
}

/** Raw deflate of `prefix`, then `megabytes` MB of the letter a, then `suffix`. */
export function deflatedBomb(
  prefix: string,
  megabytes: number,
  suffix: string,
): {
  raw: Uint8Array;
  size: number;
} {
  const filler = segment(new Uint8Array(MEGABYTE).fill(0x61), false);
  const parts = [segment(prefix, false)];
  for (let i = 0; i < megabytes; i++) parts.push(filler);
  parts.push(segment(suffix, true));
  return {
    raw: Buffer.concat(parts),
    size: Buffer.byteLength(prefix) + megabytes * MEGABYTE + Buffer.byteLength(suffix),
  };
}
