/**
 * Opens the parts of an .xlsx one at a time, within the size limits: each
 * part's declared size is checked before it is inflated, and the inflated
 * bytes are counted as they come, because a hostile directory can lie.
 */
import { Inflate, inflateSync } from "fflate";
import { megabytes, READ_LIMITS } from "./read-limits.js";
import { UnreadableWorkbookError } from "./unreadable.js";
import { entryData, partKey, readZipDirectory, type ZipEntry } from "./zip-directory.js";

/** Deflate's best ratio is about 1:1032: a compressed chunk of n bytes inflates to at most ~1032·n. */
const WORST_RATIO = 1032;
/** Compressed bytes per push while inflating: at most ~33 MB of output each, whatever the file says. */
const PUSH_BYTES = 32 * 1024;

function tooBig(what: string, size: number, limit: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    `${what} is ${megabytes(size)} MB uncompressed, over the limit of ${megabytes(limit)} MB; this is not a partnership workbook, or it holds far more than one needs (open it in Excel, delete unused rows, columns and sheets, shrink tables to the rows in use with Table Design → Resize Table, and save it again)`,
  );
}

const damaged = (): UnreadableWorkbookError =>
  new UnreadableWorkbookError(
    "the file is damaged or incomplete (a part of it cannot be uncompressed); open it in Excel and save it again",
  );

const lying = (): UnreadableWorkbookError =>
  new UnreadableWorkbookError(
    "the file is damaged (a part is larger than the zip directory says); open it in Excel and save it again",
  );

type NodeZlib = typeof import("node:zlib");

/**
 * Node's own zlib where there is one (the command line): native, and it stops
 * by itself at a maximum output. Looked up at run time so that a browser
 * bundle of this adapter needs no Node module and uses fflate instead.
 */
const nodeZlib = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:zlib") as NodeZlib | undefined;

function inflateNative(zlib: NodeZlib, data: Uint8Array, declared: number): Uint8Array {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(declared, 1) });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw lying();
    throw error;
  }
}

/**
 * Inflates raw deflate data into one buffer of the `declared` size, stopping
 * as soon as the data would pass it. Without Node's zlib (in a browser),
 * fflate inflates in small pushes whose chunks are copied in and dropped.
 */
export function inflateWithin(
  data: Uint8Array,
  declared: number,
  zlib: NodeZlib | undefined = nodeZlib,
): Uint8Array {
  if (zlib) return inflateNative(zlib, data, declared);
  // Data this small for its declared size cannot pass it: inflate it in one call.
  if (data.length * WORST_RATIO <= declared)
    return inflateSync(data, { out: new Uint8Array(declared) });
  const out = new Uint8Array(declared);
  let size = 0;
  const inflate = new Inflate((chunk) => {
    if (size + chunk.length > declared) throw lying();
    out.set(chunk, size);
    size += chunk.length;
  });
  // Small pushes: one cannot inflate much past the declared size before the check above stops it.
  for (let at = 0; at < data.length; at += PUSH_BYTES) {
    const end = Math.min(at + PUSH_BYTES, data.length);
    inflate.push(data.subarray(at, end), end === data.length);
  }
  return size === declared ? out : out.subarray(0, size);
}

export class ZipParts {
  private readonly entries: Map<string, ZipEntry>;

  /**
   * Reads the directory and checks, before anything is inflated, that the XML
   * parts add up to no more than the total limit. Each part is later inflated
   * no further than its declared size, so the check holds even when sizes lie.
   */
  constructor(private readonly file: Uint8Array) {
    this.entries = readZipDirectory(file);
    let total = 0;
    for (const [key, entry] of this.entries)
      if (key.endsWith(".xml") || key.endsWith(".rels")) total += entry.size;
    if (total > READ_LIMITS.totalBytes) throw tooBig("the workbook", total, READ_LIMITS.totalBytes);
  }

  has(path: string): boolean {
    return this.entries.has(partKey(path));
  }

  /**
   * The part's bytes, or null when the file has no such part. `what` names
   * the part for a user ("the sheet Indicators") in a refusal; `limit` is its
   * largest uncompressed size (READ_LIMITS.sheetBytes for a worksheet).
   */
  bytes(path: string, what: string, limit: number = READ_LIMITS.partBytes): Uint8Array | null {
    const entry = this.entries.get(partKey(path));
    if (!entry) return null;
    if (entry.flags & 1) {
      throw new UnreadableWorkbookError(
        "the file is encrypted; remove the password in Excel (File → Info → Protect Workbook) and try again",
      );
    }
    if (entry.size > limit) throw tooBig(what, entry.size, limit);
    const data = entryData(this.file, entry);
    let part: Uint8Array;
    if (entry.method === 0) part = data;
    else if (entry.method === 8) {
      try {
        part = inflateWithin(data, entry.size);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw error;
        throw damaged();
      }
    } else {
      throw new UnreadableWorkbookError(
        `the file uses a compression method (${entry.method}) that Excel does not write; open it in Excel and save it again`,
      );
    }
    // Fewer bytes than declared is a damaged part; more cannot happen (inflating stops at the declared size).
    if (part.length !== entry.size) throw damaged();
    return part;
  }
}
