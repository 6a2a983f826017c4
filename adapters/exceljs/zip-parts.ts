/**
 * Opens the parts of an .xlsx one at a time, within the size limits: each
 * part's declared size is checked before it is inflated, and the inflated
 * bytes are counted as they come, because a hostile directory can lie.
 */
import { Inflate } from "fflate";
import { megabytes, READ_LIMITS } from "./read-limits.js";
import { UnreadableWorkbookError } from "./unreadable.js";
import { entryData, partKey, readZipDirectory, type ZipEntry } from "./zip-directory.js";

/** Deflate's best ratio is about 1:1032: a compressed chunk of n bytes inflates to at most ~1032·n. */
const WORST_RATIO = 1032;
/** Below this compressed size a part cannot inflate past the part limit, so it is inflated in one go. */
const SAFE_COMPRESSED = Math.floor(READ_LIMITS.partBytes / WORST_RATIO);

function tooBig(what: string, size: number, limit: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    `${what} is ${megabytes(size)} MB uncompressed, over the limit of ${megabytes(limit)} MB; this is not a partnership workbook, or it holds far more than one needs (open it in Excel, delete unused rows, columns and sheets, and save it again)`,
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

/**
 * Inflates raw deflate data into text, stopping as soon as it passes the
 * `declared` size. Each inflated chunk is decoded at once and dropped, so
 * the bytes and the text of a large part are never both held whole.
 */
function inflateText(data: Uint8Array, declared: number): { text: string; size: number } {
  const pieces: string[] = [];
  const decoder = new TextDecoder("utf-8");
  let size = 0;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > declared) throw lying();
    pieces.push(decoder.decode(chunk, { stream: !final }));
  });
  try {
    if (data.length * WORST_RATIO <= declared || data.length <= SAFE_COMPRESSED)
      inflate.push(data, true);
    else {
      // Each push may inflate at most about what is still allowed, so a lying part is stopped early.
      for (let at = 0; at < data.length;) {
        const room = Math.max(declared - size, 0) / WORST_RATIO;
        const end = Math.min(
          at + Math.min(Math.max(Math.ceil(room), 1024), 64 * 1024),
          data.length,
        );
        inflate.push(data.subarray(at, end), end === data.length);
        at = end;
      }
    }
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    throw damaged();
  }
  return { text: pieces.join(""), size };
}

export class ZipParts {
  private readonly entries: Map<string, ZipEntry>;

  /**
   * Reads the directory and checks, before anything is inflated, that the XML
   * parts add up to no more than the total limit. Each part is later inflated
   * no further than its declared size, so the check holds even when sizes lie.
   */
  constructor(private readonly bytes: Uint8Array) {
    this.entries = readZipDirectory(bytes);
    let total = 0;
    for (const [key, entry] of this.entries)
      if (key.endsWith(".xml") || key.endsWith(".rels")) total += entry.size;
    if (total > READ_LIMITS.totalBytes) throw tooBig("the workbook", total, READ_LIMITS.totalBytes);
  }

  has(path: string): boolean {
    return this.entries.has(partKey(path));
  }

  /**
   * The part's text, or null when the file has no such part. `what` names the
   * part for a user ("the sheet Indicators") in a refusal.
   */
  text(path: string, what: string): string | null {
    const entry = this.entries.get(partKey(path));
    if (!entry) return null;
    if (entry.flags & 1) {
      throw new UnreadableWorkbookError(
        "the file is encrypted; remove the password in Excel (File → Info → Protect Workbook) and try again",
      );
    }
    if (entry.size > READ_LIMITS.partBytes) throw tooBig(what, entry.size, READ_LIMITS.partBytes);
    const data = entryData(this.bytes, entry);
    let part: { text: string; size: number };
    if (entry.method === 0)
      part = { text: new TextDecoder("utf-8").decode(data), size: data.length };
    else if (entry.method === 8) part = inflateText(data, entry.size);
    else {
      throw new UnreadableWorkbookError(
        `the file uses a compression method (${entry.method}) that Excel does not write; open it in Excel and save it again`,
      );
    }
    // Fewer bytes than declared is a damaged part; more cannot happen (inflating stops at the declared size).
    if (part.size !== entry.size) throw damaged();
    return part.text;
  }
}
