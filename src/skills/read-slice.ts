import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The most any one skill read returns (skill_load's body, a skill_read_file slice, a prompt, a
 * resource). A reply carries it twice at most (text and structured), far under the 10 MiB an MCP
 * client accepts in one message; the rest is read in slices by offset.
 */
export const MAX_SLICE_BYTES = 256 * 1024;

export interface Slice {
  content: string;
  /** Byte offset of `content` in the file, and where the next slice starts (null at the end). */
  offset: number;
  nextOffset: number | null;
  /** Size of the whole file in bytes. */
  size: number;
  truncated: boolean;
}

/**
 * Bytes [offset, offset + length) of a file as UTF-8, both ends moved to character boundaries
 * (a start inside a character moves forward, an end inside one moves back), so slices read one
 * after another by `nextOffset` join to the exact file. Reads only the slice, never the whole file.
 */
export function readSlice(path: string, offset = 0, length = MAX_SLICE_BYTES): Slice {
  const want = Math.max(1, Math.min(length, MAX_SLICE_BYTES));
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.min(Math.max(0, offset), size);
    // Up to 3 bytes more on each side, to find character boundaries.
    const buffer = Buffer.alloc(Math.min(want + 4, size - start));
    const read = readSync(fd, buffer, 0, buffer.length, start);
    let from = 0;
    while (from < read && isContinuation(buffer[from])) from++;
    let to = Math.min(read, from + want);
    if (start + to < size) while (to > from && isContinuation(buffer[to])) to--;
    const end = start + to;
    return {
      content: buffer.toString('utf8', from, to),
      offset: start + from,
      nextOffset: end < size ? end : null,
      size,
      truncated: end < size,
    };
  } finally {
    closeSync(fd);
  }
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/** `text` cut to at most `maxBytes` of UTF-8 on a character boundary, with how many bytes it kept. */
export function capText(text: string, maxBytes = MAX_SLICE_BYTES): { text: string; bytes: number; totalBytes: number; truncated: boolean } {
  const totalBytes = Buffer.byteLength(text);
  if (totalBytes <= maxBytes) return { text, bytes: totalBytes, totalBytes, truncated: false };
  const buffer = Buffer.from(text);
  let to = maxBytes;
  while (to > 0 && isContinuation(buffer[to])) to--;
  return { text: buffer.toString('utf8', 0, to), bytes: to, totalBytes, truncated: true };
}

/** Where a skill's body starts in its SKILL.md (the body is the file's tail, byte for byte). */
export function bodyOffset(fileBytes: number, body: string): number {
  return Math.max(0, fileBytes - Buffer.byteLength(body));
}
