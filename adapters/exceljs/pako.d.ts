/**
 * The part of pako 1.0 the zip writer uses (pako ships no types). pako is
 * JSZip's deflate: the writer uses it directly so workbooks keep the bytes
 * JSZip gave them.
 */
declare module "pako" {
  interface DeflateOptions {
    raw?: boolean;
    level?: number;
  }
  export class Deflate {
    constructor(options?: DeflateOptions);
    /** Compresses `data`; `last` ends the stream. Returns false on error. */
    push(data: Uint8Array, last: boolean): boolean;
    readonly err: number;
    readonly msg: string;
    /** The whole compressed stream, once the last chunk was pushed. */
    readonly result: Uint8Array;
  }
  const pako: { Deflate: typeof Deflate };
  export default pako;
}
